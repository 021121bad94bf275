/*
 * check.c - the checked replay.
 *
 * One failure stops the replay; its message names the trace and line, the
 * operation, the blocks involved with their offsets from the heap's start,
 * and what was expected versus what was found.
 */
#include "check.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blockset.h"
#include "breakdown.h"
#include "heapdump.h"
#include "config.h"
#include "memlib.h"
#include "payload.h"
#include "viewrec.h"

/* Bytes verified at each edge of a neighbouring block after an operation:
 * enough for any header or footer an allocator writes there. */
static const size_t edge_bytes = 64;

/* Bytes shown in hex when a block's contents are wrong. */
enum { HEX_SHOWN = 16 };

struct block {
    unsigned char *ptr;     /* payload, or NULL (never allocated, freed, malloc(0) gave NULL) */
    size_t size;            /* bytes asked for */
    uint32_t line;          /* trace line that gave the block its current address */
    bool live;
};

struct replay {
    const struct trace *t;
    const struct run_settings *s;
    struct run_result *r;
    const struct trace_op *op;      /* the operation being checked */
    struct placement *placed;       /* where each operation left its block */
    struct block *block;            /* one per id */
    struct blockset set;            /* live blocks of nonzero size, by address */
    size_t live_bytes;              /* saturating */
    uintptr_t focus;                /* where a failure happened, for the heap dump */
    uintptr_t focus_end;            /* ...and the end of the bytes involved, for the viewer */
    const char *focus_why;
};

/* Remember where a failure happened: the heap dump (-d) shows it. */
static void focus_on(struct replay *rp, const void *p, const char *why)
{
    rp->focus = (uintptr_t)p;
    rp->focus_end = rp->focus + 1;
    rp->focus_why = why;
}

/* ---- Messages ----------------------------------------------------------- */

/* Append formatted text to the result's message. */
static void say(struct replay *rp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    run_vsay(rp->r, fmt, ap);
    va_end(ap);
}

/* Start the failure message: "FILE:LINE: OP: " then the text. The
 * allocator is named in it when it is not mm.c's default. */
static void fail(struct replay *rp, enum failure_kind kind, const char *fmt, ...)
{
    run_fail_at(rp->r, rp->t, rp->op != NULL ? (size_t)(rp->op - rp->t->ops) : rp->t->num_ops,
                kind);
    va_list ap;
    va_start(ap, fmt);
    run_vsay(rp->r, fmt, ap);
    va_end(ap);
}

/* What the functions are called in messages: mm_malloc or malloc. */
static const char *fn_name(const struct replay *rp, const char *fn)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%s%s", rp->s->alloc->simulated ? "mm_" : "", fn);
    return buf;
}

/* An address as the reader wants it: relative to the heap for mm.c. */
static const char *where(const struct replay *rp, const void *p, char *buf, size_t len)
{
    if (rp->s->alloc->simulated) {
        uintptr_t lo = (uintptr_t)mem_heap_lo(), a = (uintptr_t)p;
        if (a >= lo)
            snprintf(buf, len, "heap+0x%" PRIxPTR, a - lo);
        else
            snprintf(buf, len, "heap-0x%" PRIxPTR, lo - a);
    } else {
        snprintf(buf, len, "%p", p);
    }
    return buf;
}

/* "block 3 (448 bytes at heap+0x40, allocated at line 12)" */
static void say_block(struct replay *rp, uint32_t id)
{
    const struct block *b = &rp->block[id];
    char at[40];
    say(rp, "block %" PRIu32 " (%zu bytes at %s, %s at line %" PRIu32 ")", id, b->size,
        where(rp, b->ptr, at, sizeof at), "placed", b->line);
}

/* Expected versus found bytes, from the first damaged one. */
static void say_damage(struct replay *rp, uint32_t id, const unsigned char *p, size_t size,
                       const struct damage *d)
{
    size_t n = size - d->first < HEX_SHOWN ? size - d->first : HEX_SHOWN;
    if (d->first == d->last)
        say(rp, "byte %zu is wrong", d->first);
    else
        say(rp, "bytes %zu-%zu are wrong", d->first, d->last);
    if (d->count > d->last - d->first + 1)
        say(rp, " (and more: %zu wrong bytes in all)", d->count);
    char label[48];
    int width = snprintf(label, sizeof label, "expected from offset %zu:", d->first);
    say(rp, "\n    %s", label);
    for (size_t i = 0; i < n; i++)
        say(rp, " %02x", payload_byte(id, d->first + i));
    say(rp, "\n    %-*s", width, "found:");
    for (size_t i = 0; i < n; i++)
        say(rp, " %02x", p[d->first + i]);
}

/* ---- Checks --------------------------------------------------------------- */

/* Verify bytes [from, to) of live block id; on damage fail with `when`
 * saying when it was seen, and `hint` (or NULL) its likely cause. Returns
 * false on failure. */
static bool verify(struct replay *rp, uint32_t id, size_t from, size_t to, const char *when,
                   const char *hint)
{
    struct block *b = &rp->block[id];
    struct damage d;
    if (b->ptr == NULL || payload_verify(b->ptr, id, from, to, &d) == 0)
        return true;
    focus_on(rp, b->ptr + d.first, "the first damaged byte");
    rp->focus_end = (uintptr_t)(b->ptr + d.last + 1);
    fail(rp, FAIL_DATA, "the data in ");
    say_block(rp, id);
    say(rp, " changed %s: ", when);
    say_damage(rp, id, b->ptr, b->size, &d);
    if (hint != NULL)
        say(rp, "\n    likely cause: %s", hint);
    return false;
}

/* Verify a whole block before it is freed or reallocated, or at the end. */
static bool verify_whole(struct replay *rp, uint32_t id, const char *when)
{
    return verify(rp, id, 0, rp->block[id].size, when,
                  "something wrote into this block while it was live, at some earlier "
                  "operation; run with -c to have mm_checkheap look after every operation");
}

/* Verify the first and last edge_bytes of neighbour `id`: first the edge
 * facing the operation (its end when `facing_end`), whose damage `hint`
 * explains, then the other. */
static bool verify_edges(struct replay *rp, uint32_t id, bool facing_end, const char *when,
                         const char *hint)
{
    size_t size = rp->block[id].size, n = size < edge_bytes ? size : edge_bytes;
    size_t near = facing_end ? size - n : 0, far = facing_end ? 0 : size - n;
    return verify(rp, id, near, near + n, when, hint) && verify(rp, id, far, far + n, when, NULL);
}

/* After an operation that touched [lo, hi), verify the edges of the live
 * blocks on either side: an allocator writing a header or footer in the
 * wrong place damages them now, and this names the operation that did. */
static bool verify_neighbours(struct replay *rp, uintptr_t lo, uintptr_t hi)
{
    uint32_t below = blockset_below(&rp->set, lo);
    uint32_t above = blockset_at_or_above(&rp->set, hi > lo ? hi : lo + 1);
    return (below == BLOCKSET_NONE ||
            verify_edges(rp, below, true, "during this operation, which handled the block just above it",
                         "the end of this payload was overwritten: a header or footer of the block "
                         "above placed too low, or a block size that leaves out the header and "
                         "footer?")) &&
           (above == BLOCKSET_NONE ||
            verify_edges(rp, above, false, "during this operation, which handled the block just below it",
                         "the start of this payload was overwritten: a footer of the block below, "
                         "or a header of a split-off block, written too high (is the block size "
                         "right?)"));
}

/* Check a block the allocator just returned: aligned, inside the heap,
 * overlapping no live block. Returns false on failure. */
static bool check_placement(struct replay *rp, uint32_t id, const unsigned char *p, size_t size,
                            const char *fn)
{
    char at[40], lo_s[40], hi_s[40];
    uintptr_t a = (uintptr_t)p;
    focus_on(rp, p, "the block just returned");
    rp->focus_end = (uintptr_t)p + (size ? size : 1);
    size_t align = rp->s->alloc->alignment;
    if (a % align != 0) {
        const struct mm_interface *in = rp->s->alloc->interface;
        fail(rp, FAIL_ALIGNMENT, "%s returned %s, which is not aligned to %zu bytes (", fn,
             where(rp, p, at, sizeof at), align);
        if (in == NULL || strcmp(in->name, "native") == 0)
            say(rp, "ALIGNMENT in config.h");
        else
            say(rp, "as the %s interface's driver required", in->name);
        say(rp, "): it is %" PRIuPTR " bytes past a multiple of %zu", a % align, align);
        return false;
    }
    size_t extent = size ? size : 1;   /* a malloc(0) pointer still names a byte */
    if (a > UINTPTR_MAX - extent) {
        fail(rp, FAIL_OUTSIDE, "%s returned %s for %zu bytes, which wraps around the address space",
             fn, where(rp, p, at, sizeof at), size);
        return false;
    }
    if (rp->s->alloc->simulated) {
        uintptr_t lo = (uintptr_t)mem_heap_lo(), hi = (uintptr_t)mem_heap_hi();
        if (a < lo || a + extent - 1 > hi) {
            fail(rp, FAIL_OUTSIDE, "%s returned a %zu-byte block at %s, which is not inside the heap "
                 "(%s to %s, %zu bytes): ", fn, size, where(rp, p, at, sizeof at),
                 where(rp, (void *)lo, lo_s, sizeof lo_s),
                 where(rp, (void *)hi, hi_s, sizeof hi_s), mem_heapsize());
            if (a < lo)
                say(rp, "it starts %" PRIuPTR " bytes below the heap's first byte", lo - a);
            else if (a > hi)
                say(rp, "it starts %" PRIuPTR " bytes past the heap's last byte", a - hi);
            else
                say(rp, "it ends %" PRIuPTR " bytes past the heap's last byte",
                    a + extent - 1 - hi);
            return false;
        }
    }
    uint32_t other = blockset_below(&rp->set, a + extent);
    if (other != BLOCKSET_NONE && rp->set.node[other].end > a) {
        fail(rp, FAIL_OVERLAP, "%s returned a %zu-byte block at %s for block %" PRIu32
             ", which overlaps live ", fn, size, where(rp, p, at, sizeof at), id);
        say_block(rp, other);
        return false;
    }
    return true;
}

/* The allocator returned NULL for the current operation. */
static void fail_null(struct replay *rp, const char *fn, size_t live_after)
{
    if (!rp->s->alloc->simulated) {
        fail(rp, FAIL_NULL, "%s returned NULL (%zu live bytes after this operation)", fn, live_after);
        return;
    }
    /* start() has made sure the trace never needs more than the arena. */
    fail(rp, FAIL_NULL, "%s returned NULL, but the arena could hold the request: %zu live bytes after "
         "it, and the heap was %zu bytes of an arena of %zu", fn, live_after, mem_heapsize(),
         mem_max_heap());
}

static size_t add_sat(size_t a, size_t b)
{
    return b > SIZE_MAX - a ? SIZE_MAX : a + b;
}

/* Record block id at p and fill bytes [from, size) with its pattern. */
static void place(struct replay *rp, uint32_t id, unsigned char *p, size_t size, size_t from)
{
    struct block *b = &rp->block[id];
    b->ptr = p;
    b->size = size;
    b->line = rp->op->line;
    b->live = true;
    if (p != NULL && size > 0) {
        blockset_insert(&rp->set, id, (uintptr_t)p, (uintptr_t)p + size);
        payload_fill(p, id, from, size);
    }
}

/* Forget block id's address, keeping its size for messages. */
static void unplace(struct replay *rp, uint32_t id)
{
    struct block *b = &rp->block[id];
    if (b->ptr != NULL && b->size > 0)
        blockset_remove(&rp->set, id);
    b->live = false;
}

/* After an operation: the bytes from the break to the end of its page,
 * which memlib filled with MEM_SLACK_BYTE, must be intact. The allocator
 * does not own them, yet could write them unnoticed (pages are protected
 * whole). Checking from the break as it is now also covers a page the
 * operation made usable. */
static bool check_tail(struct replay *rp)
{
    unsigned char *brk = (unsigned char *)mem_heap_lo() + mem_heapsize();
    uintptr_t page = mem_pagesize();
    unsigned char *end = (unsigned char *)(((uintptr_t)brk + page - 1) / page * page);
    /* Most operations leave the slack intact: compare it whole (memcmp is
     * many times faster than a byte loop, and this runs after every
     * operation), and look for the changed byte only when it is not. */
    static unsigned char slack[4096];
    if (slack[0] != MEM_SLACK_BYTE)
        memset(slack, MEM_SLACK_BYTE, sizeof slack);
    bool intact = true;
    for (unsigned char *p = brk; p < end && intact; p += sizeof slack)
        intact = memcmp(p, slack, (size_t)(end - p) < sizeof slack ? (size_t)(end - p)
                                                                     : sizeof slack) == 0;
    for (unsigned char *p = brk; p < end && !intact; p++) {
        if (*p != MEM_SLACK_BYTE) {
            char at[40], b[40];
            focus_on(rp, p, "the byte written past the break");
            fail(rp, FAIL_PAST_HEAP, "mm.c wrote past the end of the heap during this operation: the byte at "
                 "%s (break at %s, so %td byte%s past the heap's last byte) changed from "
                 "0x%02x to 0x%02x; the allocator owns only mem_heap_lo() to mem_heap_hi()",
                 where(rp, p, at, sizeof at), where(rp, brk, b, sizeof b), p - brk + 1,
                 p == brk ? "" : "s", MEM_SLACK_BYTE, *p);
            return false;
        }
    }
    return true;
}

/* mm.c must not call the driver's own memlib functions (memlib.h): they
 * were refused, but the attempt fails the trace, named. */
static bool check_lent(struct replay *rp)
{
    const char *name = mem_refused_call();
    if (name == NULL)
        return true;
    fail(rp, FAIL_FORBIDDEN, "mm.c called %s, which is the driver's, not the allocator's: "
         "mm.c may only grow the heap with mem_sbrk (emptying the heap under the driver would "
         "make it look smaller than the memory the allocator used); the call was refused", name);
    return false;
}

/* ---- Operations ---------------------------------------------------------- */

static bool do_alloc(struct replay *rp)
{
    const struct trace_op *op = rp->op;
    const char *fn = fn_name(rp, "malloc");
    size_t live_after = add_sat(rp->live_bytes, op->size);
    unsigned char *p = rp->s->alloc->malloc(op->size);
    if (p == NULL && op->size > 0) {
        fail_null(rp, fn, live_after);
        return false;
    }
    if (p != NULL && !check_placement(rp, op->id, p, op->size, fn))
        return false;
    place(rp, op->id, p, op->size, 0);
    rp->live_bytes = live_after;
    return p == NULL || verify_neighbours(rp, (uintptr_t)p, (uintptr_t)p + op->size);
}

static bool do_realloc(struct replay *rp)
{
    const struct trace_op *op = rp->op;
    struct block *b = &rp->block[op->id];
    const char *fn = fn_name(rp, "realloc");
    if (!verify_whole(rp, op->id, "before this realloc"))
        return false;
    unsigned char *old = b->ptr;
    size_t old_size = b->size;
    size_t live_after = add_sat(rp->live_bytes - (rp->live_bytes == SIZE_MAX ? 0 : old_size),
                                op->size);
    unplace(rp, op->id);
    unsigned char *p = rp->s->alloc->realloc(old, op->size);
    if (p == NULL) {
        b->live = true;     /* a failed realloc leaves the block where it was */
        fail_null(rp, fn, live_after);
        return false;
    }
    if (!check_placement(rp, op->id, p, op->size, fn))
        return false;
    size_t kept = old_size < op->size ? old_size : op->size;
    struct damage d;
    if (payload_verify(p, op->id, 0, kept, &d) != 0) {
        char was[40], now[40];
        focus_on(rp, p + d.first, "the first byte realloc did not keep");
        if (p == old)
            fail(rp, FAIL_REALLOC_DATA, "%s resized block %" PRIu32 " in place at %s but did not keep its data: "
                 "the first %zu bytes must survive; ", fn, op->id, where(rp, p, now, sizeof now),
                 kept);
        else
            fail(rp, FAIL_REALLOC_DATA, "%s moved block %" PRIu32 " from %s to %s but did not keep its data: "
                 "the first %zu bytes must survive; ", fn, op->id,
                 where(rp, old, was, sizeof was), where(rp, p, now, sizeof now), kept);
        say_damage(rp, op->id, p, kept, &d);    /* past `kept`, nothing is expected yet */
        return false;
    }
    place(rp, op->id, p, op->size, kept);
    rp->live_bytes = live_after;
    /* A block that moved was freed at its old place too: check both. */
    if (old != NULL && p != old &&
        !verify_neighbours(rp, (uintptr_t)old, (uintptr_t)old + old_size))
        return false;
    return verify_neighbours(rp, (uintptr_t)p, (uintptr_t)p + op->size);
}

static bool do_free(struct replay *rp)
{
    const struct trace_op *op = rp->op;
    struct block *b = &rp->block[op->id];
    if (!verify_whole(rp, op->id, "before this free"))
        return false;
    unplace(rp, op->id);
    rp->s->alloc->free(b->ptr);
    rp->live_bytes -= rp->live_bytes == SIZE_MAX ? 0 : b->size;
    uintptr_t lo = (uintptr_t)b->ptr;
    return b->ptr == NULL || verify_neighbours(rp, lo, lo + b->size);
}

/* ---- The replay ------------------------------------------------------------ */

/* Empty the heap, choose the policy and call init. */
static bool start(struct replay *rp)
{
    const struct allocator *a = rp->s->alloc;
    if (a->simulated && rp->t->peak_live > mem_max_heap()) {
        rp->op = &rp->t->ops[rp->t->peak_op];
        const struct mm_interface *in = a->interface;
        fail(rp, FAIL_OUT_OF_MEMORY, "out of memory: after this operation the trace holds %zu "
             "live bytes, more than the arena's %zu bytes (", rp->t->peak_live, mem_max_heap());
        if (in != NULL && in->max_heap != 0)
            say(rp, "by default the limit the %s interface's driver had", in->name);
        else
            say(rp, "MAX_HEAP in config.h");
        say(rp, "; mdriver -M sets it); no allocator could replay it, so none was called");
        return false;
    }
    if (a->simulated)
        mem_restart();
    if (rp->s->policy != NULL && a->set_placement(rp->s->policy) != 0) {
        fail(rp, FAIL_SETUP, "mm_set_placement(\"%s\") returned an error: mm.c does not know this policy",
             rp->s->policy);
        return false;
    }
    if (a->init() != 0) {
        fail(rp, FAIL_SETUP, "%s failed (it returned nonzero) on an empty heap", fn_name(rp, "init"));
        if (a->simulated)
            say(rp, "; the heap is now %zu bytes", mem_heapsize());
        return false;
    }
    if (rp->s->check_heap && a->checkheap != NULL && !a->checkheap(__LINE__)) {
        fail(rp, FAIL_CHECKHEAP, "mm_checkheap returned false right after mm_init");
        return false;
    }
    return !a->simulated || (check_lent(rp) && check_tail(rp));
}

/* Tell a crash report where the replay is. */
static void progress(const struct replay *rp, enum run_phase phase, size_t op)
{
    struct run_progress *p = rp->s->progress;
    if (p != NULL) {
        p->op = (sig_atomic_t)op;
        p->phase = phase;
    }
}

/* The peak of live payload: split the heap as it is now (-F). */
static void measure_peak(struct replay *rp)
{
    if (rp->s->alloc->simulated)
        breakdown_at_peak(&rp->r->breakdown, rp->s->alloc, &rp->set, rp->t->peak_live);
}

/* -H: tell the viewer's recorder what moment `moment` looks like. */
static void record_moment(struct replay *rp, size_t moment, const void *block)
{
    struct viewrec *v = rp->s->viewrec;
    if (v != NULL)
        viewrec_moment(v, rp->s->alloc, moment, rp->t->num_ops,
                       rp->t->peak_live > 0 ? rp->t->peak_op + 1 : 0, block, &rp->set,
                       rp->live_bytes);
}

static bool replay_all(struct replay *rp)
{
    const struct trace *t = rp->t;
    progress(rp, PHASE_START, 0);
    if (!start(rp))
        return false;
    if (t->peak_live == 0)
        measure_peak(rp);
    record_moment(rp, 0, NULL);
    for (size_t i = 0; i < t->num_ops; i++) {
        progress(rp, PHASE_CHECK, i);
        rp->op = &t->ops[i];
        bool ok = false;
        switch (rp->op->kind) {
        case OP_ALLOC: ok = do_alloc(rp); break;
        case OP_REALLOC: ok = do_realloc(rp); break;
        case OP_FREE: ok = do_free(rp); break;
        }
        if (!ok || (rp->s->alloc->simulated && !(check_lent(rp) && check_tail(rp))))
            return false;
        const void *block = rp->block[rp->op->id].ptr;
        rp->placed->fingerprint = fingerprint_step(rp->placed->fingerprint, block);
        if (rp->placed->after != NULL)
            rp->placed->after[i] = (uintptr_t)block;
        if (rp->s->check_heap && !rp->s->alloc->checkheap((int)rp->op->line)) {
            fail(rp, FAIL_CHECKHEAP, "mm_checkheap returned false after this operation (its "
                 "own message above says which invariant broke)");
            return false;
        }
        if (i == t->peak_op && t->peak_live > 0)
            measure_peak(rp);
        record_moment(rp, i + 1, rp->op->kind == OP_FREE ? NULL : rp->block[rp->op->id].ptr);
        if (rp->s->stop_at_line != 0 && rp->op->line >= rp->s->stop_at_line) {
            rp->r->stopped = true;
            return true;
        }
    }
    /* Blocks a trace leaves live are verified at its end. */
    progress(rp, PHASE_FINAL_CHECK, 0);
    rp->op = NULL;
    for (uint32_t id = 0; id < t->num_ids; id++)
        if (rp->block[id].live && !verify_whole(rp, id, "by the end of the trace"))
            return false;
    return true;
}

static uint32_t line_of(const void *ctx, uint32_t id)
{
    const struct replay *rp = ctx;
    return rp->block[id].line;
}

/* Show the heap around the failure, or around the block of the line the
 * replay stopped at, into r->detail. */
static void dump(struct replay *rp)
{
    struct heapdump d = {
        .set = &rp->set, .line_of = line_of, .ctx = rp, .alloc = rp->s->alloc,
        .heap_lo = (uintptr_t)mem_heap_lo(),
        .brk = (uintptr_t)mem_heap_lo() + mem_heapsize(),
        .focus = rp->focus, .why = rp->focus_why,
    };
    if (rp->r->stopped || d.focus == 0) {
        d.focus = rp->s->dump_focus;
        d.why = "where the allocator crashed";
    }
    if (d.focus == 0 && rp->op != NULL) {
        d.focus = (uintptr_t)rp->block[rp->op->id].ptr;
        d.why = "the block of the last operation";
    }
    if (d.focus == 0) {
        d.focus = d.heap_lo;
        d.why = "the heap's start";
    }
    heapdump_write(&d, rp->r->detail, sizeof rp->r->detail);
}

/* Utilization against the heap's high-water mark, which memlib keeps: a
 * heap that shrank, somehow, still counts at its largest. A figure above
 * 100% is impossible (the checks above make every live block lie inside
 * the heap, apart): if one is ever computed, it is a failure, not a score. */
static void measure_util(struct replay *rp)
{
    struct run_result *r = rp->r;
    size_t now = mem_heapsize(), peak = mem_peak_heapsize();
    r->heap_size = peak > now ? peak : now;
    r->util = r->heap_size ? (double)rp->t->peak_live / (double)r->heap_size : 1.0;
    if (r->util > 1.0) {
        rp->op = NULL;
        fail(rp, FAIL_IMPOSSIBLE, "a utilization of %.1f%% is impossible: the trace holds %zu "
             "live bytes at its peak, but the heap never grew past %zu bytes; the heap was "
             "tampered with", 100.0 * r->util, rp->t->peak_live, r->heap_size);
        r->util = 0;
    }
}

void check_replay(const struct trace *t, const struct run_settings *s, struct placement *placed,
                  struct run_result *r)
{
    struct replay rp = {.t = t, .s = s, .r = r, .placed = placed};
    r->valid = false;
    r->message[0] = '\0';
    r->failed_line = 0;
    r->failed_op = t->num_ops;
    r->ops = t->num_ops;
    r->peak_live = t->peak_live;
    r->util_applies = s->alloc->simulated;
    rp.block = calloc(t->num_ids ? t->num_ids : 1, sizeof *rp.block);
    if (rp.block == NULL || blockset_init(&rp.set, t->num_ids) != 0) {
        free(rp.block);
        fail(&rp, FAIL_DRIVER, "out of memory for the driver's bookkeeping (%zu blocks)", t->num_ids);
        return;
    }
    bool passed = replay_all(&rp);
    if (!passed && s->viewrec != NULL && r->failed_op < t->num_ops)
        viewrec_failure(s->viewrec, s->alloc, r->failed_op, (int)r->failure, rp.focus,
                        rp.focus ? rp.focus_end : rp.focus, &rp.set, rp.live_bytes);
    if (s->dump && s->alloc->simulated)
        dump(&rp);
    if (passed) {
        r->valid = true;
        if (s->alloc->simulated && !r->stopped) {
            measure_util(&rp);
            breakdown_finish(&r->breakdown, r->heap_size);
        }
    }
    /* mm.c's heap is emptied by the next replay; the C library's blocks
     * must be given back, or a run in one process (-D) leaks them. */
    if (!s->alloc->simulated)
        for (uint32_t id = 0; id < t->num_ids; id++)
            if (rp.block[id].live && rp.block[id].ptr != NULL)
                s->alloc->free(rp.block[id].ptr);
    blockset_free(&rp.set);
    free(rp.block);
}
