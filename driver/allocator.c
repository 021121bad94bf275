/*
 * allocator.c - mm.c and the C library behind one table of functions.
 */
#include "allocator.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "mm.h"

/* mm.c need only define the four classic functions. The optional ones are
 * weak references: their address is NULL when mm.c leaves them out, so a
 * student's file from an older lab still links. */
#pragma weak mm_calloc
#pragma weak mm_checkheap
#pragma weak mm_set_placement
#pragma weak mm_walk_heap

const struct allocator *allocator_mm(void)
{
    static struct allocator mm = {
        .name = "mm",
        .simulated = true,
        .init = mm_init,
        .malloc = mm_malloc,
        .free = mm_free,
        .realloc = mm_realloc,
    };
    mm.checkheap = mm_checkheap;
    mm.set_placement = mm_set_placement;
    mm.walk_heap = mm_walk_heap;
    return &mm;
}

/* Keep the comparison fair: after the warm-up replay glibc already holds
 * the memory a trace needs, and these settings stop it from handing freed
 * memory back to the kernel (trimming the top of the heap, or unmapping
 * large blocks) between replays, so neither side is timed faulting fresh
 * pages in. memlib likewise keeps its pages after mem_reset_brk. */
static int libc_init(void)
{
#if defined(__GLIBC__)
    static int tuned;
    if (!tuned) {
        mallopt(M_TRIM_THRESHOLD, -1);      /* never trim the heap's top */
        mallopt(M_MMAP_MAX, 0);             /* large blocks from the heap, not mmap */
        tuned = 1;
    }
#endif
    return 0;
}

const struct allocator *allocator_libc(void)
{
    static const struct allocator libc = {
        .name = "libc",
        .simulated = false,
        .init = libc_init,
        .malloc = malloc,
        .free = free,
        .realloc = realloc,
    };
    return &libc;
}
