/*
 * realloc-tail.c - mm_realloc copies everything but gets the last byte of
 * a long block (over 1 KiB) wrong: damage only a check of the whole block,
 * not of its first bytes, can see.
 */
#include "base.h"

/* Blocks longer than this lose their last byte, in bytes. */
static const size_t long_block = 1024;

int mm_init(void) { return base_init(); }
void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }

void *mm_realloc(void *p, size_t size)
{
    size_t old = base_size(p);
    unsigned char *q = base_realloc(p, size);
    if (q != NULL && old > long_block && old <= size)
        q[old - 1] ^= 0xff;
    return q;
}
