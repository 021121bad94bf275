/*
 * blockset.c - a treap of live payloads keyed by start address.
 *
 * Insert and remove are split/merge on the key; priorities come from a hash
 * of the id, so a replay is deterministic and needs no random source.
 */
#include "blockset.h"

#include <stdlib.h>

int blockset_init(struct blockset *s, size_t num_ids)
{
    s->node = malloc((num_ids ? num_ids : 1) * sizeof *s->node);
    s->root = BLOCKSET_NONE;
    s->count = 0;
    return s->node ? 0 : -1;
}

void blockset_free(struct blockset *s)
{
    free(s->node);
    s->node = NULL;
    s->root = BLOCKSET_NONE;
    s->count = 0;
}

/* A 32-bit mix of the id (from the murmur3 finalizer). */
static uint32_t priority_of(uint32_t id)
{
    uint32_t h = id + 0x9e3779b9u;
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

/* Split tree t into keys below `key` (*lo) and keys at or above it (*hi). */
static void split(struct blockset_node *n, uint32_t t, uintptr_t key, uint32_t *lo, uint32_t *hi)
{
    if (t == BLOCKSET_NONE) {
        *lo = *hi = BLOCKSET_NONE;
    } else if (n[t].start < key) {
        split(n, n[t].right, key, &n[t].right, hi);
        *lo = t;
    } else {
        split(n, n[t].left, key, lo, &n[t].left);
        *hi = t;
    }
}

/* Join two trees, every key of a below every key of b. */
static uint32_t merge(struct blockset_node *n, uint32_t a, uint32_t b)
{
    if (a == BLOCKSET_NONE)
        return b;
    if (b == BLOCKSET_NONE)
        return a;
    if (n[a].priority >= n[b].priority) {
        n[a].right = merge(n, n[a].right, b);
        return a;
    }
    n[b].left = merge(n, a, n[b].left);
    return b;
}

void blockset_insert(struct blockset *s, uint32_t id, uintptr_t start, uintptr_t end)
{
    struct blockset_node *n = s->node;
    n[id] = (struct blockset_node){
        .start = start, .end = end,
        .left = BLOCKSET_NONE, .right = BLOCKSET_NONE,
        .priority = priority_of(id),
    };
    uint32_t lo, hi;
    split(n, s->root, start, &lo, &hi);
    s->root = merge(n, merge(n, lo, id), hi);
    s->count++;
}

void blockset_remove(struct blockset *s, uint32_t id)
{
    struct blockset_node *n = s->node;
    uint32_t lo, mid, hi;
    split(n, s->root, n[id].start, &lo, &mid);
    split(n, mid, n[id].start + 1, &mid, &hi);
    /* Starts are distinct (live payloads do not overlap), so mid == id. */
    s->root = merge(n, lo, hi);
    s->count--;
}

uint32_t blockset_below(const struct blockset *s, uintptr_t addr)
{
    uint32_t t = s->root, best = BLOCKSET_NONE;
    while (t != BLOCKSET_NONE) {
        if (s->node[t].start < addr) {
            best = t;
            t = s->node[t].right;
        } else {
            t = s->node[t].left;
        }
    }
    return best;
}

uint32_t blockset_at_or_above(const struct blockset *s, uintptr_t addr)
{
    uint32_t t = s->root, best = BLOCKSET_NONE;
    while (t != BLOCKSET_NONE) {
        if (s->node[t].start >= addr) {
            best = t;
            t = s->node[t].left;
        } else {
            t = s->node[t].right;
        }
    }
    return best;
}

static void walk(const struct blockset_node *n, uint32_t t, void (*fn)(void *, uint32_t), void *ctx)
{
    while (t != BLOCKSET_NONE) {
        walk(n, n[t].left, fn, ctx);
        fn(ctx, t);
        t = n[t].right;
    }
}

void blockset_walk(const struct blockset *s, void (*fn)(void *ctx, uint32_t id), void *ctx)
{
    walk(s->node, s->root, fn, ctx);
}
