/*
 * null-malloc.c - from its fifth call on, mm_malloc returns NULL although
 * the arena has room to spare.
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    return ++calls >= 5 ? NULL : base_malloc(size);
}
