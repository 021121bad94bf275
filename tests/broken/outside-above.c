/*
 * outside-above.c - the second mm_malloc returns a block past the heap's
 * end: where the next block would go, without calling mem_sbrk for it.
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 2)
        return (unsigned char *)mem_heap_hi() + 1 + BASE_HEADER;
    return base_malloc(size);
}
