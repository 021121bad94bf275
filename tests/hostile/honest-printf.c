/*
 * honest-printf.c - the control: an honest allocator as students write
 * them, which no protection may touch. It prints from mm_init and from its
 * checker (stdout and stderr), asserts, and clears and copies blocks with
 * memset and memcpy; it places blocks exactly as tests/broken/correct.c
 * does, so it must score exactly what that one scores.
 */
#include <assert.h>

#include "../broken/base.h"

static int inits;

int mm_init(void)
{
    inits++;
    if (inits <= 3)
        printf("honest mm_init #%d\n", inits);
    return base_init();
}

void *mm_malloc(size_t size)
{
    unsigned char *p = base_malloc(size);
    assert(p == NULL || (uintptr_t)p % ALIGNMENT == 0);
    if (p != NULL)
        memset(p, 0, size);
    return p;
}

void mm_free(void *p) { base_free(p); }

void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

bool mm_checkheap(int lineno)
{
    bool ok = base_checkheap(lineno, (const unsigned char *)mem_heap_hi() + 1);
    if (!ok)
        fprintf(stderr, "honest checker: the heap is broken (line %d)\n", lineno);
    return ok;
}
