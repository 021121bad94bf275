/*
 * late-corruption.c - the third mm_malloc also overwrites the header of the
 * heap's first block, a live one, with a wrong size (its payload is left
 * alone). mm_checkheap sees the broken header chain right after that
 * operation; the driver's own checks see nothing until the block is
 * reallocated and only as many bytes as the wrong size says are copied.
 */
#include "base.h"

static int calls;

/* The size written into the first block's header, in bytes. */
static const size_t wrong_size = 8;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
bool mm_checkheap(int lineno)
{
    return base_checkheap(lineno, (unsigned char *)mem_heap_hi() + 1);
}

void *mm_malloc(size_t size)
{
    void *p = base_malloc(size);
    if (++calls == 3 && p != NULL)
        memcpy(mem_heap_lo(), &wrong_size, sizeof wrong_size);
    return p;
}
