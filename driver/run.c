/*
 * run.c - one trace, one allocator, one policy: checks first, then timing.
 */
#include "run.h"

#include <string.h>

#include "check.h"
#include "timing.h"

void run_trace(const struct trace *t, const struct run_settings *s, struct run_result *r)
{
    memset(r, 0, sizeof *r);
    check_replay(t, s, r);
    if (r->valid && s->time_it)
        time_replays(t, s, r);
}
