/*
 * reset-heap.c - layer 1 (utilization from the driver's own facts): when
 * nothing is live, empty the heap with the driver's mem_reset_brk and start
 * over, so that the final heap is tiny and utilization soars (7,674,394%
 * before the lab measured against the high-water mark and refused the
 * call). Otherwise the correct bump allocator.
 */
#include "../broken/base.h"

static size_t live;     /* blocks live */

int mm_init(void) { live = 0; return base_init(); }

void *mm_malloc(size_t size)
{
    if (live == 0)
        mem_reset_brk();
    live++;
    return base_malloc(size);
}

void mm_free(void *p)
{
    if (p != NULL)
        live--;
    base_free(p);
}

void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
