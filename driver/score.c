/*
 * score.c - totals, and the index under the run's profile.
 */
#include "score.h"

#include <string.h>

bool score_counts_util(enum trace_weight w)
{
    return w == WEIGHT_BOTH || w == WEIGHT_UTIL;
}

bool score_counts_tput(enum trace_weight w)
{
    return w == WEIGHT_BOTH || w == WEIGHT_TPUT;
}

const struct profile *score_profile(const struct results *rs)
{
    return rs->profile != NULL ? rs->profile : profile_builtin();
}

void score_column(const struct results *rs, size_t col, double libc_kops, struct totals *tot)
{
    memset(tot, 0, sizeof *tot);
    const struct profile *p = score_profile(rs);
    bool util_applies = rs->col[col].alloc->simulated;
    double util_sum = 0;
    for (size_t i = 0; i < rs->nrows; i++) {
        const struct row *row = &rs->row[i];
        const struct run_result *r = results_cell(rs, i, col);
        if (!row->loaded || !profile_counts_trace(p, row->name))
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

    tot->in = (struct profile_inputs){
        .counted = rs->counted,
        .libc_kops = libc_kops,
        .util = tot->util_traces ? tot->util : 1.0,
        .util_traces = tot->util_traces,
        .kops = tot->kops,
        .tput_traces = tot->tput_traces,
        .traces = tot->traces,
        .valid = tot->traces - tot->failed,
    };
    profile_apply(p, &tot->in, &tot->score);
    bool scored_traces = tot->util_traces + tot->tput_traces > 0;
    for (size_t t = 0; t < p->nterms; t++)
        scored_traces |= p->term[t].measure == PM_CORRECT && tot->traces > 0;
    tot->has_index = util_applies && tot->score.ok && scored_traces;
    if (tot->has_index)
        tot->index = tot->score.total;
    /* No allocator uses less memory than it holds live: such a figure is a
     * bug or a forgery, never a score. */
    if (tot->util > 1.0 || (tot->has_index && tot->index > tot->score.max + 1e-9)) {
        tot->impossible = true;
        tot->impossible_util = tot->util;
        tot->impossible_index = tot->index;
        tot->has_index = false;
        tot->util = 0;
        tot->index = 0;
    }
}

bool score_any_impossible(const struct results *rs)
{
    for (size_t c = 0; c < rs->ncols; c++) {
        struct totals tot;
        score_column(rs, c, score_libc_kops(rs), &tot);
        if (tot.impossible)
            return true;
    }
    return false;
}

double score_libc_kops(const struct results *rs)
{
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

void score_explain(const struct results *rs, const struct totals *tot, char *buf, size_t len)
{
    profile_explain(score_profile(rs), &tot->in, &tot->score, buf, len);
}
