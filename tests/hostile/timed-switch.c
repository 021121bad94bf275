/*
 * timed-switch.c - layer 4 (the timed replays are the replay that was
 * checked): the checked replay comes first in each run, so an allocator
 * that counts its mm_init calls knows when it is being timed. This one
 * then switches to a cheaper placement: it stops aligning its blocks'
 * headers the same way (every block 16 bytes further up), which the
 * timed loop, which checks nothing, would never notice.
 */
#include "../broken/base.h"

static int inits;       /* mm_init calls in this process */

int mm_init(void)
{
    inits++;
    return base_init();
}

void *mm_malloc(size_t size)
{
    if (inits > 1)
        (void)base_malloc(0);    /* timed: a different placement, unchecked */
    return base_malloc(size);
}

void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
