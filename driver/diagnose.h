/*
 * diagnose.h - finding where a failure began.
 *
 * Heap corruption often shows far from its cause: a block's data is found
 * damaged at its free, hundreds of operations after a bad split wrote into
 * it. When a trace fails and mm.c has mm_checkheap, the driver replays the
 * trace with the heap checked after every operation and reports the first
 * operation after which the checker failed.
 */
#ifndef MALLOCLAB_DIAGNOSE_H
#define MALLOCLAB_DIAGNOSE_H

#include <stdbool.h>

#include "run.h"

/* `r` is a failed run of `t` under `s`. Replay with mm_checkheap after
 * every operation (in a child process when `isolated`) and append what it
 * found to r->message. Does nothing when the failure cannot be helped this
 * way (no mm_checkheap, or the checks were on already). */
void diagnose_first_bad_op(const struct trace *t, const struct run_settings *s,
                           double time_limit, bool isolated, struct run_result *r);

/* After failure `r` with -d, print the heap to stderr: the dump the checked
 * replay wrote where it failed or, when a crash, hang or exit left none,
 * the heap after a replay up to the operation before the failing one. */
void diagnose_show_heap(const struct trace *t, const struct run_settings *s,
                        const struct run_result *r, double time_limit, bool isolated);

/* Run `t` under `s`, in a child process when `isolated`. */
void diagnose_run(const struct trace *t, const struct run_settings *s, double time_limit,
                  bool isolated, struct run_result *r);

#endif /* MALLOCLAB_DIAGNOSE_H */
