/*
 * below-heap.c - the third mm_malloc writes 8 bytes below the heap's first
 * byte, as a prologue placed one word too low would: into memlib's guard
 * page, SIGSEGV.
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 3)
        *((volatile unsigned char *)mem_heap_lo() - 8) = 0x5a;
    return base_malloc(size);
}
