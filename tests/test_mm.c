/*
 * test_mm.c - tests of the reference allocator, mm.c.
 *
 * Most checks are black-box: where a block lands (a freed and coalesced
 * region is reused at the same address by a request that only fits once
 * the region is whole), and how far mem_heapsize moves. A few read the
 * header word just below a payload, which mm.c's design note documents:
 * 8 bytes holding the block's size with the allocated bit in bit 0.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "memlib.h"
#include "mm.h"

/* mm.c's layout, as its design note gives it. */
static const size_t tag_bytes = 16;     /* header and footer, in bytes */
static const size_t min_block =         /* tags and one byte, rounded up */
    (16 + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;

/* ---- Helpers ------------------------------------------------------------ */

/* An empty heap managed with the placement policy `policy`. */
static bool fresh_heap(const char *policy)
{
    mem_reset_brk();
    if (mm_set_placement(policy) != 0 || mm_init() != 0) {
        EXPECT(false, "mm_set_placement(\"%s\") then mm_init failed", policy);
        return false;
    }
    return true;
}

static uint64_t header_word(const void *payload)
{
    uint64_t word;
    memcpy(&word, (const char *)payload - 8, sizeof word);
    return word;
}

/* The size of the block holding `payload`, read from its header. */
static size_t block_size(const void *payload)
{
    return (size_t)(header_word(payload) & ~(uint64_t)7);
}

static bool block_free(const void *payload)
{
    return (header_word(payload) & 1) == 0;
}

/* Bytes from payload p to payload q: the size of p's block when q's block
 * comes right after it. */
static size_t gap(const void *p, const void *q)
{
    return (size_t)((const char *)q - (const char *)p);
}

/* The largest request a block of `size` bytes can hold. */
static size_t capacity(size_t size)
{
    return size - tag_bytes;
}

static bool heap_ok(int lineno)
{
    bool ok = mm_checkheap(lineno);
    EXPECT(ok, "mm_checkheap(%d) reported a broken invariant", lineno);
    return ok;
}

/* Fill n bytes at p with a pattern that depends on `seed`. */
static void fill(void *p, size_t n, unsigned seed)
{
    unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(seed + i * 151 + (i >> 8));
}

/* The index of the first byte that differs from fill's pattern, or n. */
static size_t pattern_mismatch(const void *p, size_t n, unsigned seed)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != (unsigned char)(seed + i * 151 + (i >> 8)))
            return i;
    }
    return n;
}

/* stderr is sent to a temporary file while the checker runs, so that its
 * messages can be read back (and do not clutter the test output). */
static FILE *capture_file;
static int saved_stderr = -1;

static void capture_stderr(void)
{
    fflush(stderr);
    capture_file = tmpfile();
    saved_stderr = dup(STDERR_FILENO);
    if (capture_file != NULL && saved_stderr >= 0)
        dup2(fileno(capture_file), STDERR_FILENO);
}

/* Restore stderr and return what was written to it (truncated to n-1). */
static const char *captured(char *buf, size_t n)
{
    buf[0] = '\0';
    fflush(stderr);
    if (saved_stderr >= 0) {
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
        saved_stderr = -1;
    }
    if (capture_file != NULL) {
        rewind(capture_file);
        size_t got = fread(buf, 1, n - 1, capture_file);
        buf[got] = '\0';
        fclose(capture_file);
        capture_file = NULL;
    }
    return buf;
}

/* The size of the free block that ends the heap (MIN_HEAP_GROWTH leaves
 * one), or 0 when the last block is allocated; read from its footer, the
 * word below the epilogue. */
static size_t end_block_free_size(void)
{
    uint64_t last_footer;
    memcpy(&last_footer, (char *)mem_heap_hi() + 1 - 16, sizeof last_footer);
    return (last_footer & 1) ? 0 : (size_t)(last_footer & ~(uint64_t)7);
}

/* When the heap ends with a free block, allocate it whole, so that the
 * only free blocks are those a test makes afterwards. Called while no
 * other block is free, so any policy finds it. */
static bool use_up_end_block(void)
{
    size_t size = end_block_free_size();
    if (size == 0)
        return true;
    /* Its payload: past the epilogue's 8 bytes back, then its header. */
    void *last = (char *)mem_heap_hi() + 1 - 8 - size + 8;
    void *p = mm_malloc(capacity(size));
    EXPECT(p == last, "malloc(%zu) = %p, expected the end block %p",
           capacity(size), p, last);
    return p == last;
}

/* ---- Seeded random operations --------------------------------------------- */

enum { RANDOM_SLOTS = 48, RANDOM_OPS = 3000 };

struct slot {
    unsigned char *p;   /* NULL when the slot is empty */
    size_t size;        /* bytes asked for */
    unsigned seed;      /* of the pattern its bytes hold */
};

static uint64_t rng_state;

/* xorshift64*: small, seeded, the same on every platform. */
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(2685821657736338717);
}

/* Mostly small requests, some medium, a few large. */
static size_t random_size(void)
{
    uint64_t kind = rng() % 100;
    if (kind < 60)
        return 1 + rng() % 64;
    if (kind < 92)
        return 65 + rng() % 1024;
    return 1089 + rng() % 30000;
}

/* Every live block: aligned, inside the heap, its pattern intact. */
static bool slots_intact(const struct slot *slots, size_t op)
{
    const char *lo = mem_heap_lo(), *hi = mem_heap_hi();
    for (int k = 0; k < RANDOM_SLOTS; k++) {
        const struct slot *s = &slots[k];
        if (s->p == NULL)
            continue;
        if ((uintptr_t)s->p % ALIGNMENT != 0
            || (const char *)s->p < lo || (const char *)s->p + s->size - 1 > hi) {
            EXPECT(false, "op %zu: block %p (%zu bytes) misaligned or outside "
                   "the heap [%p, %p]", op, (void *)s->p, s->size,
                   (const void *)lo, (const void *)hi);
            return false;
        }
        size_t bad = pattern_mismatch(s->p, s->size, s->seed);
        if (bad != s->size) {
            EXPECT(false, "op %zu: block %p (%zu bytes) changed at byte %zu",
                   op, (void *)s->p, s->size, bad);
            return false;
        }
    }
    return true;
}

/* One random operation on slot s; false (after an EXPECT) on a fault. */
static bool random_op(struct slot *s, size_t op)
{
    bool ok = true;
    unsigned seed = (unsigned)rng();
    if (s->p == NULL) {
        size_t size = random_size();
        if (rng() % 4 == 0) {
            size_t nmemb = 1 + rng() % 8;
            size = (size + nmemb - 1) / nmemb;
            s->p = mm_calloc(nmemb, size);
            size *= nmemb;
            for (size_t i = 0; s->p != NULL && i < size; i++) {
                if (s->p[i] != 0) {
                    EXPECT(false, "op %zu: calloc(%zu) byte %zu is %d", op,
                           size, i, s->p[i]);
                    return false;
                }
            }
        } else {
            s->p = mm_malloc(size);
        }
        ok = s->p != NULL;
        EXPECT(ok, "op %zu: allocating %zu bytes failed", op, size);
        s->size = size;
    } else if (rng() % 2 == 0) {
        mm_free(s->p);
        s->p = NULL;
    } else {
        size_t size = random_size();
        unsigned char *q = mm_realloc(s->p, size);
        EXPECT(q != NULL, "op %zu: realloc to %zu bytes failed", op, size);
        if (q == NULL)
            return false;
        size_t kept = size < s->size ? size : s->size;
        size_t bad = pattern_mismatch(q, kept, s->seed);
        EXPECT(bad == kept, "op %zu: realloc %zu -> %zu lost byte %zu",
               op, s->size, size, bad);
        s->p = q;
        s->size = size;
    }
    if (s->p != NULL) {
        s->seed = seed;
        fill(s->p, s->size, seed);
    }
    return ok;
}

static void random_operations(const char *policy, uint64_t seed)
{
    struct slot slots[RANDOM_SLOTS] = {{0}};
    if (!fresh_heap(policy))
        return;
    rng_state = seed;
    for (size_t op = 0; op < RANDOM_OPS; op++) {
        if (!random_op(&slots[rng() % RANDOM_SLOTS], op))
            return;
        if (!mm_checkheap(__LINE__)) {
            EXPECT(false, "op %zu: mm_checkheap failed (message above)", op);
            return;
        }
        if (!slots_intact(slots, op))
            return;
    }
    for (int k = 0; k < RANDOM_SLOTS; k++)
        mm_free(slots[k].p);
    heap_ok(__LINE__);
}

static void test_random_operations_first_fit(void)
{
    random_operations("first", 0x9e3779b97f4a7c15u);
}

static void test_random_operations_next_fit(void)
{
    random_operations("next", 0x2545f4914f6cdd1du);
}

static void test_random_operations_best_fit(void)
{
    random_operations("best", 0xd1b54a32d192ed03u);
}

/* ---- Coalescing ------------------------------------------------------------
 *
 * Five blocks side by side, x a b c y: x and y stay allocated so that a, b
 * and c have known neighbours. Each test frees some of a b c and checks
 * the merged block's header, then that a request which fits only the
 * merged block lands at its start without growing the heap.
 */

struct row {
    void *x, *a, *b, *c, *y;
};

static bool make_row(struct row *r)
{
    r->x = mm_malloc(40);
    r->a = mm_malloc(100);
    r->b = mm_malloc(200);
    r->c = mm_malloc(300);
    r->y = mm_malloc(40);
    bool adjacent = r->y != NULL && gap(r->x, r->a) == block_size(r->x)
                    && gap(r->a, r->b) == block_size(r->a)
                    && gap(r->b, r->c) == block_size(r->b)
                    && gap(r->c, r->y) == block_size(r->c);
    EXPECT(adjacent, "blocks %p %p %p %p %p are not side by side", r->x,
           r->a, r->b, r->c, r->y);
    return adjacent && use_up_end_block();
}

/* The merged block at `start` of `size` bytes is free and whole: a request
 * that fills it exactly lands there, and the heap does not grow. */
static void expect_merged(void *start, size_t size)
{
    EXPECT(block_free(start) && block_size(start) == size,
           "header at %p: size %zu, %s; expected a free block of %zu", start,
           block_size(start), block_free(start) ? "free" : "allocated", size);
    size_t heap = mem_heapsize();
    void *p = mm_malloc(capacity(size));
    EXPECT(p == start, "malloc(%zu) = %p, expected the merged block at %p",
           capacity(size), p, start);
    EXPECT(mem_heapsize() == heap, "the heap grew from %zu to %zu bytes",
           heap, mem_heapsize());
    heap_ok(__LINE__);
}

static void test_free_between_allocated_blocks_does_not_coalesce(void)
{
    struct row r;
    if (!fresh_heap("first") || !make_row(&r))
        return;
    size_t sa = block_size(r.a), sb = block_size(r.b), sc = block_size(r.c);
    mm_free(r.b);
    EXPECT(!block_free(r.a) && block_size(r.a) == sa, "a changed");
    EXPECT(!block_free(r.c) && block_size(r.c) == sc, "c changed");
    expect_merged(r.b, sb);
}

static void test_coalesce_with_next_block(void)
{
    struct row r;
    if (!fresh_heap("first") || !make_row(&r))
        return;
    size_t sb = block_size(r.b), sc = block_size(r.c);
    mm_free(r.c);
    mm_free(r.b);
    EXPECT(!block_free(r.a), "a is free");
    expect_merged(r.b, sb + sc);
}

static void test_coalesce_with_previous_block(void)
{
    struct row r;
    if (!fresh_heap("first") || !make_row(&r))
        return;
    size_t sa = block_size(r.a), sb = block_size(r.b);
    mm_free(r.a);
    mm_free(r.b);
    EXPECT(!block_free(r.c), "c is free");
    expect_merged(r.a, sa + sb);
}

static void test_coalesce_with_both_neighbours(void)
{
    struct row r;
    if (!fresh_heap("first") || !make_row(&r))
        return;
    size_t sa = block_size(r.a), sb = block_size(r.b), sc = block_size(r.c);
    mm_free(r.a);
    mm_free(r.c);
    mm_free(r.b);
    EXPECT(!block_free(r.x) && !block_free(r.y), "x or y is free");
    expect_merged(r.a, sa + sb + sc);
}

/* ---- Splitting -------------------------------------------------------------- */

/* A free block of `size` bytes at *hole, allocated blocks on both sides. */
static bool make_hole(size_t request, void **hole)
{
    void *before = mm_malloc(40);
    *hole = mm_malloc(request);
    void *after = mm_malloc(40);
    if (before == NULL || *hole == NULL || after == NULL) {
        EXPECT(false, "setting up a hole of %zu bytes failed", request);
        return false;
    }
    mm_free(*hole);
    return true;
}

static void test_split_when_rest_holds_a_minimum_block(void)
{
    void *hole;
    if (!fresh_heap("first") || !make_hole(1000, &hole))
        return;
    size_t size = block_size(hole);
    size_t front = size - min_block;
    void *p = mm_malloc(capacity(front));
    EXPECT(p == hole, "malloc(%zu) = %p, expected the hole %p",
           capacity(front), p, hole);
    EXPECT(block_size(p) == front, "block of %zu bytes, expected %zu "
           "(the rest, %zu bytes, split off)", block_size(p), front, min_block);
    void *rest = (char *)p + front;
    EXPECT(block_free(rest) && block_size(rest) == min_block,
           "the rest: size %zu, %s; expected a free block of %zu",
           block_size(rest), block_free(rest) ? "free" : "allocated", min_block);
    void *q = mm_malloc(capacity(min_block));
    EXPECT(q == rest, "malloc(%zu) = %p, expected the split-off rest %p",
           capacity(min_block), q, rest);
    heap_ok(__LINE__);
}

static void test_no_split_when_rest_is_below_minimum_block(void)
{
    void *hole;
    if (!fresh_heap("first") || !make_hole(1000, &hole))
        return;
    size_t size = block_size(hole);
    /* The largest rest that is too small to be a block of its own (0 when
     * min_block == ALIGNMENT, as with ALIGNMENT 32). */
    size_t rest = min_block - ALIGNMENT;
    void *p = mm_malloc(capacity(size - rest));
    EXPECT(p == hole, "malloc(%zu) = %p, expected the hole %p",
           capacity(size - rest), p, hole);
    EXPECT(block_size(p) == size && !block_free(p),
           "block of %zu bytes, expected the whole hole of %zu allocated",
           block_size(p), size);
    heap_ok(__LINE__);
}

/* ---- Heap growth ------------------------------------------------------------- */

static void test_heap_grows_only_by_what_a_free_end_block_lacks(void)
{
    if (!fresh_heap("first"))
        return;
    void *p = mm_malloc(1000);
    mm_free(p);     /* now the heap's only block, free, at its end */
    size_t end_block = block_size(p);
    size_t heap = mem_heapsize();
    void *q = mm_malloc(5000);
    EXPECT(q == p, "malloc(5000) = %p, expected the end block %p, extended",
           q, p);
    size_t lacking = block_size(q) - end_block;
    size_t grew = mem_heapsize() - heap;
    size_t min_growth = ((size_t)MIN_HEAP_GROWTH + ALIGNMENT - 1) / ALIGNMENT
                        * ALIGNMENT;
    size_t expected = lacking > min_growth ? lacking : min_growth;
    EXPECT(grew == expected,
           "the heap grew by %zu bytes; the end block lacked %zu "
           "(MIN_HEAP_GROWTH %d)", grew, lacking, MIN_HEAP_GROWTH);
    heap_ok(__LINE__);
}

/* ---- realloc --------------------------------------------------------------- */

static void test_realloc_shrink_stays_in_place_and_frees_the_rest(void)
{
    if (!fresh_heap("first"))
        return;
    unsigned char *p = mm_malloc(2000);
    void *guard = mm_malloc(40);
    fill(p, 2000, 7);
    unsigned char *q = mm_realloc(p, 100);
    EXPECT(q == p, "realloc(p, 100) = %p, expected p = %p", (void *)q, (void *)p);
    EXPECT(pattern_mismatch(q, 100, 7) == 100, "the first 100 bytes changed");
    void *rest = q + block_size(q);
    EXPECT(rest != guard && block_free(rest),
           "no free block after the shrunk one");
    void *r = mm_malloc(1500);
    EXPECT(r == rest, "malloc(1500) = %p, expected the freed rest %p", r, rest);
    heap_ok(__LINE__);
}

static void test_realloc_grows_into_following_free_block(void)
{
    if (!fresh_heap("first"))
        return;
    unsigned char *p = mm_malloc(100);
    void *next = mm_malloc(1000);
    void *guard = mm_malloc(40);
    (void)guard;
    fill(p, 100, 11);
    mm_free(next);
    size_t heap = mem_heapsize();
    unsigned char *q = mm_realloc(p, 800);
    EXPECT(q == p, "realloc(p, 800) = %p, expected p = %p", (void *)q, (void *)p);
    EXPECT(pattern_mismatch(q, 100, 11) == 100, "the first 100 bytes changed");
    EXPECT(mem_heapsize() == heap, "the heap grew from %zu to %zu bytes",
           heap, mem_heapsize());
    heap_ok(__LINE__);
}

/* p ends the heap, perhaps followed by a free block: realloc keeps p and
 * grows the heap by exactly what p and that block lack. */
static void test_realloc_grows_in_place_at_heap_end(void)
{
    if (!fresh_heap("first"))
        return;
    void *guard = mm_malloc(40);
    (void)guard;
    unsigned char *p = mm_malloc(100);
    fill(p, 100, 13);
    size_t have = block_size(p) + end_block_free_size();
    size_t heap = mem_heapsize();
    size_t request = capacity(have) + 100;
    unsigned char *q = mm_realloc(p, request);
    EXPECT(q == p, "realloc(p, %zu) = %p, expected p = %p", request,
           (void *)q, (void *)p);
    EXPECT(pattern_mismatch(q, 100, 13) == 100, "the first 100 bytes changed");
    size_t grew = mem_heapsize() - heap;
    size_t lacking = block_size(q) - have;
    EXPECT(grew == lacking && end_block_free_size() == 0,
           "the heap grew by %zu bytes, ending in a free block of %zu; "
           "the block lacked %zu", grew, end_block_free_size(), lacking);
    heap_ok(__LINE__);
}

static void test_realloc_moves_when_next_block_is_allocated(void)
{
    if (!fresh_heap("first"))
        return;
    unsigned char *p = mm_malloc(300);
    void *next = mm_malloc(40);
    (void)next;
    fill(p, 300, 17);
    unsigned char *q = mm_realloc(p, 3000);
    EXPECT(q != NULL && q != p, "realloc(p, 3000) = %p, expected a move from %p",
           (void *)q, (void *)p);
    if (q == NULL)
        return;
    EXPECT(pattern_mismatch(q, 300, 17) == 300, "the first 300 bytes changed");
    EXPECT(block_free(p), "the old block at %p was not freed", (void *)p);
    heap_ok(__LINE__);
}

static void test_realloc_null_acts_as_malloc(void)
{
    if (!fresh_heap("first"))
        return;
    void *p = mm_realloc(NULL, 100);
    EXPECT(p != NULL && !block_free(p) && block_size(p) >= 100 + tag_bytes,
           "realloc(NULL, 100) = %p", p);
    heap_ok(__LINE__);
}

static void test_realloc_to_zero_frees_and_returns_null(void)
{
    if (!fresh_heap("first"))
        return;
    void *p = mm_malloc(100);
    void *guard = mm_malloc(40);
    (void)guard;
    void *q = mm_realloc(p, 0);
    EXPECT(q == NULL, "realloc(p, 0) = %p", q);
    EXPECT(block_free(p), "the block at %p was not freed", p);
    heap_ok(__LINE__);
}

/* ---- malloc, free and calloc edge cases ------------------------------------- */

static void test_malloc_zero_returns_null(void)
{
    if (!fresh_heap("first"))
        return;
    size_t heap = mem_heapsize();
    void *p = mm_malloc(0);
    EXPECT(p == NULL, "malloc(0) = %p", p);
    EXPECT(mem_heapsize() == heap, "the heap grew");
}

static void test_free_null_does_nothing(void)
{
    if (!fresh_heap("first"))
        return;
    void *p = mm_malloc(100);
    size_t heap = mem_heapsize();
    uint64_t header = header_word(p);
    mm_free(NULL);
    EXPECT(mem_heapsize() == heap && header_word(p) == header,
           "free(NULL) changed the heap");
    heap_ok(__LINE__);
}

static void test_payloads_are_aligned(void)
{
    if (!fresh_heap("first"))
        return;
    for (size_t size = 1; size < 600; size += 37) {
        void *p = mm_malloc(size);
        EXPECT(p != NULL && (uintptr_t)p % ALIGNMENT == 0,
               "malloc(%zu) = %p, not a multiple of %d", size, p, ALIGNMENT);
    }
    heap_ok(__LINE__);
}

static void test_huge_requests_return_null(void)
{
    if (!fresh_heap("first"))
        return;
    void *p = mm_malloc(100);
    fill(p, 100, 19);
    size_t heap = mem_heapsize();
    const size_t huge[] = {SIZE_MAX, SIZE_MAX - 7, SIZE_MAX - 64,
                           SIZE_MAX / 2 + 1, mem_max_heap() + 1};
    for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        void *q = mm_malloc(huge[i]);
        EXPECT(q == NULL, "malloc(%zu) = %p", huge[i], q);
        q = mm_realloc(p, huge[i]);
        EXPECT(q == NULL, "realloc(p, %zu) = %p", huge[i], q);
    }
    EXPECT(pattern_mismatch(p, 100, 19) == 100, "a failed realloc changed p");
    EXPECT(mem_heapsize() == heap, "the heap grew from %zu to %zu bytes",
           heap, mem_heapsize());
    heap_ok(__LINE__);
}

static void test_calloc_overflow_returns_null(void)
{
    if (!fresh_heap("first"))
        return;
    void *p = mm_calloc(SIZE_MAX / 2 + 1, 2);
    EXPECT(p == NULL, "calloc(SIZE_MAX / 2 + 1, 2) = %p", p);
    p = mm_calloc(SIZE_MAX, SIZE_MAX);
    EXPECT(p == NULL, "calloc(SIZE_MAX, SIZE_MAX) = %p", p);
    /* A product that wraps to exactly 0: 2^32 * 2^32 with a 64-bit
     * size_t, 2^16 * 2^16 with a 32-bit one. */
    size_t root = (size_t)1 << (sizeof(size_t) * CHAR_BIT / 2);
    p = mm_calloc(root, root);
    EXPECT(p == NULL, "calloc(%zu, %zu) = %p", root, root, p);
    p = mm_calloc(0, 16);
    EXPECT(p == NULL, "calloc(0, 16) = %p", p);
    p = mm_calloc(16, 0);
    EXPECT(p == NULL, "calloc(16, 0) = %p", p);
    heap_ok(__LINE__);
}

static void test_calloc_zeroes_reused_memory(void)
{
    if (!fresh_heap("first"))
        return;
    unsigned char *p = mm_malloc(2000);
    void *guard = mm_malloc(40);
    (void)guard;
    memset(p, 0xab, 2000);
    mm_free(p);
    unsigned char *q = mm_calloc(100, 20);
    EXPECT(q == p, "calloc(100, 20) = %p, expected the dirty block %p",
           (void *)q, (void *)p);
    size_t i = 0;
    while (q != NULL && i < 2000 && q[i] == 0)
        i++;
    EXPECT(i == 2000, "byte %zu of calloc's block is not zero", i);
    heap_ok(__LINE__);
}

/* ---- Placement policies ------------------------------------------------------- */

/* Three free blocks, for requests of `r1`, `r2` and `r3` bytes, in that
 * order, with allocated blocks between them, and no other free block. */
static bool make_three_holes(size_t r1, void **h1, size_t r2, void **h2,
                             size_t r3, void **h3)
{
    void *guards[4];
    guards[0] = mm_malloc(40);
    *h1 = mm_malloc(r1);
    guards[1] = mm_malloc(40);
    *h2 = mm_malloc(r2);
    guards[2] = mm_malloc(40);
    *h3 = mm_malloc(r3);
    guards[3] = mm_malloc(40);
    if (*h1 == NULL || *h2 == NULL || *h3 == NULL || guards[0] == NULL
        || guards[1] == NULL || guards[2] == NULL || guards[3] == NULL) {
        EXPECT(false, "setting up three holes failed");
        return false;
    }
    if (!use_up_end_block())
        return false;
    mm_free(*h1);
    mm_free(*h2);
    mm_free(*h3);
    return true;
}

static void test_set_placement_rejects_unknown_names(void)
{
    EXPECT(mm_set_placement("bogus") == -1, "\"bogus\" accepted");
    EXPECT(mm_set_placement("") == -1, "\"\" accepted");
    EXPECT(mm_set_placement("First") == -1, "\"First\" accepted");
    EXPECT(mm_set_placement("first ") == -1, "\"first \" accepted");
    EXPECT(mm_set_placement("first") == 0, "\"first\" refused");
    EXPECT(mm_set_placement("next") == 0, "\"next\" refused");
    EXPECT(mm_set_placement("best") == 0, "\"best\" refused");
}

static void test_first_fit_takes_the_first_hole_that_fits(void)
{
    void *h600, *h100, *h300;
    if (!fresh_heap("first")
        || !make_three_holes(600, &h600, 100, &h100, 300, &h300))
        return;
    void *p = mm_malloc(80);
    EXPECT(p == h600, "malloc(80) = %p, expected the first hole %p", p, h600);
    heap_ok(__LINE__);
}

static void test_best_fit_takes_the_smallest_hole_that_fits(void)
{
    void *h600, *h100, *h300;
    if (!fresh_heap("best")
        || !make_three_holes(600, &h600, 100, &h100, 300, &h300))
        return;
    void *p = mm_malloc(80);
    EXPECT(p == h100, "malloc(80) = %p, expected the smallest hole %p", p, h100);
    void *q = mm_malloc(200);
    EXPECT(q == h300, "malloc(200) = %p, expected the hole of 300 at %p", q,
           h300);
    heap_ok(__LINE__);
}

static void test_next_fit_resumes_after_the_last_placement(void)
{
    void *a, *b, *c;
    if (!fresh_heap("next") || !make_three_holes(600, &a, 100, &b, 600, &c))
        return;
    void *p = mm_malloc(400);   /* the rover comes to rest at a */
    EXPECT(p == a, "malloc(400) = %p, expected the first hole %p", p, a);
    mm_free(p);
    p = mm_malloc(400);         /* a again: the search starts there */
    EXPECT(p == a, "malloc(400) = %p, expected %p again", p, a);
    void *q = mm_malloc(400);   /* a's rest and b are too small: on to c */
    EXPECT(q == c, "malloc(400) = %p, expected %p", q, c);
    mm_free(p);
    void *r = mm_malloc(80);    /* first fit would go back to a */
    void *c_rest = (char *)c + block_size(c);
    EXPECT(r == c_rest, "malloc(80) = %p, expected the rest of c at %p "
           "(a is at %p)", r, c_rest, a);
    heap_ok(__LINE__);
}

static void test_next_fit_rover_survives_coalescing(void)
{
    struct row r;
    if (!fresh_heap("next") || !make_row(&r))
        return;
    mm_free(r.b);
    void *p = mm_malloc(200);   /* the rover now points at b */
    EXPECT(p == r.b, "malloc(200) = %p, expected b = %p", p, r.b);
    mm_free(r.a);
    mm_free(r.c);
    mm_free(p);                 /* a, b and c merge: b's start is gone */
    heap_ok(__LINE__);
    void *q = mm_malloc(500);
    EXPECT(q == r.a, "malloc(500) = %p, expected the merged block %p", q, r.a);
    heap_ok(__LINE__);
}

static void test_next_fit_rover_survives_realloc_taking_in_its_block(void)
{
    if (!fresh_heap("next"))
        return;
    void *p = mm_malloc(100);
    void *n = mm_malloc(300);
    void *guard = mm_malloc(40);
    if (guard == NULL || !use_up_end_block())
        return;
    mm_free(n);
    void *q = mm_malloc(300);   /* the rover now points at n */
    EXPECT(q == n, "malloc(300) = %p, expected n = %p", q, n);
    mm_free(q);
    void *r = mm_realloc(p, 300);   /* p takes in n: n's start is gone */
    EXPECT(r == p, "realloc(p, 300) = %p, expected p = %p", r, p);
    heap_ok(__LINE__);
}

static void test_init_keeps_the_chosen_placement(void)
{
    void *h600, *h100, *h300;
    mem_reset_brk();
    EXPECT(mm_set_placement("best") == 0, "\"best\" refused");
    EXPECT(mm_init() == 0, "mm_init failed");
    mem_reset_brk();
    EXPECT(mm_init() == 0, "mm_init failed");   /* a second replay */
    if (!make_three_holes(600, &h600, 100, &h100, 300, &h300))
        return;
    void *p = mm_malloc(80);
    EXPECT(p == h100, "malloc(80) = %p, expected best fit's %p", p, h100);
}

static void test_placement_can_change_after_init(void)
{
    void *h600, *h100, *h300;
    if (!fresh_heap("first")
        || !make_three_holes(600, &h600, 100, &h100, 300, &h300))
        return;
    EXPECT(mm_set_placement("best") == 0, "\"best\" refused");
    void *p = mm_malloc(80);
    EXPECT(p == h100, "malloc(80) = %p, expected best fit's %p", p, h100);
    heap_ok(__LINE__);
}

/* ---- The heap checker ------------------------------------------------------- */

static void test_checkheap_is_silent_on_a_good_heap(void)
{
    char msg[512];
    if (!fresh_heap("first"))
        return;
    void *p = mm_malloc(100);
    void *q = mm_malloc(200);
    mm_free(p);
    (void)q;
    capture_stderr();
    bool ok = mm_checkheap(__LINE__);
    captured(msg, sizeof msg);
    EXPECT(ok, "mm_checkheap returned false: %s", msg);
    EXPECT(msg[0] == '\0', "mm_checkheap printed: %s", msg);
}

/* The checker on a deliberately broken heap: false, and a message naming
 * the invariant, the caller's line and the block's heap offset. */
static void expect_violation(const char *invariant, const void *block)
{
    char msg[512], line[32], offset[48];
    const int lineno = __LINE__;
    capture_stderr();
    bool ok = mm_checkheap(lineno);
    captured(msg, sizeof msg);
    snprintf(line, sizeof line, "line %d", lineno);
    snprintf(offset, sizeof offset, "heap offset %td",
             (const char *)block - (const char *)mem_heap_lo());
    EXPECT(!ok, "mm_checkheap returned true");
    EXPECT(strstr(msg, invariant) != NULL, "no \"%s\" in: %s", invariant, msg);
    EXPECT(strstr(msg, line) != NULL, "no \"%s\" in: %s", line, msg);
    EXPECT(strstr(msg, offset) != NULL, "no \"%s\" in: %s", offset, msg);
    EXPECT(strchr(msg, '\n') == strrchr(msg, '\n'),
           "more than one line (it must stop at the first violation): %s", msg);
}

static void test_checkheap_catches_corrupted_header(void)
{
    if (!fresh_heap("first"))
        return;
    void *a = mm_malloc(100);
    void *b = mm_malloc(200);
    void *c = mm_malloc(100);
    (void)a;
    memset(c, 0xcd, 100);
    uint64_t *header = (uint64_t *)b - 1;
    uint64_t saved = *header;
    *header = saved + ALIGNMENT;    /* its footer is now looked for in c */
    expect_violation("invariant 6 (header equals footer)", header);
    *header = saved;
    heap_ok(__LINE__);
}

/* What mm_walk_heap reported, for the walker tests. */
struct walked {
    size_t count;
    const void *block[16];
    size_t size[16];
    bool allocated[16], has_footer[16];
};

static void record_block(void *ctx, const struct mm_block_info *info)
{
    struct walked *w = ctx;
    if (w->count < 16) {
        w->block[w->count] = info->block;
        w->size[w->count] = info->size;
        w->allocated[w->count] = info->allocated;
        w->has_footer[w->count] = info->has_footer;
    }
    w->count++;
}

static void test_walk_heap_visits_every_block_in_address_order(void)
{
    if (!fresh_heap("first"))
        return;
    void *a = mm_malloc(100);
    void *b = mm_malloc(200);
    void *c = mm_malloc(100);
    (void)a;
    (void)c;
    mm_free(b);
    struct walked w = {0};
    mm_walk_heap(record_block, &w);
    /* prologue, a, b (free), c, epilogue */
    EXPECT(w.count == 5, "%zu blocks walked, expected 5", w.count);
    if (w.count != 5)
        return;
    EXPECT(w.size[0] == 16 && w.allocated[0], "the prologue: %zu bytes", w.size[0]);
    EXPECT(w.block[2] == (char *)b - 8 && !w.allocated[2] && w.size[2] == block_size(b),
           "the freed block: %p, %zu bytes, allocated %d", w.block[2], w.size[2], w.allocated[2]);
    EXPECT(w.size[4] == 0 && w.allocated[4] && !w.has_footer[4], "the epilogue: %zu bytes",
           w.size[4]);
    for (size_t i = 1; i < 5; i++)
        EXPECT((const char *)w.block[i] == (const char *)w.block[i - 1] + w.size[i - 1],
               "block %zu at %p does not follow block %zu", i, w.block[i], i - 1);
}

static void test_walk_heap_stops_at_a_size_it_cannot_trust(void)
{
    if (!fresh_heap("first"))
        return;
    void *a = mm_malloc(100);
    void *b = mm_malloc(200);
    (void)b;
    uint64_t *header = (uint64_t *)a - 1;
    uint64_t saved = *header;
    *header = ((uint64_t)1 << 40) | 1;      /* a size far past the break */
    struct walked w = {0};
    mm_walk_heap(record_block, &w);
    /* prologue, then the bad block, reported without a footer, and no more */
    EXPECT(w.count == 2, "%zu blocks walked, expected 2", w.count);
    EXPECT(w.count < 2 || !w.has_footer[1], "the untrusted block's footer was read");
    *header = saved;
    heap_ok(__LINE__);
}

static void test_checkheap_catches_adjacent_free_blocks(void)
{
    if (!fresh_heap("first"))
        return;
    void *a = mm_malloc(100);
    void *b = mm_malloc(200);
    void *c = mm_malloc(100);
    (void)c;
    mm_free(a);
    /* Mark b free in both tags without coalescing. */
    uint64_t *header = (uint64_t *)b - 1;
    uint64_t *footer = (uint64_t *)((char *)header + block_size(b)) - 1;
    uint64_t saved = *header;
    *header = *footer = saved & ~(uint64_t)1;
    expect_violation("invariant 7 (no two adjacent free blocks)", header);
    *header = *footer = saved;
    heap_ok(__LINE__);
}

static void test_checkheap_catches_corrupted_epilogue(void)
{
    if (!fresh_heap("first"))
        return;
    void *a = mm_malloc(100);
    (void)a;
    uint64_t *epilogue = (uint64_t *)((char *)mem_heap_hi() + 1) - 1;
    uint64_t saved = *epilogue;
    *epilogue = 0;  /* size 0, free */
    expect_violation("invariant 8 (walk ends exactly at the epilogue)",
                     epilogue);
    *epilogue = saved;
    heap_ok(__LINE__);
}

static void test_checkheap_catches_corrupted_prologue(void)
{
    if (!fresh_heap("first"))
        return;
    /* The prologue's footer is the word just below the epilogue of an
     * empty heap. */
    uint64_t *footer = (uint64_t *)((char *)mem_heap_hi() + 1) - 2;
    uint64_t saved = *footer;
    *footer = saved ^ 1;
    expect_violation("invariant 1 (prologue intact)", footer - 1);
    *footer = saved;
    heap_ok(__LINE__);
}

int main(void)
{
    if (mem_init(MAX_HEAP) != 0)
        return 2;

    RUN_TEST(test_random_operations_first_fit);
    RUN_TEST(test_random_operations_next_fit);
    RUN_TEST(test_random_operations_best_fit);

    RUN_TEST(test_free_between_allocated_blocks_does_not_coalesce);
    RUN_TEST(test_coalesce_with_next_block);
    RUN_TEST(test_coalesce_with_previous_block);
    RUN_TEST(test_coalesce_with_both_neighbours);
    RUN_TEST(test_split_when_rest_holds_a_minimum_block);
    RUN_TEST(test_no_split_when_rest_is_below_minimum_block);
    RUN_TEST(test_heap_grows_only_by_what_a_free_end_block_lacks);

    RUN_TEST(test_realloc_shrink_stays_in_place_and_frees_the_rest);
    RUN_TEST(test_realloc_grows_into_following_free_block);
    RUN_TEST(test_realloc_grows_in_place_at_heap_end);
    RUN_TEST(test_realloc_moves_when_next_block_is_allocated);
    RUN_TEST(test_realloc_null_acts_as_malloc);
    RUN_TEST(test_realloc_to_zero_frees_and_returns_null);

    RUN_TEST(test_malloc_zero_returns_null);
    RUN_TEST(test_free_null_does_nothing);
    RUN_TEST(test_payloads_are_aligned);
    RUN_TEST(test_huge_requests_return_null);
    RUN_TEST(test_calloc_overflow_returns_null);
    RUN_TEST(test_calloc_zeroes_reused_memory);

    RUN_TEST(test_set_placement_rejects_unknown_names);
    RUN_TEST(test_first_fit_takes_the_first_hole_that_fits);
    RUN_TEST(test_best_fit_takes_the_smallest_hole_that_fits);
    RUN_TEST(test_next_fit_resumes_after_the_last_placement);
    RUN_TEST(test_next_fit_rover_survives_coalescing);
    RUN_TEST(test_next_fit_rover_survives_realloc_taking_in_its_block);
    RUN_TEST(test_init_keeps_the_chosen_placement);
    RUN_TEST(test_placement_can_change_after_init);

    RUN_TEST(test_checkheap_is_silent_on_a_good_heap);
    RUN_TEST(test_checkheap_catches_corrupted_header);
    RUN_TEST(test_walk_heap_visits_every_block_in_address_order);
    RUN_TEST(test_walk_heap_stops_at_a_size_it_cannot_trust);
    RUN_TEST(test_checkheap_catches_adjacent_free_blocks);
    RUN_TEST(test_checkheap_catches_corrupted_epilogue);
    RUN_TEST(test_checkheap_catches_corrupted_prologue);

    mem_deinit();
    return check_summary();
}
