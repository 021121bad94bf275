/*
 * mm.h as a submission for the CS:APP handout (2002, 3rd edition) saw it:
 * the four functions, and the team_t record every mm.c filled in.
 * Written for this lab (eras/table.mk); the declarations match the handout's.
 */
#include <stdio.h>

extern int mm_init(void);
extern void *mm_malloc(size_t size);
extern void mm_free(void *ptr);
extern void *mm_realloc(void *ptr, size_t size);

/* Who wrote the allocator: one or two students. */
typedef struct {
    char *teamname;     /* the team's name (its members' IDs) */
    char *name1;        /* first member's full name */
    char *id1;          /* first member's login */
    char *name2;        /* second member's full name, or "" */
    char *id2;          /* second member's login, or "" */
} team_t;

extern team_t team;
