/*
 * run.h - one trace under one allocator and policy: a self-contained unit.
 *
 * A parsed trace and the settings go in; a result record comes out. Nothing
 * is shared between two runs but memlib's arena, which each run empties
 * first, so a run can as well happen in a child process and send its record
 * back through a pipe.
 */
#ifndef MALLOCLAB_RUN_H
#define MALLOCLAB_RUN_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "allocator.h"
#include "trace.h"

/* Where a run is, for a report written by a signal handler: what was
 * running when the allocator crashed or hung. */
enum run_phase { PHASE_START, PHASE_CHECK, PHASE_FINAL_CHECK, PHASE_TIME, PHASE_DONE };

struct run_progress {
    volatile sig_atomic_t phase;    /* enum run_phase */
    volatile sig_atomic_t op;       /* index of the operation being checked */
};

struct run_settings {
    const struct allocator *alloc;
    const char *policy;     /* passed to mm_set_placement, or NULL to leave mm.c's default */
    bool check_heap;        /* mm_checkheap after every operation */
    bool time_it;           /* measure throughput after the checks pass */
    struct run_progress *progress;  /* updated as the run goes, or NULL */
    const char *timeline_dir;   /* write the heap over time here (timeline.h), or NULL */
    const char *label;          /* the column's name in those files' names */
};

/* Room for a failure's explanation, several lines. */
#define RUN_MESSAGE_MAX 2048

/* What a run found. A plain record, no pointers: it can cross a pipe. */
struct run_result {
    bool valid;             /* every check passed */
    bool util_applies;      /* false for libc: its heap is not ours to measure */
    double util;            /* peak live payload / final heap size, in [0, 1] */
    size_t peak_live;       /* bytes */
    size_t heap_size;       /* bytes, at the end of the checked replay */
    size_t ops;             /* operations per replay */
    double check_secs;      /* how long the checked replay took, in seconds */
    bool timed;
    double secs;            /* fastest replay, in seconds */
    double spread;          /* (k-th fastest - fastest) / fastest */
    int reps;               /* timed replays */
    bool converged;         /* the k fastest agreed within the tolerance */
    unsigned failed_line;   /* trace line of the failing operation, 0 if none */
    char message[RUN_MESSAGE_MAX];  /* why the run failed: "" when valid */
};

/* Replay `t` with every check, then (if asked and valid) time it. */
void run_trace(const struct trace *t, const struct run_settings *s, struct run_result *r);

#endif /* MALLOCLAB_RUN_H */
