/*
 * contains.c - the third mm_malloc returns a block that starts at the
 * previous block's header and wholly contains that (live) block: neither
 * its first nor its last byte lies inside a live payload, so only a check
 * that looks for any live block within the new one catches it.
 */
#include "base.h"

static int calls;
static unsigned char *last;

int mm_init(void) { calls = 0; last = NULL; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    unsigned char *p = base_malloc(size);
    if (++calls == 3 && p != NULL && last != NULL)
        p = last - BASE_HEADER;     /* the heap reaches past p + size: p was taken */
    last = p;
    return p;
}
