/*
 * tracegen.c - write a synthetic trace: a named pattern of allocations,
 * reallocations and frees, drawn from a seed.
 *
 *     tools/tracegen -p bimodal -n 12000 -l 2000 -m 16 -M 1024 -s 1 -o traces/bimodal.rep
 *
 * Every trace it writes is valid and balanced: ids run from 0 up, each id
 * is allocated once (a realloc keeps its id) and freed once, no request is
 * for 0 bytes, and the header (CMU 15-213 variant: weight, ids, operations,
 * peak live payload bytes) matches the body exactly.
 *
 * The same command always writes the same bytes, on any machine: the
 * generator has its own PRNG (xoshiro256**, seeded through splitmix64),
 * draws every number with integer arithmetic only, and draws them in an
 * order the code fixes (never two draws as arguments of one call, whose
 * order C leaves open).
 *
 * Operation budget: with -n N, every step keeps
 *     operations written so far + blocks still live  <=  N,
 * so that the blocks still live can always be freed within N. An
 * allocation needs 2 of the budget (itself and its free), a realloc 1, a
 * free none. The pattern runs until it wants an operation the budget no
 * longer allows; then every live block is freed, in random order. The
 * trace thus holds N or N-1 operations: exactly N when N is even and the
 * trace has no reallocs (each block then costs exactly 2).
 *
 * Exit status: 0 trace written, 1 it could not be written, 2 bad usage.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"

static const char progname[] = "tracegen";

/* Largest -m and -M, in bytes: the classic driver reads sizes as an int.
 * (The coalesce pattern's whole-run block is the one request that can be
 * larger: -l times -M at most.) */
#define MAX_REQUEST 2147483647u

/* Most operations one trace may hold (a count); 16 bytes of memory each
 * while the trace is generated. */
#define MAX_OPS 10000000u

/* ---- The PRNG: xoshiro256**, seeded by splitmix64 ----------------------- */

struct rng {
    uint64_t s[4];
};

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(struct rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform in [0, n), n > 0. Draws below 2^64 mod n are thrown away, so
 * that every result is equally likely (a bare `% n` favours small ones). */
static uint64_t rng_below(struct rng *r, uint64_t n)
{
    uint64_t threshold = (0 - n) % n;
    for (;;) {
        uint64_t x = rng_next(r);
        if (x >= threshold)
            return x % n;
    }
}

/* Uniform in [lo, hi], lo <= hi < 2^64 - 1. */
static uint64_t rng_range(struct rng *r, uint64_t lo, uint64_t hi)
{
    return lo + rng_below(r, hi - lo + 1);
}

/* ---- Parameters ------------------------------------------------------------ */

struct params {
    uint64_t ops;          /* -n: operation budget (see the top of the file) */
    uint64_t live;         /* -l: live-set size; each pattern says what it counts */
    uint64_t min;          /* -m: smallest request, in bytes */
    uint64_t max;          /* -M: largest request, in bytes */
    uint64_t realloc_pct;  /* -r: share of steps that are reallocs, in percent */
    uint64_t seed;         /* -s */
    uint64_t weight;       /* -w: header line 1 */
};

/* ---- The generator's state and its three operations ------------------------ */

struct op {
    uint64_t size;         /* bytes; 0 for a free */
    uint32_t id;
    char kind;             /* 'a', 'r' or 'f', as in the file */
};

struct gen {
    struct rng rng;
    struct params p;
    struct op *ops;        /* room for p.ops operations */
    size_t num_ops;
    uint64_t *size;        /* by id: payload bytes while live, 0 once freed */
    uint32_t *live;        /* the live ids, in no particular order */
    uint32_t *slot;        /* by id: its index in live[] while live */
    size_t num_live;
    uint32_t num_ids;      /* ids handed out so far: 0 .. num_ids-1 */
    uint64_t live_bytes;   /* sum of size[] over the live ids */
    uint64_t peak;         /* largest live_bytes after any operation */
};

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (p == NULL) {
        fprintf(stderr, "%s: out of memory\n", progname);
        exit(1);
    }
    return p;
}

/* Operations still allowed by the budget: the live blocks' frees are owed. */
static uint64_t room(const struct gen *g)
{
    return g->p.ops - g->num_ops - g->num_live;
}

static void record(struct gen *g, char kind, uint32_t id, uint64_t size)
{
    g->ops[g->num_ops++] = (struct op){.size = size, .id = id, .kind = kind};
    if (g->live_bytes > g->peak)
        g->peak = g->live_bytes;
}

/* Allocate a new block of `size` bytes; its id goes to *id unless id is
 * NULL. False (and nothing written) when the budget has no room for it. */
static bool gen_alloc(struct gen *g, uint64_t size, uint32_t *id)
{
    if (room(g) < 2)
        return false;
    uint32_t new_id = g->num_ids++;
    g->size[new_id] = size;
    g->slot[new_id] = (uint32_t)g->num_live;
    g->live[g->num_live++] = new_id;
    g->live_bytes += size;
    record(g, 'a', new_id, size);
    if (id != NULL)
        *id = new_id;
    return true;
}

/* Resize live block `id` to `size` bytes; false when the budget is spent. */
static bool gen_realloc(struct gen *g, uint32_t id, uint64_t size)
{
    if (room(g) < 1)
        return false;
    g->live_bytes = g->live_bytes - g->size[id] + size;
    g->size[id] = size;
    record(g, 'r', id, size);
    return true;
}

/* Free live block `id`. Always allowed: the budget reserved its free. */
static void gen_free(struct gen *g, uint32_t id)
{
    uint32_t last = g->live[--g->num_live];
    g->live[g->slot[id]] = last;
    g->slot[last] = g->slot[id];
    g->live_bytes -= g->size[id];
    g->size[id] = 0;
    record(g, 'f', id, 0);
}

static uint32_t random_live(struct gen *g)
{
    return g->live[rng_below(&g->rng, g->num_live)];
}

/* Free every live block, in random order: the end of every trace. */
static void gen_drain(struct gen *g)
{
    while (g->num_live > 0)
        gen_free(g, random_live(g));
}

static void shuffle(struct rng *r, uint32_t *a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)rng_below(r, i);
        uint32_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Whether this step is a realloc: true with probability -r percent. */
static bool rolls_realloc(struct gen *g)
{
    return rng_below(&g->rng, 100) < g->p.realloc_pct;
}

/* The live-set random walk: allocate with probability
 * (2 * target - count) / (2 * target), free otherwise. It always allocates
 * when count is 0, drifts towards `target` (at least 1), and never takes
 * count past 2 * target. */
static bool walk_allocates(struct gen *g, size_t count, uint64_t target)
{
    return rng_below(&g->rng, 2 * target) >= count;
}

/* ---- Size distributions ------------------------------------------------------ */

static uint64_t uniform_size(struct gen *g)
{
    return rng_range(&g->rng, g->p.min, g->p.max);
}

/* A truncated Pareto size: start at -m and keep doubling with probability
 * 2/3, then pick uniformly within the octave reached. P(size >= x) falls
 * like (m/x)^0.585 (the exponent is log2(3/2)): most requests are a few
 * times -m, a few are thousands of times larger. A draw whose octave
 * starts above -M is thrown away and drawn again. */
static uint64_t heavy_size(struct gen *g)
{
    for (;;) {
        uint64_t lo = g->p.min;
        bool too_big = false;
        while (rng_below(&g->rng, 3) < 2) {
            if (lo > g->p.max / 2) {
                too_big = true;
                break;
            }
            lo *= 2;
        }
        if (!too_big)
            return rng_range(&g->rng, lo, min_u64(2 * lo - 1, g->p.max));
    }
}

/* ---- The patterns ---------------------------------------------------------------- */

/* The random walk around -l live blocks, with -r percent of the steps
 * reallocating a random live block to a new size. */
static void walk(struct gen *g, uint64_t (*draw_size)(struct gen *))
{
    for (;;) {
        if (g->num_live > 0 && rolls_realloc(g)) {
            uint32_t id = random_live(g);
            if (!gen_realloc(g, id, draw_size(g)))
                return;
        } else if (walk_allocates(g, g->num_live, g->p.live)) {
            if (!gen_alloc(g, draw_size(g), NULL))
                return;
        } else {
            gen_free(g, random_live(g));
        }
    }
}

static void run_uniform(struct gen *g)
{
    walk(g, uniform_size);
}

static void run_heavy_tail(struct gen *g)
{
    walk(g, heavy_size);
}

/* Rounds of: allocate -l/2 pairs, small then large, interleaved; free every
 * large block; allocate as many blocks larger than any freed one; free the
 * rest in random order. Small is [m, m + m/4], large [M/2, M/4*3], larger
 * [M/4*3 + 1, M]: no larger block fits a hole a large one left, since the
 * small blocks between the holes keep them apart. */
static void bimodal_rounds(struct gen *g, uint32_t *ids, size_t pairs)
{
    const uint64_t m = g->p.min, M = g->p.max;
    for (;;) {
        for (size_t i = 0; i < pairs; i++) {
            uint64_t small = rng_range(&g->rng, m, m + m / 4);
            if (!gen_alloc(g, small, &ids[2 * i]))
                return;
            uint64_t large = rng_range(&g->rng, M / 2, M / 4 * 3);
            if (!gen_alloc(g, large, &ids[2 * i + 1]))
                return;
        }
        for (size_t i = 0; i < pairs; i++)
            gen_free(g, ids[2 * i + 1]);
        for (size_t i = 0; i < pairs; i++) {
            uint64_t larger = rng_range(&g->rng, M / 4 * 3 + 1, M);
            if (!gen_alloc(g, larger, &ids[2 * i + 1]))
                return;
        }
        shuffle(&g->rng, ids, 2 * pairs);
        for (size_t i = 0; i < 2 * pairs; i++)
            gen_free(g, ids[i]);
    }
}

static void run_bimodal(struct gen *g)
{
    size_t pairs = g->p.live / 2 > 0 ? (size_t)(g->p.live / 2) : 1;
    uint32_t *ids = xcalloc(2 * pairs, sizeof *ids);
    bimodal_rounds(g, ids, pairs);
    free(ids);
}

/* Rounds of: allocate a run of -l blocks, sizes uniform in [m, M], and a
 * fence block of -m bytes after it, so that the run's space does not join
 * the free space at the heap's end; free the run in this round's order;
 * allocate one block as large as the whole run (it fits the run's space
 * only if the frees coalesced); free it, then the fence. The orders cycle:
 * ascending (every free meets a free block before it), descending (after
 * it), odd indices then even (every even one meets free blocks on both
 * sides), shuffled. */
static void coalesce_rounds(struct gen *g, uint32_t *run, uint32_t *order, size_t k)
{
    for (unsigned round = 0;; round = (round + 1) % 4) {
        uint64_t total = 0;
        for (size_t i = 0; i < k; i++) {
            uint64_t size = uniform_size(g);
            if (!gen_alloc(g, size, &run[i]))
                return;
            total += size;
        }
        uint32_t fence;
        if (!gen_alloc(g, g->p.min, &fence))
            return;

        size_t n = 0;
        switch (round) {
        case 0:
            for (size_t i = 0; i < k; i++)
                order[n++] = (uint32_t)i;
            break;
        case 1:
            for (size_t i = k; i > 0; i--)
                order[n++] = (uint32_t)(i - 1);
            break;
        case 2:
            for (size_t i = 1; i < k; i += 2)
                order[n++] = (uint32_t)i;
            for (size_t i = 0; i < k; i += 2)
                order[n++] = (uint32_t)i;
            break;
        default:
            for (size_t i = 0; i < k; i++)
                order[n++] = (uint32_t)i;
            shuffle(&g->rng, order, k);
            break;
        }
        for (size_t i = 0; i < k; i++)
            gen_free(g, run[order[i]]);

        uint32_t whole;
        if (!gen_alloc(g, total, &whole))
            return;
        gen_free(g, whole);
        gen_free(g, fence);
    }
}

static void run_coalesce(struct gen *g)
{
    size_t k = (size_t)g->p.live;
    uint32_t *run = xcalloc(k, sizeof *run);
    uint32_t *order = xcalloc(k, sizeof *order);
    coalesce_rounds(g, run, order, k);
    free(run);
    free(order);
}

/* Blocks the realloc-grow pattern keeps growing at once (a count). */
enum { GROWERS = 4 };

/* GROWERS blocks grow while small blocks come and go between them. A step
 * is, with probability -r percent, a grower's realloc to a larger size
 * (old + uniform [1, old/4 + m]); a grower that would pass -M is freed and
 * a new one allocated instead. Otherwise the step is the live-set walk
 * around -l small blocks. Growers start, and small blocks are, uniform in
 * [m, min(8m, M)]. */
static void grow_steps(struct gen *g, uint32_t *small, uint64_t small_max)
{
    uint32_t grower[GROWERS];
    size_t num_small = 0;
    for (size_t i = 0; i < GROWERS; i++) {
        uint64_t size = rng_range(&g->rng, g->p.min, small_max);
        if (!gen_alloc(g, size, &grower[i]))
            return;
    }
    for (;;) {
        if (rolls_realloc(g)) {
            size_t i = (size_t)rng_below(&g->rng, GROWERS);
            uint64_t old = g->size[grower[i]];
            uint64_t bigger = old + rng_range(&g->rng, 1, old / 4 + g->p.min);
            if (bigger <= g->p.max) {
                if (!gen_realloc(g, grower[i], bigger))
                    return;
            } else {
                gen_free(g, grower[i]);
                uint64_t size = rng_range(&g->rng, g->p.min, small_max);
                if (!gen_alloc(g, size, &grower[i]))
                    return;
            }
        } else if (walk_allocates(g, num_small, g->p.live)) {
            uint64_t size = rng_range(&g->rng, g->p.min, small_max);
            if (!gen_alloc(g, size, &small[num_small]))
                return;
            num_small++;
        } else {
            size_t i = (size_t)rng_below(&g->rng, num_small);
            gen_free(g, small[i]);
            small[i] = small[--num_small];
        }
    }
}

static void run_realloc_grow(struct gen *g)
{
    uint32_t *small = xcalloc(2 * g->p.live, sizeof *small);
    grow_steps(g, small, min_u64(8 * g->p.min, g->p.max));
    free(small);
}

/* Four phases, by the share of the budget -n written so far:
 *   ramp up   0-25%   live target climbs from 0 to -l   sizes [m, M]
 *   peak     25-35%   target -l                          sizes [m, M]
 *   plateau  35-80%   target -l/2                        sizes [m, m + (M-m)/4]
 *   ramp down 80-100% target falls from -l/2 to 0        sizes as plateau
 * A step allocates with probability 9/10 below the target and 1/10 at or
 * above it; with -r percent it is instead a realloc of a random live block
 * to a size of the current phase. The plateau's smaller sizes can reuse
 * the holes the peak's frees left. */
static void run_phases(struct gen *g)
{
    const uint64_t n = g->p.ops, l = g->p.live;
    for (;;) {
        uint64_t t = g->num_ops, target, hi;
        if (100 * t < 25 * n) {
            target = 4 * l * t / n;
            hi = g->p.max;
        } else if (100 * t < 35 * n) {
            target = l;
            hi = g->p.max;
        } else if (100 * t < 80 * n) {
            target = l / 2;
            hi = g->p.min + (g->p.max - g->p.min) / 4;
        } else {
            target = l / 2 * 5 * (n - t) / n;
            hi = g->p.min + (g->p.max - g->p.min) / 4;
        }
        if (g->num_live > 0 && rolls_realloc(g)) {
            uint32_t id = random_live(g);
            if (!gen_realloc(g, id, rng_range(&g->rng, g->p.min, hi)))
                return;
            continue;
        }
        bool below = g->num_live < target;
        bool alloc = g->num_live == 0 || rng_below(&g->rng, 10) < (below ? 9u : 1u);
        if (alloc) {
            if (!gen_alloc(g, rng_range(&g->rng, g->p.min, hi), NULL))
                return;
        } else {
            gen_free(g, random_live(g));
        }
    }
}

struct pattern {
    const char *name;
    void (*run)(struct gen *g);
    bool reallocs;              /* whether -r applies */
    struct params defaults;     /* -n -l -m -M -r */
    const char *help;           /* what it does; what -l counts */
};

static const struct pattern patterns[] = {
    {"uniform", run_uniform, true, {.ops = 10000, .live = 500, .min = 1, .max = 4096},
     "sizes uniform in [m, M]; each step allocates or frees a random block, "
     "keeping about -l blocks live; -r percent of steps realloc a random "
     "block to a new uniform size"},
    {"bimodal", run_bimodal, false, {.ops = 12000, .live = 2000, .min = 16, .max = 1024},
     "rounds: -l/2 pairs of small [m, 1.25m] and large [M/2, 0.75M] blocks, "
     "interleaved; free all large ones; allocate as many of (0.75M, M], which "
     "fit none of the holes; free the rest. Needs M/2 > 1.25m"},
    {"coalesce", run_coalesce, false, {.ops = 12000, .live = 64, .min = 16, .max = 256},
     "rounds: a run of -l adjacent blocks in [m, M] and a fence; free the run "
     "ascending, descending, odds then evens, or shuffled (in turn); then "
     "allocate one block the size of the whole run, which fits there only "
     "if the frees coalesced; free it and the fence"},
    {"realloc-grow", run_realloc_grow, true,
     {.ops = 12000, .live = 200, .min = 16, .max = 65536, .realloc_pct = 40},
     "4 blocks grow by realloc (old + [1, old/4 + m]) up to M, then start "
     "over; -r percent of steps are such reallocs, the rest allocate or free "
     "small blocks in [m, 8m] around -l live, landing between the growers"},
    {"phases", run_phases, true, {.ops = 16000, .live = 2000, .min = 8, .max = 2048},
     "live blocks ramp up to -l (first 25% of -n), peak (to 35%), fall to a "
     "plateau of -l/2 with sizes in [m, m + (M-m)/4] (to 80%), ramp down; "
     "-r percent of steps realloc a random block"},
    {"heavy-tail", run_heavy_tail, true,
     {.ops = 12000, .live = 1000, .min = 8, .max = 1048576, .realloc_pct = 5},
     "Pareto-like sizes from m to M (P(size >= x) ~ (m/x)^0.585): mostly small, "
     "a few huge; random allocs and frees around -l live, -r percent reallocs"},
};

enum { NUM_PATTERNS = sizeof patterns / sizeof patterns[0] };

/* ---- Options ----------------------------------------------------------------- */

/* The options, their arguments and their help: usage is printed from this
 * table, and getopt's option string is built from it (options.h). */
static const struct option_spec option_table[] = {
    {'p', "PATTERN", "pattern to generate (required; see below)"},
    {'n', "OPS", "operation budget: the trace holds N or N-1 operations, "
     "exactly N when N is even and there are no reallocs"},
    {'l', "COUNT", "live-set size (what it counts depends on the pattern)"},
    {'m', "BYTES", "smallest request, in bytes"},
    {'M', "BYTES", "largest request, in bytes"},
    {'r', "PERCENT", "share of steps that are reallocs, in percent"},
    {'s', "SEED", "seed of the PRNG (default 1)"},
    {'w', "WEIGHT", "header line 1: 0 not scored, 1 util and throughput, "
     "2 util only, 3 throughput only (default 1)"},
    {'o', "FILE", "write the trace to FILE, not standard output"},
    {'h', NULL, "print this help and exit"},
};

/* The options that set a number in struct params, and the values each takes. */
static const struct number_option {
    char flag;
    size_t field;               /* offset in struct params */
    uint64_t min, max;
} number_options[] = {
    {'n', offsetof(struct params, ops), 2, MAX_OPS},
    {'l', offsetof(struct params, live), 1, 1000000},
    {'m', offsetof(struct params, min), 1, MAX_REQUEST},
    {'M', offsetof(struct params, max), 1, MAX_REQUEST},
    {'r', offsetof(struct params, realloc_pct), 0, 100},
    {'s', offsetof(struct params, seed), 0, UINT64_MAX},
    {'w', offsetof(struct params, weight), 0, 3},
};

enum { NUM_NUMBER_OPTIONS = sizeof number_options / sizeof number_options[0] };

static void print_patterns(FILE *f)
{
    fprintf(f, "patterns (defaults in brackets):\n");
    for (size_t i = 0; i < NUM_PATTERNS; i++) {
        const struct pattern *p = &patterns[i];
        const struct params *d = &p->defaults;
        fprintf(f, "  %-12s [-n %" PRIu64 " -l %" PRIu64 " -m %" PRIu64 " -M %" PRIu64,
                p->name, d->ops, d->live, d->min, d->max);
        if (p->reallocs)
            fprintf(f, " -r %" PRIu64 "]\n", d->realloc_pct);
        else
            fprintf(f, "; no -r]\n");
        fprintf(f, "    ");
        options_print_folded(f, p->help, 4);
    }
    fprintf(f, "\nexit status: 0 trace written, 1 it could not be written, 2 bad usage\n");
}

static const struct command_line command_line = {
    .name = progname,
    .options = option_table,
    .num_options = sizeof option_table / sizeof option_table[0],
    .required = "p",
    .about = "Write a balanced trace (15-213 header: weight, ids, operations, peak live "
             "bytes) of the named pattern. The same command always writes the same bytes.",
    .epilogue = print_patterns,
    .options_first = true,
};

/* Parse the value of number option `o`; exits on a bad one. */
static uint64_t parse_number(const struct number_option *o, const char *s)
{
    uint64_t v;
    if (!parse_unsigned(s, o->max, &v) || v < o->min)
        exit(options_usage_error(&command_line, NULL, "option '-%c' wants a number from %"
                                 PRIu64 " to %" PRIu64 ", not '%s'", o->flag, o->min, o->max, s));
    return v;
}

static const struct pattern *find_pattern(const char *name)
{
    for (size_t i = 0; i < NUM_PATTERNS; i++)
        if (strcmp(patterns[i].name, name) == 0)
            return &patterns[i];
    exit(options_usage_error(&command_line, NULL, "unknown pattern '%s'", name));
}

struct command {
    struct params p;
    const struct pattern *pattern;
    const char *out;            /* NULL: standard output */
};

/* Parse argv into *cmd; exits on -h and on any error. */
static void parse_args(int argc, char **argv, struct command *cmd)
{
    char optstring[OPTSTRING_SIZE];
    options_getopt_string(&command_line, optstring);
    bool given[UCHAR_MAX + 1] = {false};
    struct params p = {.seed = 1, .weight = 1};

    cmd->pattern = NULL;
    cmd->out = NULL;
    int c;
    while ((c = getopt(argc, argv, optstring)) != -1) {
        if (c == ':')
            exit(options_usage_error(&command_line, NULL, "option '-%c' needs a value (%s)",
                                     optopt, options_find(&command_line, optopt)->arg));
        if (c == '?')
            exit(options_usage_error(&command_line, NULL, "unknown option '-%c'", optopt));
        if (c == 'h') {
            options_usage(stdout, &command_line, NULL);
            exit(0);
        }
        if (given[c])
            exit(options_usage_error(&command_line, NULL, "option '-%c' given twice", c));
        given[c] = true;
        if (c == 'p') {
            cmd->pattern = find_pattern(optarg);
        } else if (c == 'o') {
            cmd->out = optarg;
        } else {
            for (size_t k = 0; k < NUM_NUMBER_OPTIONS; k++)
                if (number_options[k].flag == c)
                    *(uint64_t *)((char *)&p + number_options[k].field) =
                        parse_number(&number_options[k], optarg);
        }
    }
    if (optind < argc)
        exit(options_usage_error(&command_line, NULL, "unexpected argument '%s'", argv[optind]));
    if (cmd->pattern == NULL)
        exit(options_usage_error(&command_line, NULL, "no pattern given: use -p PATTERN"));

    /* Start from the pattern's defaults; lay the options given over them. */
    struct params q = cmd->pattern->defaults;
    q.seed = p.seed;
    q.weight = p.weight;
    for (size_t k = 0; k < NUM_NUMBER_OPTIONS; k++) {
        const struct number_option *o = &number_options[k];
        if (given[(unsigned char)o->flag])
            *(uint64_t *)((char *)&q + o->field) = *(const uint64_t *)((const char *)&p + o->field);
    }
    if (given['r'] && !cmd->pattern->reallocs)
        exit(options_usage_error(&command_line, NULL, "pattern '%s' makes no reallocs: drop '-r'",
                                 cmd->pattern->name));
    p = q;
    if (p.min > p.max)
        exit(options_usage_error(&command_line, NULL, "-m %" PRIu64 " is above -M %" PRIu64,
                                 p.min, p.max));
    if (cmd->pattern->run == run_bimodal && !(p.min + p.min / 4 < p.max / 2))
        exit(options_usage_error(&command_line, NULL, "pattern 'bimodal' needs -M/2 above "
                                 "1.25 * -m (got -m %" PRIu64 " -M %" PRIu64 "): the size "
                                 "classes would overlap", p.min, p.max));
    cmd->p = p;
}

/* ---- Output ------------------------------------------------------------------ */

static int write_trace(FILE *f, const struct gen *g)
{
    fprintf(f, "%" PRIu64 "\n%" PRIu32 "\n%zu\n%" PRIu64 "\n", g->p.weight, g->num_ids,
            g->num_ops, g->peak);
    for (size_t i = 0; i < g->num_ops; i++) {
        const struct op *op = &g->ops[i];
        if (op->kind == 'f')
            fprintf(f, "f %" PRIu32 "\n", op->id);
        else
            fprintf(f, "%c %" PRIu32 " %" PRIu64 "\n", op->kind, op->id, op->size);
    }
    return ferror(f) ? -1 : 0;
}

int main(int argc, char **argv)
{
    struct command cmd;
    parse_args(argc, argv, &cmd);

    /* Each id costs 2 of the budget, so at most ops/2 ids. */
    struct gen g = {.p = cmd.p};
    size_t max_ids = (size_t)(cmd.p.ops / 2) + 1;
    g.ops = xcalloc((size_t)cmd.p.ops, sizeof *g.ops);
    g.size = xcalloc(max_ids, sizeof *g.size);
    g.live = xcalloc(max_ids, sizeof *g.live);
    g.slot = xcalloc(max_ids, sizeof *g.slot);
    rng_seed(&g.rng, cmd.p.seed);

    cmd.pattern->run(&g);
    gen_drain(&g);

    FILE *f = stdout;
    if (cmd.out != NULL && (f = fopen(cmd.out, "w")) == NULL) {
        fprintf(stderr, "%s: cannot open '%s': %s\n", progname, cmd.out, strerror(errno));
        return 1;
    }
    int rc = write_trace(f, &g);
    if (fclose(f) != 0)
        rc = -1;
    if (rc != 0) {
        fprintf(stderr, "%s: cannot write '%s': %s\n", progname,
                cmd.out ? cmd.out : "standard output", strerror(errno));
        return 1;
    }
    free(g.ops);
    free(g.size);
    free(g.live);
    free(g.slot);
    return 0;
}
