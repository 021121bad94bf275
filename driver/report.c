/*
 * report.c - the table and the CSV.
 */
#include "report.h"

#include <errno.h>
#include <string.h>

#include "config.h"
#include "score.h"

/* ---- Cells, shared by both layouts ------------------------------------- */

static const char *util_cell(const struct run_result *r, char *buf, size_t len)
{
    if (!r->valid)
        snprintf(buf, len, "FAIL");
    else if (!r->util_applies)
        snprintf(buf, len, "n/a");
    else
        snprintf(buf, len, "%.1f%%", 100.0 * r->util);
    return buf;
}

static const char *kops_cell(const struct run_result *r, char *buf, size_t len)
{
    if (r->valid && r->timed && r->secs > 0)
        snprintf(buf, len, "%.0f", (double)r->ops / r->secs / 1000.0);
    else
        snprintf(buf, len, "-");
    return buf;
}

/* One replay was longer than the timing budget, so it was timed once. */
static bool timed_once(const struct run_result *r)
{
    return r->valid && r->timed && r->reps == 1;
}

/* The noise of a throughput figure: the spread of the fastest replays;
 * none for an instruction count (-I), nor for a single replay. */
static const char *noise_cell(const struct run_result *r, bool counted, char *buf, size_t len)
{
    if (r->valid && r->timed && counted)
        snprintf(buf, len, "exact");
    else if (timed_once(r))
        snprintf(buf, len, "1 rep");
    else if (r->valid && r->timed)
        snprintf(buf, len, "%s%.1f%%", r->converged ? "±" : "±!", 100.0 * r->spread);
    else
        snprintf(buf, len, "-");
    return buf;
}

/* A shown column's totals, against the run's reference. */
static void column_totals(const struct results *rs, size_t c, struct totals *tot)
{
    score_column(rs, c, score_libc_kops(rs), tot);
}

/* The index line: the profile's formula with the column's figures. */
static void print_index(FILE *out, const struct results *rs, size_t c, const struct totals *tot)
{
    const struct column *col = &rs->col[c];
    if (tot->impossible) {
        fprintf(out, "%s: no performance index: the figures computed are impossible (mean "
                "utilization %.1f%%, index %.1f of %.0f): the heap or the results were "
                "tampered with; this is a failure, not a score\n", col->label,
                100.0 * tot->impossible_util, tot->impossible_index, tot->score.max);
        return;
    }
    if (!tot->has_index) {
        if (!col->alloc->simulated)
            return;
        if (tot->util_traces + tot->tput_traces == 0)
            fprintf(out, "%s: no performance index: none of these traces is scored (weight 0)\n",
                    col->label);
        else
            fprintf(out, "%s: no performance index: no reference throughput (libc timed no "
                    "trace, and the grading profile compares with it)\n", col->label);
        return;
    }
    char formula[1024];
    score_explain(rs, tot, formula, sizeof formula);
    if (rs->profile != NULL)
        fprintf(out, "%s: score under profile '%s' = %s\n", col->label, rs->profile->name,
                formula);
    else
        fprintf(out, "%s: performance index = %s\n", col->label, formula);
}

/* ---- One column: the classic layout ---------------------------------- */

static void table_one(FILE *out, const struct results *rs, size_t c, bool per_trace)
{
    char u[16], k[24], n[24];
    const struct column *col = &rs->col[c];
    struct totals tot;
    column_totals(rs, c, &tot);
    fprintf(out, "Results for %s%s%s:\n", col->alloc->simulated ? "mm.c" : "the C library's malloc",
            col->policy ? ", placement " : "", col->policy ? col->policy : "");
    if (per_trace) {
        fprintf(out, "%-24s %5s %7s %9s %10s %9s %7s\n", "trace", "valid", "util", "ops",
                rs->counted ? "instr/op" : "secs", "Kops", "noise");
        for (size_t i = 0; i < rs->nrows; i++) {
            const struct row *row = &rs->row[i];
            const struct run_result *r = results_cell(rs, i, c);
            if (!row->loaded) {
                fprintf(out, "%-24s %5s   (not run: the trace has an input error)\n", row->name,
                        "-");
                continue;
            }
            fprintf(out, "%-24s %5s %7s %9zu ", row->name, r->valid ? "yes" : "no",
                    util_cell(r, u, sizeof u), row->ops);
            if (r->valid && r->timed && rs->counted)
                fprintf(out, "%10.1f", r->ops ? (double)r->instructions / (double)r->ops : 0.0);
            else if (r->valid && r->timed)
                fprintf(out, "%10.6f", r->secs);
            else
                fprintf(out, "%10s", "-");
            fprintf(out, " %9s %7s%s\n", kops_cell(r, k, sizeof k), noise_cell(r, rs->counted, n, sizeof n),
                    row->weight == WEIGHT_NONE ? "  (not scored)" : "");
        }
    }
    fprintf(out, "%-24s %5s ", "Total", "");
    if (tot.util >= 0)
        fprintf(out, "%6.1f%%", 100.0 * tot.util);
    else
        fprintf(out, "%7s", "n/a");
    if (rs->counted)        /* nominal seconds back to instructions per operation */
        fprintf(out, " %9zu %10.1f %9.0f\n", tot.ops,
                tot.ops ? tot.secs * ICOUNT_NOMINAL_IPS / (double)tot.ops : 0.0, tot.kops);
    else
        fprintf(out, " %9zu %10.6f %9.0f\n", tot.ops, tot.secs, tot.kops);
    if (tot.failed)
        fprintf(out, "%d of %d traces failed; each counts as utilization 0 and no throughput\n",
                tot.failed, tot.traces);
    print_index(out, rs, c, &tot);
}

/* ---- Several columns side by side ------------------------------------ */

static void table_many(FILE *out, const struct results *rs, bool per_trace)
{
    char u[16], k[24], n[24];
    fprintf(out, "%-24s %9s", "", "");
    for (size_t c = 0; c < rs->ncols; c++)
        if (rs->col[c].shown)
            fprintf(out, " | %-25s", rs->col[c].label);
    fprintf(out, "\n%-24s %9s", "trace", "ops");
    for (size_t c = 0; c < rs->ncols; c++)
        if (rs->col[c].shown)
            fprintf(out, " | %7s %9s %7s", "util", "Kops", "noise");
    fprintf(out, "\n");
    if (per_trace) {
        for (size_t i = 0; i < rs->nrows; i++) {
            const struct row *row = &rs->row[i];
            fprintf(out, "%-24s %9zu", row->name, row->ops);
            if (!row->loaded) {
                fprintf(out, "   (not run: the trace has an input error)\n");
                continue;
            }
            for (size_t c = 0; c < rs->ncols; c++) {
                const struct run_result *r = results_cell(rs, i, c);
                if (rs->col[c].shown)
                    fprintf(out, " | %7s %9s %7s", util_cell(r, u, sizeof u),
                            kops_cell(r, k, sizeof k), noise_cell(r, rs->counted, n, sizeof n));
            }
            fprintf(out, "%s\n", row->weight == WEIGHT_NONE ? "  (not scored)" : "");
        }
    }
    struct totals tot;
    fprintf(out, "%-24s %9s", "Total", "");
    for (size_t c = 0; c < rs->ncols; c++) {
        if (!rs->col[c].shown)
            continue;
        column_totals(rs, c, &tot);
        if (tot.util >= 0)
            snprintf(u, sizeof u, "%.1f%%", 100.0 * tot.util);
        else
            snprintf(u, sizeof u, "n/a");
        fprintf(out, " | %7s %9.0f %7s", u, tot.kops, "");
    }
    fprintf(out, "\n%-24s %9s", "Failed traces", "");
    for (size_t c = 0; c < rs->ncols; c++) {
        if (!rs->col[c].shown)
            continue;
        column_totals(rs, c, &tot);
        fprintf(out, " | %7d %9s %7s", tot.failed, "", "");
    }
    fprintf(out, "\n");
    for (size_t c = 0; c < rs->ncols; c++) {
        if (!rs->col[c].shown)
            continue;
        column_totals(rs, c, &tot);
        print_index(out, rs, c, &tot);
    }
}

void report_table(FILE *out, const struct results *rs, bool per_trace)
{
    size_t shown = 0, only = 0;
    for (size_t c = 0; c < rs->ncols; c++)
        if (rs->col[c].shown) {
            shown++;
            only = c;
        }
    if (shown == 1)
        table_one(out, rs, only, per_trace);
    else
        table_many(out, rs, per_trace);
    if (rs->counted)
        fprintf(out, "counted (-I): instructions per operation under callgrind; Kops are "
                "thousands of operations per nominal second of %.0f instructions\n",
                (double)ICOUNT_NOMINAL_IPS);
    else
        fprintf(out, "noise: spread of the %d fastest timed replays (\"±!\": they did not agree "
                "within %.0f%% in the time allowed)\n", TIMING_K, 100.0 * TIMING_TOLERANCE);
    bool once = false;
    for (size_t i = 0; i < rs->nrows * rs->ncols && !rs->counted; i++)
        once |= rs->row[i / rs->ncols].loaded && rs->col[i % rs->ncols].shown &&
                timed_once(&rs->cell[i]);
    if (once)
        fprintf(out, "long traces: \"1 rep\" when one replay took longer than the timing budget "
                "(%g s, TIMING_BUDGET), so it was timed once and has no spread\n",
                (double)TIMING_BUDGET);
}

/* ---- CSV ------------------------------------------------------------- */

/* A CSV field in quotes, quotes doubled, line breaks as spaces. */
static void csv_text(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s != '\0'; s++) {
        if (*s == '"')
            fputs("\"\"", f);
        else if (*s == '\n' || *s == '\r')
            fputc(' ', f);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

/* internal,external,structure,growth in bytes, each followed by a comma;
 * empty where not measured (the first three also where undivided). */
static void csv_breakdown(FILE *f, const struct breakdown *b)
{
    if (b == NULL || !b->measured) {
        fprintf(f, ",,,,");
        return;
    }
    if (b->at_peak.divided)
        fprintf(f, "%zu,%zu,%zu,", b->at_peak.internal, b->at_peak.external,
                b->at_peak.structure);
    else
        fprintf(f, ",,,");
    fprintf(f, "%zu,", b->growth);
}

int report_csv(const char *path, const struct results *rs)
{
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    fprintf(f, "trace,policy,valid,util,ops,secs,kops,spread,reps,heap,peak,"
               "internal,external,structure,growth,message\n");
    for (size_t i = 0; i < rs->nrows; i++) {
        const struct row *row = &rs->row[i];
        for (size_t c = 0; c < rs->ncols; c++) {
            const struct run_result *r = results_cell(rs, i, c);
            csv_text(f, row->name);
            fprintf(f, ",%s,%d,", rs->col[c].label, row->loaded && r->valid);
            if (row->loaded && r->valid && r->util_applies)
                fprintf(f, "%.6f", r->util);
            fprintf(f, ",%zu,", row->ops);
            if (row->loaded && r->valid && r->timed && r->reps == 1)   /* no spread */
                fprintf(f, "%.9f,%.3f,,%d", r->secs, (double)r->ops / r->secs / 1000.0, r->reps);
            else if (row->loaded && r->valid && r->timed)
                fprintf(f, "%.9f,%.3f,%.6f,%d", r->secs, (double)r->ops / r->secs / 1000.0,
                        r->spread, r->reps);
            else
                fprintf(f, ",,,");
            fprintf(f, ",%zu,%zu,", r->heap_size, r->peak_live);
            csv_breakdown(f, row->loaded && r->valid ? &r->breakdown : NULL);
            csv_text(f, r->message);
            fputc('\n', f);
        }
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int report_totals_csv(const char *path, const struct results *rs)
{
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    fprintf(f, "policy,util,kops,index\n");
    for (size_t c = 0; c < rs->ncols; c++) {
        struct totals tot;
        column_totals(rs, c, &tot);
        fprintf(f, "%s,", rs->col[c].label);
        if (tot.util >= 0)
            fprintf(f, "%.6f", tot.util);
        fprintf(f, ",%.3f,", tot.kops);
        if (tot.has_index)
            fprintf(f, "%.2f", tot.index);
        fputc('\n', f);
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}
