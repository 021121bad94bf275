/*
 * heapwalk.c - copy mm.c's blocks out of mm_walk_heap, and split the heap.
 */
#include "heapwalk.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static void copy_block(void *ctx, const struct mm_block_info *info)
{
    struct heapwalk *w = ctx;
    if (w->n == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 256;
        struct walked_block *b = realloc(w->block, cap * sizeof *b);
        if (b == NULL) {
            w->out_of_memory = true;
            return;
        }
        w->block = b;
        w->cap = cap;
    }
    uintptr_t at = (uintptr_t)info->block, next = (uintptr_t)info->next_free;
    w->block[w->n++] = (struct walked_block){
        .off = at - w->heap_lo,
        .size = info->size,
        .allocated = info->allocated,
        .has_footer = info->has_footer,
        .header = info->header,
        .footer = info->footer,
        .next_free = info->next_free != NULL && next >= w->heap_lo ? next - w->heap_lo
                                                                   : HEAPWALK_NONE,
    };
}

bool heapwalk_take(struct heapwalk *w, const struct allocator *a, uintptr_t heap_lo)
{
    w->n = 0;
    w->heap_lo = heap_lo;
    w->out_of_memory = false;
    if (a->walk_heap == NULL)
        return false;
    a->walk_heap(copy_block, w);
    return !w->out_of_memory;
}

void heapwalk_free(struct heapwalk *w)
{
    free(w->block);
    *w = (struct heapwalk){0};
}

/* The live payloads in address order, as offsets: one walk of the set. */
struct payloads {
    const struct blockset *live;
    uintptr_t heap_lo;
    uintptr_t *span;        /* start, end, start, end, ... */
    size_t n;
};

static void collect(void *ctx, uint32_t id)
{
    struct payloads *p = ctx;
    p->span[2 * p->n] = p->live->node[id].start - p->heap_lo;
    p->span[2 * p->n + 1] = p->live->node[id].end - p->heap_lo;
    p->n++;
}

void heap_split_measure(const struct heapwalk *w, const struct blockset *live, size_t payload,
                        size_t heap, struct heap_split *out)
{
    *out = (struct heap_split){.heap = heap, .payload = payload};
    if (w == NULL) {
        snprintf(out->why, sizeof out->why, "mm.c has no mm_walk_heap");
        return;
    }
    if (w->out_of_memory) {
        snprintf(out->why, sizeof out->why, "the driver ran out of memory copying the blocks");
        return;
    }
    struct payloads p = {live, w->heap_lo, malloc((live->count ? live->count : 1) * 2 *
                                                   sizeof *p.span), 0};
    if (p.span == NULL) {
        snprintf(out->why, sizeof out->why, "the driver ran out of memory");
        return;
    }
    blockset_walk(live, collect, &p);

    /* Blocks and payloads are both in address order: one pass over each. */
    size_t in_blocks = 0, holding = 0, free_bytes = 0, k = 0;
    uintptr_t cursor = 0;
    for (size_t i = 0; i < w->n; i++) {
        const struct walked_block *b = &w->block[i];
        if (b->off < cursor || b->off > heap || b->size > heap - b->off) {
            snprintf(out->why, sizeof out->why, "mm_walk_heap's block at heap+0x%" PRIxPTR
                     " (%zu bytes) %s", b->off, b->size,
                     b->off < cursor ? "overlaps the block before it"
                                     : "does not fit inside the heap");
            free(p.span);
            return;
        }
        cursor = b->off + b->size;
        while (k < p.n && p.span[2 * k] < b->off)      /* payloads in no block */
            k++;
        bool partial = k > 0 && p.span[2 * k - 1] > b->off && p.span[2 * k - 2] < b->off;
        size_t inside = 0;
        for (; k < p.n && p.span[2 * k] < cursor; k++) {
            if (p.span[2 * k + 1] > cursor)
                partial = true;
            inside += (size_t)(p.span[2 * k + 1] - p.span[2 * k]);
        }
        if (partial || (inside > 0 && !b->allocated)) {
            snprintf(out->why, sizeof out->why, "a live payload %s mm_walk_heap's %s block at "
                     "heap+0x%" PRIxPTR, partial ? "crosses the edge of" : "lies inside",
                     b->allocated ? "allocated" : "free", b->off);
            free(p.span);
            return;
        }
        in_blocks += inside;
        if (!b->allocated)
            free_bytes += b->size;
        else if (inside > 0)
            holding += b->size;
    }
    free(p.span);
    if (in_blocks != payload) {
        snprintf(out->why, sizeof out->why, "%zu bytes of live payload lie outside every block "
                 "mm_walk_heap reported", payload - in_blocks);
        return;
    }
    out->divided = true;
    out->internal = holding - payload;
    out->external = free_bytes;
    out->structure = heap - holding - free_bytes;
}
