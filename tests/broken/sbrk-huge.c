/*
 * sbrk-huge.c - the third mm_malloc asks mem_sbrk for the whole arena on
 * top of what the heap holds already (a size computed wrong), gets
 * (void *)-1 and returns NULL for a request the arena could hold.
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 3)
        return mem_sbrk((intptr_t)mem_max_heap()) == (void *)-1 ? NULL : base_malloc(size);
    return base_malloc(size);
}
