/*
 * viewrec.h - recording a replay for the viewer page (-H).
 *
 * The checked replay (check.c) calls the recorder after mm_init and after
 * every operation; the recorder writes what the page needs into a buffer
 * shared with the parent process: each operation's effect on the driver's
 * view (where its block went, the heap's size), and at chosen moments
 * mm.c's own blocks (mm_walk_heap), as a key frame (every block) or as a
 * delta from the moment recorded before. At a failure it writes where the
 * damage is.
 *
 * The buffer is an anonymous shared mapping made before the fork, so the
 * child writes no file (a sandboxed child may not open one) and a crash
 * loses nothing: each record counts only once it is complete, and the
 * parent reads them all after the child has ended.
 *
 * Which moments get mm.c's blocks: every one for a trace of up to
 * exact_limit operations; beyond that, `samples` evenly spaced moments,
 * the peak, the last, and every moment in [window_lo, window_hi] (around a
 * failure the first run found).
 */
#ifndef MALLOCLAB_VIEWREC_H
#define MALLOCLAB_VIEWREC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "allocator.h"
#include "blockset.h"
#include "heapwalk.h"

/* Record kinds, the first word of each record; every word is an int64_t. */
enum viewrec_kind {
    VREC_OP = 1,    /* moment, block offset or -1, heap bytes */
    VREC_FRAME,     /* moment, key (1) or delta (0), heap, payload, internal, external,
                       structure, divided, removed count, removed offsets..., added count,
                       added blocks (VREC_BLOCK_WORDS words each) */
    VREC_FAIL,      /* operation index, failure kind, marked from, marked to (offsets) */
};

/* A block in a frame: offset, size, flags (VREC_*), header, footer, next free offset. */
enum { VREC_BLOCK_WORDS = 6 };
enum { VREC_ALLOCATED = 1, VREC_HAS_FOOTER = 2, VREC_HAS_NEXT = 4 };

struct viewrec {
    /* Set by the parent. */
    int64_t *buf;               /* the shared mapping; buf[0] counts the words used after it */
    size_t cap;                 /* words */
    size_t exact_limit, samples;
    size_t window_lo, window_hi;    /* moments always recorded exactly */
    /* The child's own, as it goes. */
    size_t stride;
    struct heapwalk prev, cur;
    size_t frames_since_key;
    bool full;                  /* the buffer ran out: the rest is not recorded */
};

/* Map a shared buffer of `bytes`; 0 on success, -1 with a message. */
int viewrec_open(struct viewrec *v, size_t bytes);
void viewrec_close(struct viewrec *v);

/* Words recorded so far (complete records only). */
static inline size_t viewrec_used(const struct viewrec *v)
{
    return (size_t)v->buf[0];
}

/* After mm_init (moment 0) or after operation moment - 1 (moment 1 ..
 * num_ops): record where the operation's block went (`block`, or NULL),
 * and mm.c's blocks when this moment is one to record. `peak` is the
 * trace's peak moment. */
void viewrec_moment(struct viewrec *v, const struct allocator *a, size_t moment, size_t num_ops,
                    size_t peak, const void *block, const struct blockset *live,
                    size_t live_bytes);

/* The operation at index `op` failed with `kind`; [from, to) are the
 * bytes to mark (absolute addresses; from == to when none). mm.c's blocks
 * are recorded as they are now, at moment op + 1. */
void viewrec_failure(struct viewrec *v, const struct allocator *a, size_t op, int kind,
                     uintptr_t from, uintptr_t to, const struct blockset *live,
                     size_t live_bytes);

#endif /* MALLOCLAB_VIEWREC_H */
