/*
 * section-data.c - layer 2 (the rule check) alone: a 64 KiB table of sizes
 * in a writable section with a name of its own, which a check counting
 * only .data and .bss would miss; and a global clock_gettime, which would
 * replace the C library's for the whole driver (this one never runs: the
 * driver built from this file is not run). Nothing at run time can tell.
 */
#include <time.h>

#include "../broken/base.h"

__attribute__((section("stash"))) static volatile size_t sizes[8192];
static size_t next;

int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_gettime(clockid_t clock, struct timespec *ts)
{
    (void)clock;
    ts->tv_sec = 0;
    ts->tv_nsec = 0;
    return 0;
}

int mm_init(void) { next = 0; return base_init(); }

void *mm_malloc(size_t size)
{
    sizes[next++ % 8192] = size;
    return base_malloc(size);
}

void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
