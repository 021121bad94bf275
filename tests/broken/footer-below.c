/*
 * footer-below.c - mm_malloc writes an 8-byte "footer" just below its
 * block's header: into the last bytes of the block below, a live one.
 */
#include "base.h"

static const unsigned char footer[8] = {0xf0, 0x07, 0xe7, 0x00, 0xde, 0xad, 0xbe, 0xef};

int mm_init(void) { return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    unsigned char *p = base_malloc(size);
    if (p != NULL && base_in_heap(p - BASE_HEADER - sizeof footer, sizeof footer))
        memcpy(p - BASE_HEADER - sizeof footer, footer, sizeof footer);
    return p;
}
