/*
 * run.c - one trace, one allocator, one policy: checks first, then timing.
 */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "fingerprint.h"
#include "timeline.h"
#include "timing.h"

const char *failure_kind_name(enum failure_kind k)
{
    static const char *const names[] = {
        [FAIL_NONE] = "none",
        [FAIL_SETUP] = "setup failed",
        [FAIL_ALIGNMENT] = "misaligned block",
        [FAIL_OUTSIDE] = "block outside the heap",
        [FAIL_OVERLAP] = "overlapping blocks",
        [FAIL_NULL] = "NULL returned",
        [FAIL_OUT_OF_MEMORY] = "out of memory",
        [FAIL_DATA] = "block data changed",
        [FAIL_REALLOC_DATA] = "realloc lost data",
        [FAIL_PAST_HEAP] = "write past the heap",
        [FAIL_CHECKHEAP] = "mm_checkheap failed",
        [FAIL_CRASH] = "crash",
        [FAIL_TIMEOUT] = "time limit",
        [FAIL_EXIT] = "early exit",
        [FAIL_DRIVER] = "driver error",
        [FAIL_FORBIDDEN] = "forbidden call",
        [FAIL_TIMED_DIFFERS] = "differs when timed",
        [FAIL_FORGED] = "forged report",
        [FAIL_IMPOSSIBLE] = "impossible figure",
    };
    return k < sizeof names / sizeof names[0] ? names[k] : "?";
}

double run_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void run_fail_at(struct run_result *r, const struct trace *t, size_t op, enum failure_kind kind)
{
    r->valid = false;
    r->failure = kind;
    r->failed_op = op < t->num_ops ? op : t->num_ops;
    r->failed_line = op < t->num_ops ? t->ops[op].line : 0;
    r->message[0] = '\0';
    if (op < t->num_ops) {
        char opbuf[64];
        trace_op_format(&t->ops[op], opbuf, sizeof opbuf);
        run_say(r, "%s:%u: '%s': ", t->path, r->failed_line, opbuf);
    } else {
        run_say(r, "%s: ", t->path);
    }
}

void run_vsay(struct run_result *r, const char *fmt, va_list ap)
{
    size_t used = strlen(r->message);
    if (used + 1 < sizeof r->message)
        vsnprintf(r->message + used, sizeof r->message - used, fmt, ap);
}

void run_say(struct run_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    run_vsay(r, fmt, ap);
    va_end(ap);
}

bool run_placement_init(struct placement *placed, const struct trace *t)
{
    placed->fingerprint = FINGERPRINT_SEED;
    placed->after = malloc((t->num_ops ? t->num_ops : 1) * sizeof *placed->after);
    return placed->after != NULL;
}

void run_check(const struct trace *t, const struct run_settings *s, struct placement *placed,
               struct run_result *r)
{
    memset(r, 0, sizeof *r);
    double started = run_clock();
    check_replay(t, s, placed, r);
    r->check_secs = run_clock() - started;
    if (r->stopped)
        r->util_applies = false;
    if (r->valid && !r->stopped && s->timeline_dir != NULL && s->alloc->simulated)
        timeline_record(t, s, r);
}

bool run_wants_timing(const struct run_settings *s, const struct run_result *r)
{
    return r->valid && !r->stopped && s->time_it;
}

void run_trace(const struct trace *t, const struct run_settings *s, struct run_result *r)
{
    struct placement placed;
    run_placement_init(&placed, t);
    run_check(t, s, &placed, r);
    if (run_wants_timing(s, r))
        time_replays(t, s, &placed, r);
    free(placed.after);
    if (s->progress != NULL)
        s->progress->phase = PHASE_DONE;
}
