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

/* Live payload bytes wholly inside [lo, hi); *partial when one crosses an
 * end. Payloads are absolute addresses, lo and hi too. */
static size_t payload_inside(const struct blockset *live, uintptr_t lo, uintptr_t hi,
                             bool *partial)
{
    size_t bytes = 0;
    uint32_t below = blockset_below(live, lo);
    if (below != BLOCKSET_NONE && live->node[below].end > lo)
        *partial = true;
    for (uint32_t id = blockset_at_or_above(live, lo);
         id != BLOCKSET_NONE && live->node[id].start < hi;
         id = blockset_at_or_above(live, live->node[id].start + 1)) {
        if (live->node[id].end > hi)
            *partial = true;
        bytes += (size_t)(live->node[id].end - live->node[id].start);
    }
    return bytes;
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
    size_t in_blocks = 0, holding = 0, free_bytes = 0;
    uintptr_t cursor = 0;
    for (size_t i = 0; i < w->n; i++) {
        const struct walked_block *b = &w->block[i];
        if (b->off < cursor || b->off > heap || b->size > heap - b->off) {
            snprintf(out->why, sizeof out->why, "mm_walk_heap's block at heap+0x%" PRIxPTR
                     " (%zu bytes) %s", b->off, b->size,
                     b->off < cursor ? "overlaps the block before it"
                                     : "does not fit inside the heap");
            return;
        }
        cursor = b->off + b->size;
        bool partial = false;
        size_t inside = payload_inside(live, w->heap_lo + b->off, w->heap_lo + cursor, &partial);
        if (partial || (inside > 0 && !b->allocated)) {
            snprintf(out->why, sizeof out->why, "a live payload %s mm_walk_heap's %s block at "
                     "heap+0x%" PRIxPTR, partial ? "crosses the edge of" : "lies inside",
                     b->allocated ? "allocated" : "free", b->off);
            return;
        }
        in_blocks += inside;
        if (!b->allocated)
            free_bytes += b->size;
        else if (inside > 0)
            holding += b->size;
    }
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
