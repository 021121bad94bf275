/*
 * timeline.c - sample the heap over time and write the plots' data.
 */
#include "timeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "blockset.h"
#include "config.h"
#include "memlib.h"

/* Rows in a timeline, besides the peak and the last operation (a count). */
static const size_t timeline_samples = 510;

/* Times, and address buckets per time, in a heap map (counts). */
static const size_t heapmap_times = 128;
static const size_t heapmap_buckets = 256;

/* Smallest space between payloads counted as a free gap, in bytes. */
static const uintptr_t min_gap = 2 * ALIGNMENT;

struct sampler {
    const struct trace *t;
    struct blockset set;
    unsigned char **ptr;        /* one per id */
    uintptr_t heap_lo, brk;
    size_t live;                /* bytes */
    /* gaps, filled by a walk */
    uintptr_t cursor;
    size_t gaps;
    uintptr_t largest;
    /* heap map, filled by a walk */
    double *cover;              /* bytes covered per bucket */
    size_t bucket_bytes;
};

static void count_gap(struct sampler *sm, uintptr_t from, uintptr_t to)
{
    if (to > from && to - from >= min_gap) {
        sm->gaps++;
        if (to - from > sm->largest)
            sm->largest = to - from;
    }
}

static void gap_visit(void *ctx, uint32_t id)
{
    struct sampler *sm = ctx;
    count_gap(sm, sm->cursor, sm->set.node[id].start);
    sm->cursor = sm->set.node[id].end;
}

static void cover_visit(void *ctx, uint32_t id)
{
    struct sampler *sm = ctx;
    uintptr_t lo = sm->set.node[id].start - sm->heap_lo, hi = sm->set.node[id].end - sm->heap_lo;
    for (size_t b = lo / sm->bucket_bytes; b < heapmap_buckets && b * sm->bucket_bytes < hi; b++) {
        uintptr_t blo = b * sm->bucket_bytes, bhi = blo + sm->bucket_bytes;
        uintptr_t from = lo > blo ? lo : blo, to = hi < bhi ? hi : bhi;
        sm->cover[b] += (double)(to - from);
    }
}

/* Is operation i (0-based, just done) one of n evenly spaced samples, the
 * peak, or the last? */
static bool sampled(const struct trace *t, size_t i, size_t n)
{
    size_t stride = t->num_ops / n + 1;
    return (i + 1) % stride == 0 || i == t->peak_op || i + 1 == t->num_ops;
}

static void apply(struct sampler *sm, const struct run_settings *s, const struct trace_op *op)
{
    const struct allocator *a = s->alloc;
    unsigned char **p = &sm->ptr[op->id];
    if (op->kind != OP_ALLOC && *p != NULL) {
        blockset_remove(&sm->set, op->id);
        sm->live -= (size_t)(sm->set.node[op->id].end - sm->set.node[op->id].start);
    }
    switch (op->kind) {
    case OP_ALLOC: *p = a->malloc(op->size); break;
    case OP_REALLOC: *p = a->realloc(*p, op->size); break;
    case OP_FREE: a->free(*p); *p = NULL; break;
    }
    if (op->kind != OP_FREE && op->size == 0)
        *p = NULL;          /* a malloc(0) block holds no payload to draw */
    if (*p != NULL) {
        blockset_insert(&sm->set, op->id, (uintptr_t)*p, (uintptr_t)*p + op->size);
        sm->live += op->size;
    }
}

/* "uniform.rep" -> "uniform" */
static void stem(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s", name);
    char *dot = strrchr(buf, '.');
    if (dot != NULL && strcmp(dot, ".rep") == 0)
        *dot = '\0';
}

static FILE *open_data(const char *dir, const char *kind, const struct trace *t,
                       const char *label, struct run_result *r)
{
    char name[128], path[1024];
    stem(t->name, name, sizeof name);
    snprintf(path, sizeof path, "%s/%s/%s.%s.dat", dir, kind, name, label);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        snprintf(r->message, sizeof r->message, "cannot write '%s': %s", path, strerror(errno));
    return f;
}

/* What timeline_open prepared: the files, or why they could not be opened. */
static FILE *opened_timeline, *opened_heapmap;
static char opened_error[RUN_MESSAGE_MAX];
static char timeline_buffer[BUFSIZ], heapmap_buffer[BUFSIZ];

int timeline_open(const struct trace *t, const struct run_settings *s, int fds[2])
{
    static struct run_result why;   /* open_data's message goes into one */
    why.message[0] = '\0';
    opened_timeline = open_data(s->timeline_dir, "timeline", t, s->label, &why);
    opened_heapmap = opened_timeline ? open_data(s->timeline_dir, "heapmap", t, s->label, &why)
                                     : NULL;
    snprintf(opened_error, sizeof opened_error, "%s", why.message);
    if (opened_heapmap == NULL) {
        if (opened_timeline != NULL)
            fclose(opened_timeline);
        opened_timeline = NULL;
        return 0;
    }
    /* Buffers of their own: stdio would otherwise allocate them, and ask
     * the kernel about the file, at the first write. */
    setvbuf(opened_timeline, timeline_buffer, _IOFBF, sizeof timeline_buffer);
    setvbuf(opened_heapmap, heapmap_buffer, _IOFBF, sizeof heapmap_buffer);
    fds[0] = fileno(opened_timeline);
    fds[1] = fileno(opened_heapmap);
    return 2;
}

void timeline_record(const struct trace *t, const struct run_settings *s, struct run_result *r)
{
    const struct allocator *a = s->alloc;
    struct sampler sm = {.t = t};
    FILE *tl = NULL, *hm = NULL;
    sm.ptr = calloc(t->num_ids ? t->num_ids : 1, sizeof *sm.ptr);
    sm.cover = calloc(heapmap_buckets, sizeof *sm.cover);
    if (sm.ptr == NULL || sm.cover == NULL || blockset_init(&sm.set, t->num_ids) != 0) {
        snprintf(r->message, sizeof r->message, "out of memory for the timeline");
        goto out;
    }
    if (opened_heapmap != NULL || opened_error[0] != '\0') {
        tl = opened_timeline;
        hm = opened_heapmap;
        if (hm == NULL)
            snprintf(r->message, sizeof r->message, "%s", opened_error);
        opened_timeline = opened_heapmap = NULL;
        opened_error[0] = '\0';
    } else {
        tl = open_data(s->timeline_dir, "timeline", t, s->label, r);
        hm = tl ? open_data(s->timeline_dir, "heapmap", t, s->label, r) : NULL;
    }
    if (hm == NULL)
        goto out;

    mem_restart();
    if ((s->policy != NULL && a->set_placement(s->policy) != 0) || a->init() != 0) {
        snprintf(r->message, sizeof r->message, "mm_init failed in the timeline replay");
        goto out;
    }
    sm.heap_lo = (uintptr_t)mem_heap_lo();
    size_t final_heap = r->heap_size ? r->heap_size : 1;
    sm.bucket_bytes = (final_heap + heapmap_buckets - 1) / heapmap_buckets;
    fprintf(tl, "# trace %s, policy %s: the heap over time, sampled\n", t->name, s->label);
    fprintf(tl, "# op heap_bytes live_bytes free_gaps largest_gap_bytes\n");
    fprintf(hm, "# trace %s, policy %s: share of each bucket of the heap covered by live payload\n",
            t->name, s->label);
    fprintf(hm, "# buckets %zu bucket_bytes %zu heap_bytes %zu\n", heapmap_buckets,
            sm.bucket_bytes, r->heap_size);
    fprintf(hm, "# op offset_bytes fraction\n");

    for (size_t i = 0; i < t->num_ops; i++) {
        apply(&sm, s, &t->ops[i]);
        sm.brk = sm.heap_lo + mem_heapsize();
        if (sampled(t, i, timeline_samples)) {
            sm.cursor = sm.heap_lo;
            sm.gaps = 0;
            sm.largest = 0;
            blockset_walk(&sm.set, gap_visit, &sm);
            count_gap(&sm, sm.cursor, sm.brk);
            fprintf(tl, "%zu %zu %zu %zu %zu\n", i + 1, mem_heapsize(), sm.live, sm.gaps,
                    (size_t)sm.largest);
        }
        if ((i + 1) % (t->num_ops / heapmap_times + 1) == 0 || i + 1 == t->num_ops) {
            memset(sm.cover, 0, heapmap_buckets * sizeof *sm.cover);
            blockset_walk(&sm.set, cover_visit, &sm);
            for (size_t b = 0; b < heapmap_buckets; b++)
                fprintf(hm, "%zu %zu %.4f\n", i + 1, b * sm.bucket_bytes,
                        sm.cover[b] / (double)sm.bucket_bytes);
            fprintf(hm, "\n");
        }
    }
out:
    if (tl != NULL && fclose(tl) != 0)
        snprintf(r->message, sizeof r->message, "cannot write the timeline: %s", strerror(errno));
    if (hm != NULL && fclose(hm) != 0)
        snprintf(r->message, sizeof r->message, "cannot write the heap map: %s", strerror(errno));
    blockset_free(&sm.set);
    free(sm.ptr);
    free(sm.cover);
}

/* mkdir -p: make `path` and its parents; 0 on success, -1 with a message. */
static int make_dirs(const char *path)
{
    char buf[1024];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        fprintf(stderr, "mdriver: path too long: '%s'\n", path);
        return -1;
    }
    for (char *p = buf + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
                fprintf(stderr, "mdriver: cannot make folder '%s': %s\n", buf, strerror(errno));
                return -1;
            }
            *p = c;
            if (c == '\0')
                return 0;
        }
    }
}

int timeline_make_dirs(const char *dir)
{
    char sub[1024];
    snprintf(sub, sizeof sub, "%s/timeline", dir);
    if (make_dirs(sub) != 0)
        return -1;
    snprintf(sub, sizeof sub, "%s/heapmap", dir);
    return make_dirs(sub);
}
