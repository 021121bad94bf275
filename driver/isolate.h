/*
 * isolate.h - running one trace in a child process, so that nothing an
 * allocator does (crash, hang, exit, abort) can take the driver down.
 *
 * The child replays the trace (run_trace) and sends its result record back
 * through a pipe. If the allocator crashes, loops, aborts or exits, the
 * child's signal handlers (or its atexit hook) send instead a short report
 * of what happened and which operation was running; from it the parent
 * writes the failure message: the signal, the faulting address placed
 * relative to the heap, the trace line and operation. A child that neither
 * reports nor ends within the time limit is killed.
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
