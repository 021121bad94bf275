/*
 * mm.h as a submission for the CS:APP handout without team_t saw it: the
 * four functions only. Written for this lab (eras/table.mk).
 */
#include <stdio.h>

extern int mm_init(void);
extern void *mm_malloc(size_t size);
extern void mm_free(void *ptr);
extern void *mm_realloc(void *ptr, size_t size);
