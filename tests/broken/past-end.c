/*
 * past-end.c - the third mm_malloc takes its block from mem_sbrk, then
 * writes one byte past the heap's end, at mem_heap_hi() + 1: memory in
 * the break's page, so no fault, only the driver's canary can see it.
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
        *((unsigned char *)mem_heap_hi() + 1) = 0x5a;
    return p;
}
