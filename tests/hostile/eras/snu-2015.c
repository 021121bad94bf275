/* snu-2015.c - Seoul National University (2015): mm_init(range_t **), a
 * team, mm_exit. */
#include <stdio.h>
#include <string.h>

typedef struct range_t { char *lo, *hi; struct range_t *next; } range_t;
typedef struct { char *teamname, *name1, *id1, *name2, *id2; } team_t;
team_t team = {"snu", "Kim", "2015-00000", "", ""};

void *mem_sbrk(int incr);

static range_t **gl_ranges;

int mm_init(range_t **ranges)
{
    gl_ranges = ranges;
    return 0;
}

void *mm_malloc(size_t size)
{
    char *p = mem_sbrk((int)((size + 7) / 8 * 8 + 8));
    if (p == (void *)-1)
        return NULL;
    memset(p, 0, 8);
    memcpy(p, &size, sizeof size < 8 ? sizeof size : 8);
    return p + 8;
}

void mm_free(void *ptr) { (void)ptr; }

void *mm_realloc(void *ptr, size_t size)
{
    void *p = mm_malloc(size);
    if (p != NULL && ptr != NULL) {
        size_t old;
        memcpy(&old, (char *)ptr - 8, sizeof old);
        memcpy(p, ptr, old < size ? old : size);
    }
    return p;
}

void mm_exit(void)
{
    printf("mm_exit: ranges at %p\n", (void *)gl_ranges);
}
