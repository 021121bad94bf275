/*
 * child.h - the child's side of an isolated run (isolate.h): it replays
 * the trace and, whatever happens to the run, sends the parent one record
 * (record.h) for each stage.
 *
 * The child's signal handlers and its exit hook send the record when the
 * allocator crashes, hangs (SIGALRM) or exits; they only read plain
 * variables and call write() and _exit(), which are async-signal-safe.
 * Before mm.c runs, the child enters its own process group and the
 * sandbox (sandbox.h).
 */
#ifndef MALLOCLAB_CHILD_H
#define MALLOCLAB_CHILD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "run.h"

/* What the parent gives a run's child. */
struct child_link {
    pid_t parent;                   /* the driver: the child dies with it */
    int report_fd;                  /* the records go here */
    int go_fd;                      /* the parent's "go" to time the trace comes from here */
    uint64_t token;                 /* what the records carry (record.h) */
    struct run_progress *progress;  /* shared with the parent, or NULL: the child's own */
    bool sandboxed;                 /* enter the sandbox before mm.c runs */
};

/* In a child just forked: the checked replay of t under s within
 * `time_limit` seconds, then, when the parent says "go", the timed
 * replays. Never returns. */
_Noreturn void child_run(const struct child_link *link, const struct trace *t,
                         const struct run_settings *s, double time_limit);

/* In a child just forked from `parent`: whether a's mm_set_placement knows
 * `name`, as the exit status: 0 when it does; not 0 when it does not, or
 * the sandbox could not be entered, or it crashed or ran past `time_limit`
 * seconds. Sends no record. Never returns. */
_Noreturn void child_knows_policy(pid_t parent, const struct allocator *a, const char *name,
                                  double time_limit, bool sandboxed);

#endif /* MALLOCLAB_CHILD_H */
