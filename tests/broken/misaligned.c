/*
 * misaligned.c - the third mm_malloc returns a pointer 8 bytes past an
 * ALIGNMENT boundary (inside memory it did take from the heap).
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    unsigned char *p = base_malloc(++calls == 3 ? size + ALIGNMENT : size);
    return p != NULL && calls == 3 ? p + 8 : p;
}
