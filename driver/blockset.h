/*
 * blockset.h - the live payloads of a replay, ordered by address.
 *
 * The checker asks, for every block an allocator returns, "does it overlap
 * a live block?" and, when a block's bytes change, "who are its
 * neighbours?". Both take O(log n): the set is a treap (a binary search tree
 * kept balanced by random priorities) whose nodes are the block ids, so it
 * allocates nothing per operation.
 */
#ifndef MALLOCLAB_BLOCKSET_H
#define MALLOCLAB_BLOCKSET_H

#include <stddef.h>
#include <stdint.h>

#define BLOCKSET_NONE UINT32_MAX

struct blockset_node {
    uintptr_t start, end;       /* the payload is [start, end) */
    uint32_t left, right;       /* children, or BLOCKSET_NONE */
    uint32_t priority;          /* heap order: a parent's is not lower */
};

struct blockset {
    struct blockset_node *node; /* one per id */
    uint32_t root;
    size_t count;
};

/* A set for ids 0 .. num_ids-1; 0 on success, -1 when out of memory. */
int blockset_init(struct blockset *s, size_t num_ids);
void blockset_free(struct blockset *s);

/* Add block `id` covering [start, end), end > start. The caller has made
 * sure it overlaps nothing in the set and is not in it already. */
void blockset_insert(struct blockset *s, uint32_t id, uintptr_t start, uintptr_t end);

/* Remove block `id`, which is in the set. */
void blockset_remove(struct blockset *s, uint32_t id);

/* The block with the largest start below `addr`, or BLOCKSET_NONE. A block
 * [start, end) overlaps the set exactly when the block returned for `end`
 * ends after `start`. */
uint32_t blockset_below(const struct blockset *s, uintptr_t addr);

/* The block with the smallest start at or above `addr`, or BLOCKSET_NONE. */
uint32_t blockset_at_or_above(const struct blockset *s, uintptr_t addr);

/* Call fn(ctx, id) for every block, in address order. */
void blockset_walk(const struct blockset *s, void (*fn)(void *ctx, uint32_t id), void *ctx);

#endif /* MALLOCLAB_BLOCKSET_H */
