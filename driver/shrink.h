/*
 * shrink.h - reducing a failing trace to a small one that fails the same way.
 *
 * Operations after the failing one are cut; then whole blocks are removed
 * (an id's allocation, reallocs and free go together, so the trace stays
 * valid) by delta debugging: halves, then quarters, ..., then single
 * blocks, keeping every removal after which the trace still fails with the
 * same kind of failure. Ids are renumbered in order of first use. Each try
 * runs in a child process, so crashes and hangs can be shrunk too.
 */
#ifndef MALLOCLAB_SHRINK_H
#define MALLOCLAB_SHRINK_H

#include "run.h"

/* Shrink `t`, which failed as `r` says under `s`, within SHRINK_BUDGET
 * seconds, and write the smallest failing trace found to `out_path`.
 * Prints how far it got and the command to replay it with `driver` (the
 * program that was run). 0 on success, -1 with a message on stderr. */
int shrink_trace(const struct trace *t, const struct run_settings *s, const struct run_result *r,
                 double time_limit, const char *out_path, const char *driver);

#endif /* MALLOCLAB_SHRINK_H */
