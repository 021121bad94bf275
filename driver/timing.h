/*
 * timing.h - throughput: replays with no checks, timed, within a budget.
 *
 * The timed loop does nothing but call the allocator. The first replay
 * tells how long one takes:
 *   at most TIMING_BUDGET (config.h): it was the warm-up. Each sample times
 *       a batch of replays long enough for the clock (one replay of a tiny
 *       trace takes microseconds), with the heap emptied and the allocator
 *       initialised between replays, outside the timed region. Samples are
 *       taken until the TIMING_K fastest agree within TIMING_TOLERANCE, or
 *       TIMING_MAX_REPS samples or the budget have been spent (at least
 *       TIMING_K samples). The fastest is the result, the spread of the
 *       TIMING_K fastest its noise.
 *   longer (a long trace): no other replay fits in the budget, so this one
 *       is the result, timed once, with no spread. Its warm-up was the
 *       checked replay that ran just before in the same process (for mm.c
 *       and libc alike).
 */
#ifndef MALLOCLAB_TIMING_H
#define MALLOCLAB_TIMING_H

#include "fingerprint.h"
#include "run.h"

/* Time `t`, which has passed its checks; fills r->secs, r->spread,
 * r->reps, r->converged and sets r->timed. On a failure to initialise, or
 * a replay that is not the one `checked` (fingerprint.h), sets r->valid
 * false with a message. */
void time_replays(const struct trace *t, const struct run_settings *s,
                  const struct placement *checked, struct run_result *r);

/* Seconds the timing of a trace may take before it is stopped as hung,
 * when its checked replay took `check_secs` (TIMING_HANG_* in config.h). */
double timing_limit(double check_secs);

#endif /* MALLOCLAB_TIMING_H */
