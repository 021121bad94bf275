/*
 * progress.h - a status line on a terminal while long runs go on.
 *
 * When stderr is a terminal (and -q is not given), a run that has taken
 * more than about a second gets one line on stderr, rewritten in place:
 *     real-python.rep [first] checking 120000/300000 ops, 4.2 s
 *     real-python.rep [first] timing, replay 2, 9.0 s
 * It is cleared when the run ends, so that nothing of it stays in the
 * output. Into a file or a pipe nothing is written, ever.
 */
#ifndef MALLOCLAB_PROGRESS_H
#define MALLOCLAB_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"

/* How often the status line is redrawn while runs go on, in seconds. */
static const double progress_tick_secs = 0.25;

/* One run being watched. */
struct progress_item {
    const char *trace;          /* its file */
    const char *label;          /* its column: "first", "libc", "mm" */
    size_t ops;                 /* operations per replay */
    const struct run_progress *progress;    /* written by the child */
    double started;             /* run_clock() when it started */
};

/* Turn the status line on or off; on only when stderr is a terminal. */
void progress_enable(bool wanted);
bool progress_on(void);

/* Show a run going on, and how many `others` run beside it, once it has
 * taken a second or so. */
void progress_show(const struct progress_item *it, size_t others);

/* Erase the status line, if one is shown. */
void progress_clear(void);

#endif /* MALLOCLAB_PROGRESS_H */
