/*
 * viewrec.c - record a replay for the viewer, into shared memory.
 */
#include "viewrec.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "memlib.h"

/* A key frame at least this often (frames), so that the page can find any
 * moment quickly. */
static const size_t key_every = 256;

int viewrec_open(struct viewrec *v, size_t bytes)
{
    memset(v, 0, sizeof *v);
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
        fprintf(stderr, "mdriver: cannot map %zu bytes for the viewer's recording: %s\n", bytes,
                strerror(errno));
        return -1;
    }
    v->buf = p;
    v->cap = bytes / sizeof *v->buf;
    return 0;
}

void viewrec_close(struct viewrec *v)
{
    if (v->buf != NULL)
        munmap(v->buf, v->cap * sizeof *v->buf);
    heapwalk_free(&v->prev);
    heapwalk_free(&v->cur);
    v->buf = NULL;
}

/* ---- Writing records: words go after the used ones, and count only when
 * the record is committed. ---- */

struct rec {
    struct viewrec *v;
    size_t at;          /* the next word's index */
    bool overflow;
};

static struct rec rec_begin(struct viewrec *v)
{
    return (struct rec){v, 1 + (size_t)v->buf[0], v->full};
}

static void put(struct rec *r, int64_t word)
{
    if (r->at >= r->v->cap) {
        r->overflow = true;
        return;
    }
    r->v->buf[r->at++] = word;
}

static void commit(struct rec *r)
{
    if (r->overflow) {
        r->v->full = true;
        return;
    }
    __atomic_store_n(&r->v->buf[0], (int64_t)(r->at - 1), __ATOMIC_RELEASE);
}

/* ---- Frames ---- */

static bool same_block(const struct walked_block *a, const struct walked_block *b)
{
    return a->off == b->off && a->size == b->size && a->allocated == b->allocated &&
           a->has_footer == b->has_footer && a->header == b->header && a->footer == b->footer &&
           a->next_free == b->next_free;
}

static void put_block(struct rec *r, const struct walked_block *b)
{
    put(r, (int64_t)b->off);
    put(r, (int64_t)b->size);
    put(r, (b->allocated ? VREC_ALLOCATED : 0) | (b->has_footer ? VREC_HAS_FOOTER : 0) |
               (b->next_free != HEAPWALK_NONE ? VREC_HAS_NEXT : 0));
    put(r, (int64_t)b->header);
    put(r, (int64_t)b->footer);
    put(r, b->next_free != HEAPWALK_NONE ? (int64_t)b->next_free : -1);
}

enum side { REMOVED, ADDED };

/* The delta from prev to cur, both in address order: the blocks of prev
 * not in cur are removed, those of cur not in prev added (a block that
 * changed at the same offset is both). Returns how many of `side` there
 * are, and writes them into r unless it is NULL: a removed block as its
 * offset, an added one whole. */
static size_t delta(const struct heapwalk *prev, const struct heapwalk *cur, enum side side,
                    struct rec *r)
{
    size_t n = 0;
    for (size_t i = 0, j = 0; i < prev->n || j < cur->n;) {
        const struct walked_block *p = i < prev->n ? &prev->block[i] : NULL;
        const struct walked_block *c = j < cur->n ? &cur->block[j] : NULL;
        if (p != NULL && c != NULL && same_block(p, c)) {
            i++, j++;
            continue;
        }
        if (c == NULL || (p != NULL && p->off <= c->off)) {
            if (side == REMOVED) {
                n++;
                if (r != NULL)
                    put(r, (int64_t)p->off);
            }
            i++;
            if (c == NULL || p->off != c->off)
                continue;
        }
        if (side == ADDED) {
            n++;
            if (r != NULL)
                put_block(r, c);
        }
        j++;
    }
    return n;
}

/* Walk mm.c's heap and record it at `moment`: the split of the heap, then
 * the blocks as a key frame or as what changed since the last frame. */
static void record_frame(struct viewrec *v, const struct allocator *a, size_t moment,
                         const struct blockset *live, size_t live_bytes)
{
    uintptr_t lo = (uintptr_t)mem_heap_lo();
    bool walked = heapwalk_take(&v->cur, a, lo);
    struct heap_split split;
    heap_split_measure(walked || v->cur.out_of_memory ? &v->cur : NULL, live, live_bytes,
                       mem_heapsize(), &split);

    size_t removed = delta(&v->prev, &v->cur, REMOVED, NULL);
    size_t added = delta(&v->prev, &v->cur, ADDED, NULL);
    bool key = v->frames_since_key == 0 || v->frames_since_key >= key_every ||
               removed + added > v->cur.n;

    struct rec r = rec_begin(v);
    put(&r, VREC_FRAME);
    put(&r, (int64_t)moment);
    put(&r, key);
    put(&r, (int64_t)split.heap);
    put(&r, (int64_t)split.payload);
    put(&r, (int64_t)split.internal);
    put(&r, (int64_t)split.external);
    put(&r, (int64_t)split.structure);
    put(&r, split.divided);
    if (key) {
        put(&r, 0);
        put(&r, (int64_t)v->cur.n);
        for (size_t j = 0; j < v->cur.n; j++)
            put_block(&r, &v->cur.block[j]);
    } else {
        put(&r, (int64_t)removed);
        delta(&v->prev, &v->cur, REMOVED, &r);
        put(&r, (int64_t)added);
        delta(&v->prev, &v->cur, ADDED, &r);
    }
    commit(&r);
    v->frames_since_key = key ? 1 : v->frames_since_key + 1;
    struct heapwalk t = v->prev;     /* cur becomes prev; its array is reused */
    v->prev = v->cur;
    v->cur = t;
}

static bool wanted(const struct viewrec *v, size_t moment, size_t num_ops, size_t peak)
{
    if (num_ops <= v->exact_limit || moment == 0 || moment == num_ops || moment == peak)
        return true;
    if (moment >= v->window_lo && moment <= v->window_hi)
        return true;
    size_t stride = num_ops / (v->samples ? v->samples : 1) + 1;
    return moment % stride == 0;
}

void viewrec_moment(struct viewrec *v, const struct allocator *a, size_t moment, size_t num_ops,
                    size_t peak, const void *block, const struct blockset *live,
                    size_t live_bytes)
{
    if (v->full)
        return;
    uintptr_t lo = (uintptr_t)mem_heap_lo();
    struct rec r = rec_begin(v);
    put(&r, VREC_OP);
    put(&r, (int64_t)moment);
    put(&r, block != NULL ? (int64_t)((uintptr_t)block - lo) : -1);
    put(&r, (int64_t)mem_heapsize());
    commit(&r);
    if (a->walk_heap != NULL && wanted(v, moment, num_ops, peak))
        record_frame(v, a, moment, live, live_bytes);
}

void viewrec_failure(struct viewrec *v, const struct allocator *a, size_t op, int kind,
                     uintptr_t from, uintptr_t to, const struct blockset *live,
                     size_t live_bytes)
{
    if (v->full)
        return;
    uintptr_t lo = (uintptr_t)mem_heap_lo();
    struct rec r = rec_begin(v);
    put(&r, VREC_FAIL);
    put(&r, (int64_t)op);
    put(&r, kind);
    put(&r, from >= lo ? (int64_t)(from - lo) : -1);
    put(&r, to >= lo ? (int64_t)(to - lo) : -1);
    commit(&r);
    if (a->walk_heap != NULL)
        record_frame(v, a, op + 1, live, live_bytes);
}
