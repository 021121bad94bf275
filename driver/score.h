/*
 * score.h - from per-trace results to a column's totals and its score
 * under the run's grading profile (profile.h: -C, or config.h's curve):
 *
 *     index = UTIL_WEIGHT% * util + (100 - UTIL_WEIGHT)% * min(1, Kops / reference)
 *
 * by default. util is the mean utilization over the traces whose weight
 * counts it; a failed trace counts as 0. Kops is the total operations over
 * the total seconds of the passing traces whose weight counts throughput,
 * scaled by the share of those traces that passed. A profile that lists
 * its traces counts only those. The reference (libc's Kops) is measured on
 * the same traces in the same run, over the traces libc replayed.
 */
#ifndef MALLOCLAB_SCORE_H
#define MALLOCLAB_SCORE_H

#include "profile.h"
#include "results.h"

struct totals {
    int traces;                 /* counted rows that ran */
    int failed;                 /* of those, rows that failed a check */
    int util_traces;            /* rows whose weight counts utilization */
    double util;                /* mean over those, failed = 0; < 0 when not applicable */
    int tput_traces, tput_passed;
    size_t ops;                 /* over passing throughput rows */
    double secs;
    double kops;                /* ops / secs / 1000, scaled by tput_passed / tput_traces */
    bool has_index;
    double index;               /* the profile's score, in [0, score.max] */
    struct profile_inputs in;   /* what the profile was given */
    struct profile_score score; /* what it made of it */
    bool impossible;            /* util above 100% or index above its maximum: a failure, no index */
    double impossible_util, impossible_index;   /* what was computed, for the message */
};

/* The profile a run is graded under. */
const struct profile *score_profile(const struct results *rs);

/* Whether some column computed an impossible figure (totals.impossible). */
bool score_any_impossible(const struct results *rs);

/* Totals for column `col`; `libc_kops` <= 0 means libc was not measured,
 * and then a profile comparing with it gives no index. */
void score_column(const struct results *rs, size_t col, double libc_kops, struct totals *tot);

/* The Kops of the libc column (0 when there is none). */
double score_libc_kops(const struct results *rs);

/* The line that explains a column's index (profile_explain). */
void score_explain(const struct results *rs, const struct totals *tot, char *buf, size_t len);

/* Whether a trace of weight `w` counts towards utilization, throughput. */
bool score_counts_util(enum trace_weight w);
bool score_counts_tput(enum trace_weight w);

#endif /* MALLOCLAB_SCORE_H */
