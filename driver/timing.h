/*
 * timing.h - throughput: replays with no checks, timed.
 *
 * The timed loop does nothing but call the allocator. Each sample times a
 * batch of replays long enough for the clock (one replay of a tiny trace
 * takes microseconds), with the heap emptied and the allocator initialised
 * between replays, outside the timed region. Samples are taken until the
 * TIMING_K fastest agree within TIMING_TOLERANCE, or TIMING_MAX_REPS samples
 * or TIMING_BUDGET seconds have been spent (config.h); the fastest sample is
 * the result and the spread of the K fastest is its noise.
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

#endif /* MALLOCLAB_TIMING_H */
