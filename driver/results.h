/*
 * results.h - the results of a whole driver run, as the report and the
 * scores see them: one row per trace, one column per allocator and policy.
 */
#ifndef MALLOCLAB_RESULTS_H
#define MALLOCLAB_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "allocator.h"
#include "profile.h"
#include "run.h"
#include "trace.h"

/* One allocator and policy: "first", "next", "best", "mm" (mm.c's own
 * default) or "libc". */
struct column {
    const char *label;
    const struct allocator *alloc;
    const char *policy;         /* for mm_set_placement, or NULL */
    bool shown;                 /* in the table (libc may be measured only as the reference) */
};

/* One trace. */
struct row {
    const char *path;
    const char *name;
    bool loaded;                /* parsed; false: an input error, nothing was run */
    size_t ops;
    enum trace_weight weight;
};

struct results {
    size_t nrows, ncols;
    struct row *row;
    struct column *col;
    struct run_result *cell;    /* nrows * ncols, row-major */
    bool counted;               /* -I: throughput from instruction counts, not clocks */
    const struct profile *profile;  /* the grading curve (-C); NULL: config.h's */
};

static inline struct run_result *results_cell(const struct results *rs, size_t row, size_t col)
{
    return &rs->cell[row * rs->ncols + col];
}

#endif /* MALLOCLAB_RESULTS_H */
