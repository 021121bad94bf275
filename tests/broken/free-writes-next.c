/*
 * free-writes-next.c - mm_free marks the block free by writing 8 bytes one
 * block too far: into the start of the next block's payload.
 */
#include "base.h"

static const unsigned char mark[8] = {0xfe, 0xee, 0xfe, 0xee, 0xfe, 0xee, 0xfe, 0xee};

int mm_init(void) { return base_init(); }
void *mm_malloc(size_t size) { return base_malloc(size); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void mm_free(void *p)
{
    if (p == NULL)
        return;
    unsigned char *next = (unsigned char *)p + base_block_size(base_size(p));
    if (base_in_heap(next, sizeof mark))
        memcpy(next, mark, sizeof mark);
}
