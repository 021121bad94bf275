/*
 * check.h - the checked replay: every operation of a trace, verified.
 *
 * Each block the allocator returns must be aligned to ALIGNMENT, lie wholly
 * inside the heap (for mm.c) and overlap no live block. Each block is filled
 * with its id's pattern (payload.h) and verified in full before it is freed
 * or reallocated and at the end; after every operation the edges of the
 * blocks next to the one touched are verified too, so that a header or
 * footer written into a neighbour is caught by the operation that did it.
 */
#ifndef MALLOCLAB_CHECK_H
#define MALLOCLAB_CHECK_H

#include "fingerprint.h"
#include "run.h"

/* Replay t with every check. On success set r->valid, r->heap_size,
 * r->peak_live and r->util; on the first failure set r->message and
 * r->failed_line and leave r->valid false. Where the blocks went is
 * recorded in *placed (fingerprint.h), which the caller has seeded. */
void check_replay(const struct trace *t, const struct run_settings *s, struct placement *placed,
                  struct run_result *r);

#endif /* MALLOCLAB_CHECK_H */
