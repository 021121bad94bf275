/*
 * outside-end.c - the second mm_malloc takes only half the payload from
 * mem_sbrk: the block starts inside the heap and runs past its end.
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 2) {
        unsigned char *p = base_malloc(size / 2);
        if (p != NULL)
            memcpy(p - BASE_HEADER, &size, sizeof size);
        return p;
    }
    return base_malloc(size);
}
