/*
 * heapwalk.h - mm.c's blocks, copied out of mm_walk_heap, and the heap
 * split into where its bytes went.
 *
 * A walk copies every block mm_walk_heap reports into an array, as offsets
 * from the heap's start, so that the driver can measure it (the -F
 * breakdown) and draw it (the -H viewer) after mm.c has had its say.
 *
 * The split of a heap of H bytes holding live payloads of P bytes:
 *
 *   H = payload    P: the bytes the trace asked for and holds
 *     + internal   allocated blocks' bytes beyond their payloads: tags,
 *                  alignment padding, minimum block size
 *     + external   free blocks: memory no request has used
 *     + structure  the rest: the allocator's fixed structures (prologue,
 *                  epilogue, alignment pad) and allocated blocks holding no
 *                  payload (a malloc(0))
 *
 * It is made only when mm_walk_heap's blocks tile the heap honestly: in
 * address order, inside the heap, not overlapping, and every live payload
 * inside one allocated block. Otherwise the split says why it is undivided.
 */
#ifndef MALLOCLAB_HEAPWALK_H
#define MALLOCLAB_HEAPWALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "allocator.h"
#include "blockset.h"

/* "no offset": a block that reports no next free block. */
#define HEAPWALK_NONE UINTPTR_MAX

/* One block, as mm_walk_heap reported it. */
struct walked_block {
    uintptr_t off;              /* the block's first byte, from the heap's start */
    size_t size;                /* bytes */
    bool allocated, has_footer;
    unsigned long long header, footer;  /* the words as stored */
    uintptr_t next_free;        /* offset of the next block of its free list, or HEAPWALK_NONE */
};

struct heapwalk {
    struct walked_block *block;
    size_t n, cap;
    uintptr_t heap_lo;
    bool out_of_memory;         /* some blocks were not copied */
};

/* Copy a's blocks into w (emptied first); the heap starts at heap_lo.
 * Returns false when a has no mm_walk_heap, or the driver ran out of
 * memory. */
bool heapwalk_take(struct heapwalk *w, const struct allocator *a, uintptr_t heap_lo);

void heapwalk_free(struct heapwalk *w);

/* A heap split into where its bytes went (bytes each). */
struct heap_split {
    bool divided;               /* false: only heap and payload are known; why says why */
    size_t heap, payload, internal, external, structure;
    char why[160];
};

/* Split a heap of `heap` bytes walked into w, holding the live payloads in
 * `live` (payload bytes in all). Without a walk (w NULL) the split is
 * undivided: mm.c has no mm_walk_heap. */
void heap_split_measure(const struct heapwalk *w, const struct blockset *live, size_t payload,
                        size_t heap, struct heap_split *out);

#endif /* MALLOCLAB_HEAPWALK_H */
