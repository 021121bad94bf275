/*
 * score.c - totals and the performance index.
 */
#include "score.h"

#include <string.h>

#include "config.h"

_Static_assert(UTIL_WEIGHT >= 0 && UTIL_WEIGHT <= 100, "UTIL_WEIGHT is a percentage");

bool score_counts_util(enum trace_weight w)
{
    return w == WEIGHT_BOTH || w == WEIGHT_UTIL;
}

bool score_counts_tput(enum trace_weight w)
{
    return w == WEIGHT_BOTH || w == WEIGHT_TPUT;
}

void score_column(const struct results *rs, size_t col, double reference_kops, struct totals *tot)
{
    memset(tot, 0, sizeof *tot);
    bool util_applies = rs->col[col].alloc->simulated;
    double util_sum = 0;
    for (size_t i = 0; i < rs->nrows; i++) {
        const struct row *row = &rs->row[i];
        const struct run_result *r = results_cell(rs, i, col);
        if (!row->loaded)
            continue;
        tot->traces++;
        tot->failed += !r->valid;
        if (score_counts_util(row->weight)) {
            tot->util_traces++;
            util_sum += r->valid ? r->util : 0;
        }
        if (score_counts_tput(row->weight)) {
            tot->tput_traces++;
            if (r->valid && r->timed) {
                tot->tput_passed++;
                tot->ops += r->ops;
                tot->secs += r->secs;
            }
        }
    }
    tot->util = util_applies && tot->util_traces ? util_sum / tot->util_traces : -1;
    if (tot->secs > 0)
        tot->kops = (double)tot->ops / tot->secs / 1000.0 * tot->tput_passed / tot->tput_traces;

    tot->reference_kops = reference_kops;
    tot->has_index = util_applies && reference_kops > 0 &&
                     tot->util_traces + tot->tput_traces > 0;
    if (tot->has_index) {
        double util = tot->util_traces ? tot->util : 1.0;
        double ratio = tot->kops / reference_kops;
        if (tot->tput_traces == 0)
            ratio = 1.0;
        tot->util_term = UTIL_WEIGHT * util;
        tot->tput_term = (100 - UTIL_WEIGHT) * (ratio < 1.0 ? ratio : 1.0);
        tot->index = tot->util_term + tot->tput_term;
    }
    /* No allocator uses less memory than it holds live: such a figure is a
     * bug or a forgery, never a score. */
    if (tot->util > 1.0 || (tot->has_index && tot->index > 100.0)) {
        tot->impossible = true;
        tot->impossible_util = tot->util;
        tot->impossible_index = tot->index;
        tot->has_index = false;
        tot->util = 0;
        tot->index = tot->util_term = tot->tput_term = 0;
    }
}

bool score_any_impossible(const struct results *rs)
{
    for (size_t c = 0; c < rs->ncols; c++) {
        struct totals tot;
        score_column(rs, c, score_reference_kops(rs), &tot);
        if (tot.impossible)
            return true;
    }
    return false;
}

double score_reference_kops(const struct results *rs)
{
    /* Under -I, seconds are nominal (icount.h): only a count compares. */
    const double reference_ipo = ICOUNT_REFERENCE_IPO;
    if (rs->counted && reference_ipo > 0)
        return ICOUNT_NOMINAL_IPS / reference_ipo / 1000.0;
    if (!rs->counted && REFERENCE_KOPS > 0)
        return REFERENCE_KOPS;
    for (size_t c = 0; c < rs->ncols; c++) {
        if (!rs->col[c].alloc->simulated) {
            /* libc's own speed on the traces it replayed, unscaled. */
            struct totals tot;
            score_column(rs, c, 0, &tot);
            return tot.secs > 0 ? (double)tot.ops / tot.secs / 1000.0 : 0;
        }
    }
    return 0;
}
