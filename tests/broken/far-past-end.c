/*
 * far-past-end.c - the third mm_malloc takes its block from mem_sbrk, then
 * writes a page past the heap's end, where no page is mapped: SIGSEGV.
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    void *p = base_malloc(size);
    if (++calls == 3 && p != NULL)
        *((volatile unsigned char *)mem_heap_hi() + 1 + mem_pagesize()) = 0x5a;
    return p;
}
