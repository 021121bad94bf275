/*
 * top-down.c - a correct but unusual allocator: it takes the heap in
 * chunks and hands out each chunk from its top downward, so that a new
 * block lies below every live block and overlaps none. A driver must
 * accept it (older drivers' overlap checks did not).
 */
#include "base.h"

/* Heap taken at a time, in bytes. */
static const size_t chunk_bytes = 64 * 1024;

static unsigned char *chunk_lo;  /* the current chunk's first byte */
static unsigned char *top;       /* its lowest block so far: free below */

int mm_init(void)
{
    chunk_lo = top = NULL;
    return base_init();
}

void *mm_malloc(size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t bytes = base_block_size(size);
    if (top == NULL || (size_t)(top - chunk_lo) < bytes) {
        size_t grow = bytes > chunk_bytes ? bytes : chunk_bytes;
        unsigned char *lo = mem_sbrk((intptr_t)grow);
        if (lo == (void *)-1)
            return NULL;
        chunk_lo = lo;
        top = lo + grow;
    }
    top -= bytes;
    memcpy(top, &size, sizeof size);
    return top + BASE_HEADER;
}

void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
