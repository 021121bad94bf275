/*
 * score.h - from per-trace results to a column's totals and its
 * performance index:
 *
 *     index = UTIL_WEIGHT% * util + (100 - UTIL_WEIGHT)% * min(1, Kops / reference)
 *
 * util is the mean utilization over the traces whose weight counts it; a
 * failed trace counts as 0. Kops is the total operations over the total
 * seconds of the passing traces whose weight counts throughput, scaled by
 * the share of those traces that passed. The reference is REFERENCE_KOPS
 * (config.h) or, when that is 0, libc's Kops on the same traces in the same
 * run (over the traces libc replayed).
 */
#ifndef MALLOCLAB_SCORE_H
#define MALLOCLAB_SCORE_H

#include "results.h"

struct totals {
    int traces;                 /* rows that ran */
    int failed;                 /* rows that failed a check */
    int util_traces;            /* rows whose weight counts utilization */
    double util;                /* mean over those, failed = 0; < 0 when not applicable */
    int tput_traces, tput_passed;
    size_t ops;                 /* over passing throughput rows */
    double secs;
    double kops;                /* ops / secs / 1000, scaled by tput_passed / tput_traces */
    bool has_index;
    double reference_kops;      /* what kops is measured against */
    double util_term, tput_term, index;   /* each in [0, 100] */
    bool impossible;            /* util above 100% or index above 100: a failure, no index */
    double impossible_util, impossible_index;   /* what was computed, for the message */
};

/* Totals for column `col`; `reference_kops` <= 0 means there is none, and
 * then there is no index. */
void score_column(const struct results *rs, size_t col, double reference_kops, struct totals *tot);

/* Whether some column computed an impossible figure (totals.impossible). */
bool score_any_impossible(const struct results *rs);

/* The reference throughput for this run: REFERENCE_KOPS (under -I, the
 * nominal Kops of ICOUNT_REFERENCE_IPO), or the Kops of the libc column
 * when there is one (0 when neither). */
double score_reference_kops(const struct results *rs);

/* Whether a trace of weight `w` counts towards utilization, throughput. */
bool score_counts_util(enum trace_weight w);
bool score_counts_tput(enum trace_weight w);

#endif /* MALLOCLAB_SCORE_H */
