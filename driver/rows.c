/*
 * rows.c - the table run row by row, or (-j) checked N cells at a time and
 * then said row by row.
 */
#include "rows.h"

#include <stdio.h>
#include <stdlib.h>

#include "config.h"

#include "diagnose.h"
#include "icount.h"
#include "parallel.h"
#include "shrink.h"
#include "trace.h"
#include "viewer.h"

/* -P: replay `t` once on each shown column, for callgrind (icount.h);
 * returns false when an allocator could not be initialised. */
static bool replay_columns(const struct trace *t, const struct results *rs)
{
    bool replayed = true;
    for (size_t c = 0; c < rs->ncols; c++) {
        const struct column *col = &rs->col[c];
        struct run_settings s = {.alloc = col->alloc, .policy = col->policy, .label = col->label};
        if (col->shown && icount_replay(t, &s) != 0)
            replayed = false;
    }
    return replayed;
}

/* Read row i's trace into *t; on an input error, note it in the row's
 * cells and return false (say_input_error says it, in the order of the rows). */
static bool load_row(struct results *rs, size_t i, struct trace *t)
{
    struct row *row = &rs->row[i];
    char err[TRACE_ERR_MAX];
    if (trace_read(row->path, t, err) != 0) {
        for (size_t c = 0; c < rs->ncols; c++)
            snprintf(results_cell(rs, i, c)->message, RUN_MESSAGE_MAX, "%s", err);
        return false;
    }
    row->loaded = true;
    row->ops = t->num_ops;
    row->weight = t->weight;
    return true;
}

/* How column `col` runs a trace. */
static struct run_settings cell_settings(const struct options *o, const struct column *col)
{
    struct run_settings s = {
        .alloc = col->alloc,
        .policy = col->policy,
        .check_heap = o->check_heap && col->alloc->simulated,
        .time_it = !o->icount,
        .show_progress = true,
        .timeline_dir = o->timeline_dir,
        .label = col->label,
        .dump = o->dump || o->stop_line != 0,
        .stop_at_line = o->stop_line,
    };
    if (o->stop_line != 0) {
        s.time_it = false;
        s.timeline_dir = NULL;
    }
    return s;
}

/* Cell (i, c) has run on trace t: count its instructions (-I), explain a
 * failure, say what -V says. Returns false when a check failed. */
static bool finish_cell(struct options *o, struct results *rs, size_t i, size_t c,
                        const struct trace *t)
{
    const struct row *row = &rs->row[i];
    const struct column *col = &rs->col[c];
    struct run_result *r = results_cell(rs, i, c);
    struct run_settings s = cell_settings(o, col);
    if (o->icount && r->valid)
        icount_run(t, &s, o->max_heap, o->time_limit, r);
    if (!r->valid) {
        diagnose_first_bad_op(t, &s, o->time_limit, !o->in_process, r);
        fflush(stdout);
        fprintf(stderr, "FAIL [%s] %s\n", col->label, r->message);
        if (s.dump)
            diagnose_show_heap(t, &s, r, o->time_limit, !o->in_process);
        if (o->shrink_path != NULL && col->alloc->simulated) {
            shrink_trace(t, &s, r, o->time_limit, o->shrink_path, o->prog);
            o->shrink_path = NULL;          /* the first failure only */
        }
        return false;
    }
    if (o->verbose && r->timed && o->icount) {
        printf("  %s: valid (checked in %.3f s); %llu instructions counted, %.1f per "
               "operation\n", col->label, r->check_secs, r->instructions,
               r->ops ? (double)r->instructions / (double)r->ops : 0.0);
    } else if (r->stopped) {
        printf("%s [%s]: stopped after line %u as asked (-x):%s\n", row->path, col->label,
               o->stop_line, r->detail);
    } else if (o->verbose && r->timed && r->reps == 1) {
        printf("  %s: valid (checked in %.3f s); %.0f Kops, timed once: one replay takes "
               "longer than the timing budget (%g s), so no spread\n", col->label,
               r->check_secs, (double)r->ops / r->secs / 1000.0, (double)TIMING_BUDGET);
    } else if (o->verbose && r->timed) {
        printf("  %s: valid (checked in %.3f s); %.0f Kops, noise ±%.1f%% over %d timed "
               "replays%s\n", col->label, r->check_secs, (double)r->ops / r->secs / 1000.0,
               100.0 * r->spread, r->reps,
               r->converged ? "" : " (did not settle in the time allowed)");
    }
    return true;
}

/* -V: what row i's trace holds, before its cells. */
static void say_row(const struct options *o, const struct results *rs, size_t i,
                    const struct trace *t)
{
    if (o->verbose)
        printf("Reading %s: %s header, %s, %zu ids, %zu operations, peak live payload %zu "
               "bytes\n", rs->row[i].path, trace_format_name(t->format),
               trace_weight_name(t->weight), t->num_ids, t->num_ops, t->peak_live);
}

/* -V: what cell (i, c) is about to do. */
static void say_cell(const struct options *o, const struct column *col)
{
    if (o->verbose)
        printf("  %s: checking%s, then %s\n", col->label,
               o->check_heap && col->alloc->simulated ? " with mm_checkheap after every "
               "operation" : "", o->icount ? "counting instructions" : "timing");
    fflush(stdout);
}

static void say_input_error(const struct results *rs, size_t i)
{
    fflush(stdout);
    fprintf(stderr, "%s\n", results_cell(rs, i, 0)->message);
}

/* -H: the page of the first trace, once its cells have run. */
static void write_viewer(const struct options *o, const struct results *rs, size_t i,
                         const struct trace *t, bool *input_error)
{
    if (o->html == NULL || i != 0)
        return;
    if (viewer_write(o->html, t, rs, i, o->check_heap, o->time_limit, !o->in_process) == 0)
        printf("Wrote %s: the heap of %s at every operation (open it in a browser)%s\n",
               o->html, rs->row[i].path, rs->nrows > 1 ? "; -H draws the first trace only" : "");
    else
        *input_error = true;
}

/* Run every column on row i; returns false when a check failed. */
static bool run_row(struct options *o, struct results *rs, size_t i, bool *input_error)
{
    struct trace t;
    if (!load_row(rs, i, &t)) {
        say_input_error(rs, i);
        *input_error = true;
        return true;
    }
    say_row(o, rs, i, &t);
    if (o->replay_only) {
        bool replayed = replay_columns(&t, rs);
        trace_free(&t);
        return replayed;
    }
    bool all_valid = true;
    for (size_t c = 0; c < rs->ncols; c++) {
        struct run_settings s = cell_settings(o, &rs->col[c]);
        say_cell(o, &rs->col[c]);
        diagnose_run(&t, &s, o->time_limit, !o->in_process, results_cell(rs, i, c));
        all_valid &= finish_cell(o, rs, i, c, &t);
    }
    write_viewer(o, rs, i, &t, input_error);
    trace_free(&t);
    return all_valid;
}

/* -j N: every trace read first; the checked replays of all rows and
 * columns N at a time, then the timing (parallel.h); then, row by row,
 * what run_row says, in the same order. Returns false when a check failed. */
static bool run_rows_parallel(struct options *o, struct results *rs, bool *input_error)
{
    struct trace *t = calloc(rs->nrows, sizeof *t);
    struct parallel_run *runs = calloc(rs->nrows * rs->ncols, sizeof *runs);
    if (t == NULL || runs == NULL) {
        free(t);
        free(runs);
        bool all_valid = true;
        for (size_t i = 0; i < rs->nrows; i++)
            all_valid &= run_row(o, rs, i, input_error);
        return all_valid;
    }
    size_t n = 0;
    for (size_t i = 0; i < rs->nrows; i++) {
        if (!load_row(rs, i, &t[i]))
            continue;
        for (size_t c = 0; c < rs->ncols; c++)
            runs[n++] = (struct parallel_run){&t[i], cell_settings(o, &rs->col[c]),
                                              results_cell(rs, i, c)};
    }
    parallel_run_all(runs, n, o->jobs, o->time_limit);

    bool all_valid = true;
    for (size_t i = 0; i < rs->nrows; i++) {
        if (!rs->row[i].loaded) {
            say_input_error(rs, i);
            *input_error = true;
            continue;
        }
        say_row(o, rs, i, &t[i]);
        for (size_t c = 0; c < rs->ncols; c++) {
            say_cell(o, &rs->col[c]);
            all_valid &= finish_cell(o, rs, i, c, &t[i]);
        }
        write_viewer(o, rs, i, &t[i], input_error);
        trace_free(&t[i]);
    }
    free(t);
    free(runs);
    return all_valid;
}

bool rows_run(struct options *o, struct results *rs, bool *input_error)
{
    if (o->jobs > 1 && !o->replay_only)
        return run_rows_parallel(o, rs, input_error);
    bool all_valid = true;
    for (size_t i = 0; i < rs->nrows; i++)
        all_valid &= run_row(o, rs, i, input_error);
    return all_valid;
}
