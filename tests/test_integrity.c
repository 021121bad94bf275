/*
 * test_integrity.c - the pieces of the grading's integrity that are plain
 * functions: memlib refuses the driver's functions while the heap is lent
 * and keeps the break's high-water mark; an impossible utilization or
 * index is a failure, never a score; the fingerprint tells placements
 * apart. The attacks themselves are in tests/hostile/ (test_hostile.sh).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fingerprint.h"
#include "memlib.h"
#include "score.h"

static void test_lent_heap_refuses_the_drivers_functions_and_names_them(void)
{
    mem_restart();
    void *p = mem_sbrk(4096);
    EXPECT(p != (void *)-1, "mem_sbrk failed");
    EXPECT(mem_refused_call() == NULL, "refused %s before any call", mem_refused_call());
    mem_reset_brk();
    EXPECT(mem_heapsize() == 4096, "mem_reset_brk emptied a lent heap: %zu bytes", mem_heapsize());
    const char *name = mem_refused_call();
    EXPECT(name != NULL && strcmp(name, "mem_reset_brk") == 0, "named %s", name ? name : "nothing");
    EXPECT(mem_init(1 << 20) == -1, "mem_init replaced a lent arena");
    mem_deinit();
    EXPECT(mem_heap_lo() != NULL && mem_heapsize() == 4096, "mem_deinit released a lent arena");
    name = mem_refused_call();
    EXPECT(name != NULL && strcmp(name, "mem_reset_brk") == 0, "the first refusal is kept: %s",
           name ? name : "nothing");
    mem_restart();
    EXPECT(mem_refused_call() == NULL && mem_heapsize() == 0,
           "mem_restart did not start afresh: %s, %zu bytes",
           mem_refused_call() ? mem_refused_call() : "-", mem_heapsize());
    mem_reclaim();
    (void)mem_sbrk(64);
    mem_reset_brk();
    EXPECT(mem_heapsize() == 0 && mem_refused_call() == NULL,
           "a reclaimed heap's mem_reset_brk did not work: %zu bytes", mem_heapsize());
}

static void test_peak_heapsize_is_the_high_water_mark(void)
{
    mem_restart();
    (void)mem_sbrk(1000);
    (void)mem_sbrk(24);
    EXPECT(mem_peak_heapsize() == 1024, "peak %zu after growing to 1024", mem_peak_heapsize());
    mem_reclaim();
    mem_reset_brk();
    EXPECT(mem_peak_heapsize() == 0, "peak %zu after the driver's reset", mem_peak_heapsize());
}

/* One row, one mm.c column, one libc column: the results score_column
 * reads, with the mm column's utilization `util`. */
static void score_one(double util, struct totals *tot)
{
    static struct row row = {.path = "t.rep", .name = "t.rep", .loaded = true, .ops = 100,
                             .weight = WEIGHT_BOTH};
    static struct column col[2];
    static struct run_result cell[2];
    col[0] = (struct column){"mm", allocator_mm(), NULL, true};
    col[1] = (struct column){"libc", allocator_libc(), NULL, false};
    memset(cell, 0, sizeof cell);
    for (int c = 0; c < 2; c++) {
        cell[c].valid = cell[c].timed = true;
        cell[c].ops = 100;
        cell[c].secs = 1e-3;
        cell[c].util = util;
    }
    struct results rs = {.nrows = 1, .ncols = 2, .row = &row, .col = col, .cell = cell};
    score_column(&rs, 0, score_libc_kops(&rs), tot);
}

static void test_utilization_above_100_percent_is_impossible_not_a_score(void)
{
    struct totals tot;
    score_one(0.9, &tot);
    EXPECT(!tot.impossible && tot.has_index && tot.index > 0 && tot.index <= 100,
           "a possible run: impossible %d, index %.1f", tot.impossible, tot.index);
    score_one(76743.94, &tot);
    EXPECT(tot.impossible && !tot.has_index && tot.index == 0 && tot.util == 0,
           "7674394%%: impossible %d, has_index %d, index %.1f, util %.2f", tot.impossible,
           tot.has_index, tot.index, tot.util);
    /* The profile's terms are capped, so the index it computed may look
     * possible (100): the utilization alone makes the run impossible. */
    EXPECT(tot.impossible_util > 76743, "the message's figure: util %.1f", tot.impossible_util);
}

static void test_fingerprint_tells_placements_apart(void)
{
    static unsigned char heap[64];
    const void *a[] = {heap, heap + 16, heap + 32, heap};
    const void *b[] = {heap, heap + 32, heap + 16, heap};
    uint64_t fa = FINGERPRINT_SEED, fb = FINGERPRINT_SEED, fa2 = FINGERPRINT_SEED;
    for (size_t i = 0; i < 4; i++) {
        fa = fingerprint_step(fa, a[i]);
        fa2 = fingerprint_step(fa2, a[i]);
        fb = fingerprint_step(fb, b[i]);
    }
    EXPECT(fa == fa2, "the same placements gave two fingerprints");
    EXPECT(fa != fb, "two blocks swapped gave the same fingerprint");
}

int main(void)
{
    if (mem_init(1 << 20) != 0)
        return 2;
    RUN_TEST(test_lent_heap_refuses_the_drivers_functions_and_names_them);
    RUN_TEST(test_peak_heapsize_is_the_high_water_mark);
    RUN_TEST(test_utilization_above_100_percent_is_impossible_not_a_score);
    RUN_TEST(test_fingerprint_tells_placements_apart);
    mem_reclaim();
    mem_deinit();
    return check_summary();
}
