/*
 * fingerprint.h - the timed replays must be the replay that was checked.
 *
 * An allocator could pass its checks and then, noticing that it is being
 * timed (it counts its mm_init calls, say), switch to something fast and
 * wrong. So the checked replay records where mm.c placed every block, and
 * each timed replay folds the same addresses into a fingerprint, one
 * multiply-add per operation, which must match: an allocator must place
 * blocks the same way every time it replays a trace (be deterministic).
 * Both replays run in the same process over the same arena, so addresses
 * compare as offsets from the heap's start would. The C library's malloc,
 * which is not scored, is exempt: it is fingerprinted too, so that both
 * columns pay the same, but never compared.
 */
#ifndef MALLOCLAB_FINGERPRINT_H
#define MALLOCLAB_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "run.h"

/* A fingerprint's value before the first operation. */
#define FINGERPRINT_SEED ((uint64_t)0xcbf29ce484222325u)

/* Fold the address a block has after an operation (the pointer the trace's
 * id holds) into the fingerprint. */
static inline uint64_t fingerprint_step(uint64_t fp, const void *block)
{
    return fp * (uint64_t)0x100000001b3u + (uint64_t)(uintptr_t)block;
}

/* Where the checked replay placed the blocks. */
struct placement {
    uint64_t fingerprint;       /* over every operation */
    uintptr_t *after;           /* per operation: the id's block after it; NULL if not kept */
};

/* A timed replay's fingerprint differed from the checked one, or mm.c
 * called one of the driver's memlib functions while being timed: fail r
 * with a message naming the first operation placed differently, found by
 * one more replay (untimed) compared operation by operation. */
void fingerprint_explain(const struct trace *t, const struct run_settings *s,
                         const struct placement *checked, struct run_result *r);

#endif /* MALLOCLAB_FINGERPRINT_H */
