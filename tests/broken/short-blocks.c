/*
 * short-blocks.c - every block is 8 bytes shorter than asked for, as when
 * a block size leaves out a header word. Blocks are carved one after
 * another from chunks of at least a page, so the next block's header lands
 * in the last bytes of the one below it, a live one. mm_checkheap walks
 * the headers, which stay consistent: it cannot see the bug.
 */
#include "base.h"

/* Bytes each block falls short by. */
static const size_t shortfall = 8;

/* Bytes asked of mem_sbrk at least, when the chunk has no room left. */
static const size_t chunk = 4096;

static unsigned char *top;      /* where the next block goes; NULL: none yet */
static unsigned char *end;      /* the end of the chunk: the break */

int mm_init(void) { top = end = NULL; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
bool mm_checkheap(int lineno) { return base_checkheap(lineno, top ? top : mem_heap_lo()); }

void *mm_malloc(size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t stored = size > shortfall ? size - shortfall : 0;
    size_t bytes = base_block_size(stored);
    if (top == NULL || (size_t)(end - top) < bytes) {
        size_t grow = bytes > chunk ? bytes : chunk;
        unsigned char *p = mem_sbrk((intptr_t)grow);
        if (p == (void *)-1)
            return NULL;
        if (top == NULL)
            top = p;
        end = p + grow;             /* the heap is contiguous: the chunk grows */
    }
    memcpy(top, &stored, sizeof stored);
    top += bytes;
    return top - bytes + BASE_HEADER;
}
