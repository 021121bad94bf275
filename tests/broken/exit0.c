/*
 * exit0.c - the third mm_malloc calls exit(0), as a student's "should not
 * happen" branch might: the trace must fail, not pass for having ended
 * with status 0.
 */
#include <stdlib.h>

#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 3)
        exit(0);
    return base_malloc(size);
}
