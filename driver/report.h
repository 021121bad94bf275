/*
 * report.h - printing results: the table people read and the CSV that
 * scripts read.
 */
#ifndef MALLOCLAB_REPORT_H
#define MALLOCLAB_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "results.h"

/* The table: per-trace rows when `per_trace`, then totals and the index of
 * every shown column. One shown column reads like the classic driver's
 * table; several are set side by side. */
void report_table(FILE *out, const struct results *rs, bool per_trace);

/* Write the CSV: a header line, then one row per trace and column:
 * trace,policy,valid,util,ops,secs,kops,spread,reps,heap,peak,
 * internal,external,structure,growth,message (util empty where it does
 * not apply; the breakdown's bytes, breakdown.h, empty where not measured). 0 on success, -1 with a message
 * on stderr. */
int report_csv(const char *path, const struct results *rs);

/* Write one row per column: policy,util,kops,index (util as a fraction,
 * empty where it does not apply; index empty where there is none).
 * 0 on success, -1 with a message on stderr. */
int report_totals_csv(const char *path, const struct results *rs);

#endif /* MALLOCLAB_REPORT_H */
