/*
 * timing.c - the timed replays, within the timing budget (timing.h).
 */
#include "timing.h"

#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "fingerprint.h"
#include "memlib.h"

/* Shortest sample worth timing, in seconds: well above the clock's
 * resolution and the cost of reading it. */
static const double min_sample_secs = 1e-3;

/* Most replays in one sample (a count): bounds the batch for empty traces. */
static const long max_batch = 100000;

/* Longest a sample may take, the untimed emptying of the heap and mm_init
 * between its replays included, in seconds: TIMING_K samples fit in a
 * quarter of the budget, even when a replay costs less than its setup. */
static const double max_sample_wall = TIMING_BUDGET / (4.0 * TIMING_K);

struct timed {
    const struct trace *t;
    const struct run_settings *s;
    const struct placement *checked;    /* the checked replay's fingerprint */
    void **ptr;             /* one per id */
    uint32_t *left_live;    /* ids a trace leaves live, freed after each libc replay */
    size_t num_left_live;
};

/* Empty the heap and initialise the allocator, outside the timed region. */
static int prepare(const struct timed *tm)
{
    const struct allocator *a = tm->s->alloc;
    if (a->simulated)
        mem_restart();
    if (tm->s->policy != NULL && a->set_placement(tm->s->policy) != 0)
        return -1;
    return a->init();
}

/* One replay; returns the seconds its operations took, and where it
 * placed the blocks in *fp. */
static double replay(const struct timed *tm, uint64_t *fp)
{
    const struct allocator *a = tm->s->alloc;
    const struct trace_op *op = tm->t->ops, *end = op + tm->t->num_ops;
    void **ptr = tm->ptr;
    uint64_t placed = FINGERPRINT_SEED;
    double start = run_clock();
    for (; op < end; op++) {
        switch (op->kind) {
        case OP_ALLOC: ptr[op->id] = a->malloc(op->size); break;
        case OP_REALLOC: ptr[op->id] = a->realloc(ptr[op->id], op->size); break;
        case OP_FREE: a->free(ptr[op->id]); break;
        }
        placed = fingerprint_step(placed, ptr[op->id]);
    }
    double secs = run_clock() - start;
    *fp = placed;
    /* mm.c's heap is emptied by the next prepare(); libc's must be freed. */
    if (!a->simulated)
        for (size_t i = 0; i < tm->num_left_live; i++)
            a->free(ptr[tm->left_live[i]]);
    return secs;
}

/* Seconds per replay, averaged over a batch of n replays; -1 when init
 * failed, 1 when a replay was not the one checked (fingerprint.h). */
static int sample(const struct timed *tm, long n, double *secs)
{
    double total = 0;
    for (long i = 0; i < n; i++) {
        if (prepare(tm) != 0)
            return -1;
        uint64_t fp;
        total += replay(tm, &fp);
        if (tm->s->alloc->simulated &&
            (fp != tm->checked->fingerprint || mem_refused_call() != NULL))
            return 1;
        if (tm->s->progress != NULL)
            tm->s->progress->replays++;
    }
    *secs = total / (double)n;
    return 0;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The ids still live when the trace ends. */
static uint32_t *ids_left_live(const struct trace *t, size_t *count)
{
    unsigned char *live = calloc(t->num_ids ? t->num_ids : 1, 1);
    uint32_t *ids = malloc((t->num_ids ? t->num_ids : 1) * sizeof *ids);
    *count = 0;
    if (live == NULL || ids == NULL) {
        free(live);
        free(ids);
        return NULL;
    }
    for (size_t i = 0; i < t->num_ops; i++)
        live[t->ops[i].id] = t->ops[i].kind != OP_FREE;
    for (uint32_t id = 0; id < t->num_ids; id++)
        if (live[id])
            ids[(*count)++] = id;
    free(live);
    return ids;
}

double timing_limit(double check_secs)
{
    return 2 * TIMING_BUDGET + TIMING_HANG_FACTOR * check_secs + TIMING_HANG_SLACK;
}

/* (k-th fastest - fastest) / fastest of the n sorted samples. */
static double spread_of(const double *sorted, int n)
{
    int k = n < TIMING_K ? n : TIMING_K;
    return sorted[0] > 0 ? (sorted[k - 1] - sorted[0]) / sorted[0] : 0;
}

/* A short trace: batches of replays, until the TIMING_K fastest agree.
 * The first replay took `first` seconds, `first_wall` with its setup.
 * Returns the number of samples, or -1 with sample()'s result in *rc. */
static int time_short(const struct timed *tm, double first, double first_wall, double *samples,
                      int max_reps, struct run_result *r, int *rc)
{
    long batch = first > 0 ? (long)(min_sample_secs / first) + 1 : max_batch;
    if (batch > max_batch)
        batch = max_batch;
    if (first_wall > 0 && (double)batch * first_wall > max_sample_wall)
        batch = (long)(max_sample_wall / first_wall) + 1;
    double started = run_clock();
    int n = 0;
    while (n < max_reps) {
        if ((*rc = sample(tm, batch, &samples[n])) != 0)
            return -1;
        n++;
        qsort(samples, (size_t)n, sizeof samples[0], compare_doubles);
        if (n >= TIMING_K) {
            r->spread = spread_of(samples, n);
            if (r->spread <= TIMING_TOLERANCE) {
                r->converged = true;
                break;
            }
            if (run_clock() - started >= TIMING_BUDGET)
                break;
        }
    }
    return n;
}

void time_replays(const struct trace *t, const struct run_settings *s,
                  const struct placement *checked, struct run_result *r)
{
    struct timed tm = {.t = t, .s = s, .checked = checked};
    int rc = 0;
    if (s->progress != NULL)
        s->progress->phase = PHASE_TIME;
    double samples[TIMING_MAX_REPS > TIMING_K ? TIMING_MAX_REPS : TIMING_K];
    int max_reps = (int)(sizeof samples / sizeof samples[0]);
    tm.ptr = calloc(t->num_ids ? t->num_ids : 1, sizeof *tm.ptr);
    tm.left_live = ids_left_live(t, &tm.num_left_live);
    if (tm.ptr == NULL || tm.left_live == NULL) {
        snprintf(r->message, sizeof r->message, "out of memory for the timed replays");
        r->failure = FAIL_DRIVER;
        r->valid = false;
        goto out;
    }

    /* The first replay sizes the rest. For a short trace it is the
     * warm-up: the allocator (and the kernel) get the memory the trace
     * needs before the clock runs. */
    double started = run_clock(), first;
    if ((rc = sample(&tm, 1, &first)) != 0)
        goto not_timed;
    double first_wall = run_clock() - started;
    r->converged = false;
    r->spread = 0;
    int n = 1;
    if (first <= TIMING_BUDGET)
        n = time_short(&tm, first, first_wall, samples, max_reps, r, &rc);
    else
        samples[0] = first;     /* a long trace: no other replay fits */
    if (n < 0)
        goto not_timed;
    r->secs = samples[0];
    r->reps = n;
    r->timed = true;
    goto out;

not_timed:
    if (rc > 0) {
        fingerprint_explain(t, s, checked, r);
        goto out;
    }
    snprintf(r->message, sizeof r->message,
             "%s: %s failed between timed replays, although it had succeeded for the checks",
             t->path, s->alloc->simulated ? "mm_init" : "init");
    r->failure = FAIL_SETUP;
    r->valid = false;
out:
    free(tm.ptr);
    free(tm.left_live);
}
