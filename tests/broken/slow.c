/*
 * slow.c - correct, but each mm_malloc spends slow_malloc_usecs of CPU
 * time: a trace's replay takes as long as the test wants, on any machine
 * (longer in wall time on a busy one). Not a bug; the driver must score
 * it, however long it takes to time.
 */
#include <time.h>

#include "base.h"

/* CPU time each mm_malloc spends, in microseconds. */
static const double slow_malloc_usecs = 700;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int mm_init(void) { return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    double until = now() + slow_malloc_usecs * 1e-6;
    while (now() < until)
        ;
    return base_malloc(size);
}
