/*
 * heapdump.c - print the heap around an address, two views.
 */
#include "heapdump.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct out {
    char *buf;
    size_t len, used;
};

static void put(struct out *o, const char *fmt, ...)
{
    if (o->used + 1 >= o->len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->used, o->len - o->used, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->used = o->used + (size_t)n < o->len ? o->used + (size_t)n : o->len - 1;
}

/* mm.c's blocks that meet [lo, hi), for its walker. */
struct walk {
    struct out *o;
    uintptr_t heap_lo, lo, hi, focus;
    size_t shown;
};

static void visit(void *ctx, const struct mm_block_info *b)
{
    struct walk *w = ctx;
    uintptr_t start = (uintptr_t)b->block, end = start + b->size;
    if (end <= w->lo || start >= w->hi || w->shown >= 4 * HEAPDUMP_BLOCKS)
        return;
    w->shown++;
    put(w->o, "    heap+0x%06" PRIxPTR "  %8zu bytes  %-9s header 0x%llx", start - w->heap_lo,
        b->size, b->allocated ? "allocated" : "free", b->header);
    if (b->has_footer)
        put(w->o, "  footer 0x%llx%s", b->footer,
            b->footer != b->header ? "  <-- differs from its header" : "");
    put(w->o, "%s\n", w->focus >= start && w->focus < (end > start ? end : start + 1)
                          ? "  <-- here" : "");
}

void heapdump_write(const struct heapdump *d, char *buf, size_t len)
{
    struct out o = {buf, len, 0};
    buf[0] = '\0';
    const struct blockset *s = d->set;

    /* The live blocks around the focus: HEAPDUMP_BLOCKS below it, the one
     * holding it, HEAPDUMP_BLOCKS above. */
    uint32_t ids[2 * HEAPDUMP_BLOCKS + 1];
    size_t n = 0;
    uint32_t b = blockset_below(s, d->focus + 1);
    for (size_t i = 0; i < HEAPDUMP_BLOCKS + 1 && b != BLOCKSET_NONE; i++) {
        ids[n++] = b;
        b = blockset_below(s, s->node[b].start);
    }
    for (size_t i = 0; i < n / 2; i++) {        /* into address order */
        uint32_t t = ids[i];
        ids[i] = ids[n - 1 - i];
        ids[n - 1 - i] = t;
    }
    b = blockset_at_or_above(s, d->focus + 1);
    for (size_t i = 0; i < HEAPDUMP_BLOCKS && b != BLOCKSET_NONE; i++) {
        ids[n++] = b;
        b = blockset_at_or_above(s, s->node[b].start + 1);
    }
    uintptr_t lo = n ? s->node[ids[0]].start : d->focus;
    uintptr_t hi = n ? s->node[ids[n - 1]].end : d->focus + 1;
    if (d->focus < lo)
        lo = d->focus;
    if (d->focus >= hi)
        hi = d->focus + 1;

    put(&o, "\n    The heap around heap+0x%" PRIxPTR " (%s); the break is at heap+0x%" PRIxPTR ".\n",
        d->focus - d->heap_lo, d->why, d->brk - d->heap_lo);
    put(&o, "    The driver's view: the live payloads it handed out, by address:\n");
    uintptr_t cursor = lo;
    for (size_t i = 0; i < n; i++) {
        const struct blockset_node *nd = &s->node[ids[i]];
        if (nd->start > cursor && i > 0)
            put(&o, "    heap+0x%06" PRIxPTR "  %8" PRIuPTR " bytes  (not in any payload)\n",
                cursor - d->heap_lo, nd->start - cursor);
        put(&o, "    heap+0x%06" PRIxPTR "  %8" PRIuPTR " bytes  block %" PRIu32
            ", placed at line %" PRIu32 "%s\n", nd->start - d->heap_lo, nd->end - nd->start,
            ids[i], d->line_of(d->ctx, ids[i]),
            d->focus >= nd->start && d->focus < nd->end ? "  <-- here" : "");
        cursor = nd->end;
    }
    if (n == 0)
        put(&o, "    (no live payloads)\n");

    if (d->alloc->walk_heap == NULL) {
        put(&o, "    (mm.c defines no mm_walk_heap, so its own view cannot be shown)\n");
        return;
    }
    /* Widen a little so the headers just below the first payload show. */
    struct walk w = {&o, d->heap_lo, lo > d->heap_lo + 64 ? lo - 64 : d->heap_lo, hi + 64,
                     d->focus, 0};
    put(&o, "    mm.c's view (mm_walk_heap): its blocks, by address:\n");
    d->alloc->walk_heap(visit, &w);
    if (w.shown == 0)
        put(&o, "    (mm_walk_heap reported no block there)\n");
}
