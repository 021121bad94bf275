/*
 * shrink.c - delta debugging over a trace's blocks.
 */
#include "shrink.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "isolate.h"

struct shrinker {
    const struct trace *t;
    const struct run_settings *s;
    const struct run_result *original;
    double limit;               /* seconds per try */
    size_t cut;                 /* operations kept: [0, cut) */
    bool *keep;                 /* per original id */
    uint32_t *newid;            /* scratch: original id -> renumbered id */
    size_t *size;               /* scratch: live size per renumbered id */
    char *text;                 /* the last candidate written */
    size_t text_len, text_cap;
    size_t *origin;             /* candidate op index -> original op index */
    size_t tries;
    struct run_result result;
};

static int emit(struct shrinker *sh, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        size_t room = sh->text_cap - sh->text_len;
        int n = vsnprintf(sh->text + sh->text_len, room, fmt, ap);
        va_end(ap);
        if (n < 0)
            return -1;
        if ((size_t)n < room) {
            sh->text_len += (size_t)n;
            return 0;
        }
        size_t cap = sh->text_cap * 2 + (size_t)n;
        char *bigger = realloc(sh->text, cap);
        if (bigger == NULL)
            return -1;
        sh->text = bigger;
        sh->text_cap = cap;
    }
}

/* Write the candidate made of the kept ids' operations before the cut, as
 * a 15-213 trace (weight 1, ids, operations, peak live bytes). */
static int write_candidate(struct shrinker *sh, size_t *num_ops)
{
    const struct trace *t = sh->t;
    uint32_t ids = 0;
    size_t ops = 0, live = 0, peak = 0;
    for (size_t i = 0; i < t->num_ids; i++)
        sh->newid[i] = UINT32_MAX;
    for (size_t i = 0; i < sh->cut; i++) {
        const struct trace_op *op = &t->ops[i];
        if (!sh->keep[op->id])
            continue;
        if (sh->newid[op->id] == UINT32_MAX) {
            sh->size[ids] = 0;
            sh->newid[op->id] = ids++;
        }
        uint32_t id = sh->newid[op->id];
        live -= sh->size[id];
        sh->size[id] = op->kind == OP_FREE ? 0 : op->size;
        live = sh->size[id] > SIZE_MAX - live ? SIZE_MAX : live + sh->size[id];
        if (live > peak)
            peak = live;
        sh->origin[ops++] = i;
    }
    sh->text_len = 0;
    if (emit(sh, "1\n%" PRIu32 "\n%zu\n%zu\n", ids, ops, peak) != 0)
        return -1;
    for (size_t i = 0; i < sh->cut; i++) {
        const struct trace_op *op = &t->ops[i];
        if (!sh->keep[op->id])
            continue;
        uint32_t id = sh->newid[op->id];
        int rc = op->kind == OP_ALLOC   ? emit(sh, "a %" PRIu32 " %zu\n", id, op->size)
                 : op->kind == OP_REALLOC ? emit(sh, "r %" PRIu32 " %zu\n", id, op->size)
                                          : emit(sh, "f %" PRIu32 "\n", id);
        if (rc != 0)
            return -1;
    }
    *num_ops = ops;
    return 0;
}

static bool same_failure(const struct run_result *a, const struct run_result *b)
{
    return !a->valid && a->failure == b->failure &&
           (a->failure != FAIL_CRASH || a->failed_signal == b->failed_signal);
}

/* Does the candidate still fail the same way? If so, cut it after its
 * failing operation. */
static bool try_candidate(struct shrinker *sh, const char *out_path)
{
    size_t ops;
    if (write_candidate(sh, &ops) != 0 || ops == 0)
        return false;
    struct trace cand;
    char err[TRACE_ERR_MAX];
    if (trace_parse(out_path, sh->text, sh->text_len, &cand, err) != 0)
        return false;
    struct run_settings s = *sh->s;
    s.time_it = false;
    s.timeline_dir = NULL;
    s.progress = NULL;
    s.dump = false;
    isolate_run(&cand, &s, sh->limit, &sh->result);
    sh->tries++;
    bool same = same_failure(&sh->result, sh->original);
    if (same && sh->result.failed_op < ops)
        sh->cut = sh->origin[sh->result.failed_op] + 1;
    trace_free(&cand);
    return same;
}

/* The kept ids that occur before the cut, in order of first use. */
static size_t kept_ids(const struct shrinker *sh, uint32_t *list)
{
    size_t n = 0;
    bool *seen = calloc(sh->t->num_ids ? sh->t->num_ids : 1, sizeof *seen);
    if (seen == NULL)
        return 0;
    for (size_t i = 0; i < sh->cut; i++) {
        uint32_t id = sh->t->ops[i].id;
        if (sh->keep[id] && !seen[id]) {
            seen[id] = true;
            list[n++] = id;
        }
    }
    free(seen);
    return n;
}

/* ddmin over the kept ids: try removing each of n chunks; on success start
 * over with fewer chunks, else split finer, until single ids fail to go. */
static void minimize(struct shrinker *sh, uint32_t *list, double deadline, const char *out_path)
{
    size_t chunks = 2;
    for (;;) {
        size_t n = kept_ids(sh, list);
        if (n < 2 || run_clock() > deadline)
            return;
        if (chunks > n)
            chunks = n;
        bool removed = false;
        for (size_t c = 0; c < chunks && !removed && run_clock() <= deadline; c++) {
            size_t lo = n * c / chunks, hi = n * (c + 1) / chunks;
            for (size_t i = lo; i < hi; i++)
                sh->keep[list[i]] = false;
            size_t cut = sh->cut;
            if (try_candidate(sh, out_path)) {
                removed = true;
            } else {
                sh->cut = cut;
                for (size_t i = lo; i < hi; i++)
                    sh->keep[list[i]] = true;
            }
        }
        if (removed)
            chunks = chunks > 2 ? chunks - 1 : 2;
        else if (chunks == n)
            return;
        else
            chunks *= 2;
    }
}

int shrink_trace(const struct trace *t, const struct run_settings *s, const struct run_result *r,
                 double time_limit, const char *out_path, const char *driver)
{
    struct shrinker sh = {.t = t, .s = s, .original = r};
    double started = run_clock();
    sh.limit = r->failure == FAIL_TIMEOUT && time_limit > SHRINK_HANG_LIMIT ? SHRINK_HANG_LIMIT
                                                                             : time_limit;
    sh.cut = r->failed_op < t->num_ops ? r->failed_op + 1 : t->num_ops;
    size_t n_ids = t->num_ids ? t->num_ids : 1;
    sh.keep = malloc(n_ids * sizeof *sh.keep);
    sh.newid = malloc(n_ids * sizeof *sh.newid);
    sh.size = malloc(n_ids * sizeof *sh.size);
    sh.origin = malloc((t->num_ops ? t->num_ops : 1) * sizeof *sh.origin);
    uint32_t *list = malloc(n_ids * sizeof *list);
    sh.text_cap = 4096;
    sh.text = malloc(sh.text_cap);
    int rc = -1;
    if (sh.keep == NULL || sh.newid == NULL || sh.size == NULL || sh.origin == NULL ||
        list == NULL || sh.text == NULL) {
        fprintf(stderr, "mdriver: out of memory shrinking '%s'\n", t->path);
        goto out;
    }
    for (size_t i = 0; i < t->num_ids; i++)
        sh.keep[i] = true;

    printf("Shrinking %s (%zu operations; it failed with: %s) for up to %d s...\n", t->path,
           t->num_ops, failure_kind_name(r->failure), SHRINK_BUDGET);
    fflush(stdout);
    if (!try_candidate(&sh, out_path)) {
        fprintf(stderr, "mdriver: cannot shrink '%s': replayed on its own, it does not fail "
                "the same way again (%s); is the allocator deterministic?\n", t->path,
                sh.result.valid ? "it passed" : failure_kind_name(sh.result.failure));
        goto out;
    }
    minimize(&sh, list, started + SHRINK_BUDGET, out_path);

    /* Write the smallest failing candidate: the state of keep and cut. */
    size_t ops;
    FILE *f = NULL;
    if (write_candidate(&sh, &ops) != 0 || (f = fopen(out_path, "w")) == NULL ||
        fwrite(sh.text, 1, sh.text_len, f) != sh.text_len || fclose(f) != 0) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", out_path, strerror(errno));
        goto out;
    }
    printf("Shrunk %s from %zu operations to %zu (%zu replays, %.1f s%s); it still fails "
           "with: %s.\nReplay it with: %s -f %s", t->path, t->num_ops, ops, sh.tries,
           run_clock() - started, run_clock() > started + SHRINK_BUDGET ? ", stopped at the time budget" : "",
           failure_kind_name(r->failure), driver, out_path);
    if (s->policy != NULL)
        printf(" -p %s", s->policy);
    if (s->check_heap)
        printf(" -c");
    if (time_limit != TRACE_TIME_LIMIT)
        printf(" -s %g", time_limit);
    printf("\n");
    rc = 0;
out:
    free(sh.keep);
    free(sh.newid);
    free(sh.size);
    free(sh.origin);
    free(sh.text);
    free(list);
    return rc;
}
