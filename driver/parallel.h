/*
 * parallel.h - checking several traces and policies at once (-j N).
 *
 * The checked replays (deterministic: validity and utilization) run up to
 * N at a time, each in its own child process (isolate.h). A child whose
 * trace is to be timed then waits, its heap still warm from the checked
 * replay. Once no checked replay runs any more, the waiting children are
 * timed one at a time, alone, in the order of the runs, so that nothing
 * disturbs the throughput figures. Every result is the one a run alone
 * would give; only the clock's figures vary, as from run to run.
 */
#ifndef MALLOCLAB_PARALLEL_H
#define MALLOCLAB_PARALLEL_H

#include <stddef.h>

#include "run.h"

/* One trace under one allocator and policy. */
struct parallel_run {
    const struct trace *t;
    struct run_settings s;
    struct run_result *r;       /* where its result goes */
};

/* Run runs[0..n), at most `jobs` checked replays at a time, each under
 * `time_limit` (-s); fills each *r. */
void parallel_run_all(const struct parallel_run *runs, size_t n, unsigned jobs,
                      double time_limit);

#endif /* MALLOCLAB_PARALLEL_H */
