/*
 * isolate.h - running one trace in a child process, so that nothing an
 * allocator does (crash, hang, exit, abort) can take the driver down.
 *
 * The child replays the trace (run_check, then time_replays: the two
 * halves of run_trace) and sends its result record back through a pipe.
 * If the allocator crashes, loops, aborts or exits, the child's signal
 * handlers (or its atexit hook) send instead a short report of what
 * happened and which operation was running; from it the parent
 * writes the failure message: the signal, the faulting address placed
 * relative to the heap, the trace line and operation. A child that neither
 * reports nor ends within the time limit is killed. (The child's side is
 * child.h's; the record and whether it is believed, record.h's.)
 *
 * The time limit (-s) is for the checked replay. The timed replays that
 * follow have their own limit, derived from the checked replay's duration
 * (timing_limit in timing.h), so that a long trace is never failed for
 * being timed, and a hang only a timed replay reaches is still caught.
 */
#ifndef MALLOCLAB_ISOLATE_H
#define MALLOCLAB_ISOLATE_H

#include "run.h"

/* Like run_trace, in a child process, stopped after `time_limit` seconds. */
void isolate_run(const struct trace *t, const struct run_settings *s, double time_limit,
                 struct run_result *r);

/* Whether mm.c knows placement policy `name` (mm_set_placement returns 0),
 * asked in a child process: the driver's own process never runs mm.c's
 * code, so nothing mm.c does can write after the grading line. */
bool isolate_knows_policy(const struct allocator *a, const char *name, double time_limit);

/* The same, a step at a time, for running several children at once (-j):
 *   isolate_start    fork a child; it runs the checked replay
 *   isolate_wait     wait for the running stage to end, or `wait` seconds;
 *                    true when it ended. After the checks, *r holds their
 *                    result, and the child is either over or, when the
 *                    trace is to be timed, waiting (isolate_waiting)
 *   isolate_time     let a waiting child run its timed replays; then wait
 *                    again, for the final result in *r
 *   isolate_finish   wait for the running stage and, if the child then
 *                    waits, time it and wait again: *r is final
 *   isolate_end      reap the child (killing it if it runs) and free
 * isolate_start returns NULL, with *r saying why, when no child could be
 * started. isolate_fd is the pipe to poll while a stage runs (else -1), to
 * be polled no later than isolate_deadline (run_clock() time). */
struct isolate_child;
struct isolate_child *isolate_start(const struct trace *t, const struct run_settings *s,
                                    double time_limit, struct run_result *r);
bool isolate_wait(struct isolate_child *c, double wait);
bool isolate_running(const struct isolate_child *c);
bool isolate_waiting(const struct isolate_child *c);
void isolate_time(struct isolate_child *c);
void isolate_finish(struct isolate_child *c);
void isolate_end(struct isolate_child *c);
int isolate_fd(const struct isolate_child *c);
double isolate_deadline(const struct isolate_child *c);
/* The child's progress (shared memory), and when its stage started. */
const struct run_progress *isolate_progress(const struct isolate_child *c);
double isolate_started(const struct isolate_child *c);

/* Like run_trace, in this process (-D): a crash is left to the debugger,
 * but an exit() before the run ends prints the failure and ends the driver
 * with status 1, never with the allocator's status. */
void isolate_run_here(const struct trace *t, const struct run_settings *s, struct run_result *r);

/* Explain an address relative to memlib's heap: "8 bytes past the end of
 * the heap (break at heap+0x12340)", "in the guard page below the heap",
 * "NULL pointer + 16", "outside the heap, not near it". `brk` is the heap's
 * break at the time. False for the last: an address near nothing the lab
 * knows of. */
bool isolate_describe_address(uintptr_t addr, uintptr_t heap_lo, uintptr_t brk,
                              size_t arena, char *buf, size_t len);

#endif /* MALLOCLAB_ISOLATE_H */
