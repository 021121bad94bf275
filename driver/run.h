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
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "allocator.h"
#include "heapwalk.h"
#include "trace.h"

struct placement;      /* fingerprint.h */

/* Where a run is, for a report written by a signal handler: what was
 * running when the allocator crashed or hung. */
enum run_phase { PHASE_START, PHASE_CHECK, PHASE_FINAL_CHECK, PHASE_TIME, PHASE_DONE };

struct run_progress {
    volatile sig_atomic_t phase;    /* enum run_phase */
    volatile sig_atomic_t op;       /* index of the operation being checked */
    volatile sig_atomic_t replays;  /* timed replays finished (PHASE_TIME) */
};

struct viewrec;

struct run_settings {
    const struct allocator *alloc;
    const char *policy;     /* passed to mm_set_placement, or NULL to leave mm.c's default */
    bool check_heap;        /* mm_checkheap after every operation */
    bool time_it;           /* measure throughput after the checks pass */
    struct run_progress *progress;  /* updated as the run goes, or NULL */
    bool show_progress;         /* the driver shows a status line while it runs (progress.h) */
    const char *timeline_dir;   /* write the heap over time here (timeline.h), or NULL */
    const char *label;          /* the column's name in those files' names */
    bool dump;                  /* at a failure, or a stop, show the heap (heapdump.h) */
    unsigned stop_at_line;      /* stop after the operation on this line; 0: run to the end */
    uintptr_t dump_focus;       /* where to show the heap at a stop; 0: the line's block */
    struct viewrec *viewrec;    /* -H: record the replay for the viewer (viewrec.h), or NULL */
};

/* What went wrong, so that a shrunk trace can be said to fail "the same way". */
enum failure_kind {
    FAIL_NONE,
    FAIL_SETUP,         /* mm_init or mm_set_placement failed */
    FAIL_ALIGNMENT,     /* a block not aligned to ALIGNMENT */
    FAIL_OUTSIDE,       /* a block not inside the heap */
    FAIL_OVERLAP,       /* a block overlapping a live block */
    FAIL_NULL,          /* NULL for a request the arena could hold */
    FAIL_OUT_OF_MEMORY, /* the trace needs more than the arena holds */
    FAIL_DATA,          /* a live block's contents changed */
    FAIL_REALLOC_DATA,  /* realloc did not keep the data */
    FAIL_PAST_HEAP,     /* a write past the break */
    FAIL_CHECKHEAP,     /* mm_checkheap returned false */
    FAIL_CRASH,         /* killed by a signal */
    FAIL_TIMEOUT,       /* the time limit passed */
    FAIL_EXIT,          /* the process ended before the run did */
    FAIL_DRIVER,        /* the driver itself could not go on (out of memory, fork failed) */
    FAIL_FORBIDDEN,     /* mm.c called what the lab does not allow (a driver's function, a system call) */
    FAIL_TIMED_DIFFERS, /* mm.c placed blocks differently when timed than when checked */
    FAIL_FORGED,        /* the run's report was not the driver's, or contradicts what the parent knows */
    FAIL_IMPOSSIBLE,    /* a figure no allocator can reach (utilization above 100%) */
};

/* "overlap", "data changed", ...: a failure kind in a few words. */
const char *failure_kind_name(enum failure_kind k);

/* Room for a failure's explanation, several lines. */
#define RUN_MESSAGE_MAX 2048

/* Room for a heap dump. */
#define RUN_DETAIL_MAX 6144

/* Where the final heap went, measured at the peak of live payload (-F):
 * at_peak splits the heap as it was then, growth is what the heap grew by
 * after it; together they add up to heap_size. */
struct breakdown {
    bool measured;              /* a valid run of mm.c, to its end */
    struct heap_split at_peak;
    size_t growth;              /* bytes */
};

/* What a run found. A plain record, no pointers: it can cross a pipe. */
struct run_result {
    bool valid;             /* every check passed */
    bool util_applies;      /* false for libc: its heap is not ours to measure */
    double util;            /* peak live payload / the heap's high-water mark, in [0, 1] */
    size_t peak_live;       /* bytes */
    size_t heap_size;       /* bytes: the heap's high-water mark in the checked replay */
    size_t ops;             /* operations per replay */
    double check_secs;      /* how long the checked replay took, in seconds */
    bool timed;
    double secs;            /* fastest replay, in seconds */
    double spread;          /* (k-th fastest - fastest) / fastest */
    int reps;               /* timed replays */
    bool converged;         /* the k fastest agreed within the tolerance */
    unsigned long long instructions;    /* -I: executed by the allocator in one replay */
    struct breakdown breakdown;         /* -F */
    unsigned first_bad_line;    /* the first operation mm_checkheap faulted (diagnose.h), or 0 */
    enum failure_kind failure;
    int failed_signal;      /* for FAIL_CRASH */
    size_t failed_op;       /* index of the failing operation, or num_ops if none */
    unsigned failed_line;   /* trace line of the failing operation, 0 if none */
    uintptr_t fault_addr;   /* for FAIL_CRASH by SIGSEGV or SIGBUS */
    bool stopped;           /* stopped early as asked (stop_at_line) */
    char message[RUN_MESSAGE_MAX];  /* why the run failed: "" when valid */
    char detail[RUN_DETAIL_MAX];    /* a heap dump, when asked for: "" otherwise */
};

/* Seconds on a monotonic clock: for time limits and for timing. */
double run_clock(void);

/* Mark r failed with `kind` at operation `op` of t (an index; t->num_ops
 * when no operation was running) and start its message with where:
 * "FILE:LINE: 'OP': ", or "FILE: ". */
void run_fail_at(struct run_result *r, const struct trace *t, size_t op, enum failure_kind kind);

/* Append formatted text to r->message, cut at its end. */
void run_say(struct run_result *r, const char *fmt, ...);
void run_vsay(struct run_result *r, const char *fmt, va_list ap);

/* Replay `t` with every check, then (if asked and valid) time it. */
void run_trace(const struct trace *t, const struct run_settings *s, struct run_result *r);

/* The two halves of run_trace: the checked replay (and the heap over time,
 * -T), which records where mm.c placed the blocks in *placed, then, when
 * run_wants_timing says so, time_replays (timing.h), which compares each
 * timed replay with it. run_placement_init seeds *placed for trace t
 * (false when its per-operation record could not be allocated: then the
 * first difference is not named); the caller frees placed->after. */
bool run_placement_init(struct placement *placed, const struct trace *t);
void run_check(const struct trace *t, const struct run_settings *s, struct placement *placed,
               struct run_result *r);
bool run_wants_timing(const struct run_settings *s, const struct run_result *r);

#endif /* MALLOCLAB_RUN_H */
