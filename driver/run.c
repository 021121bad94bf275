/*
 * run.c - one trace, one allocator, one policy: checks first, then timing.
 */
#include "run.h"

#include <string.h>
#include <time.h>

#include "check.h"
#include "timeline.h"
#include "timing.h"

void run_trace(const struct trace *t, const struct run_settings *s, struct run_result *r)
{
    memset(r, 0, sizeof *r);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    check_replay(t, s, r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    r->check_secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (r->valid && s->timeline_dir != NULL && s->alloc->simulated)
        timeline_record(t, s, r);
    if (r->valid && s->time_it)
        time_replays(t, s, r);
    if (s->progress != NULL)
        s->progress->phase = PHASE_DONE;
}
