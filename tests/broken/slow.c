/*
 * slow.c - correct, but every 1000th mm_malloc sleeps 0.6 s: a replay of a
 * trace with 1000 mallocs takes at least 0.6 s, on any machine. Sleeping,
 * not spinning, so that a busy machine hardly stretches it. Not a bug; the
 * driver must score it, however long it takes to time. The sandbox refuses
 * the sleep to a graded mm.c, so this one's driver is built without it
 * (tests/tests.mk).
 */
#include <time.h>

#include "base.h"

/* Every this many mm_malloc calls, one sleeps (a count). */
static const long calls_per_sleep = 1000;

/* How long it sleeps, in nanoseconds. */
static const long sleep_nsecs = 600000000;

static long calls;

int mm_init(void) { return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls % calls_per_sleep == 0) {
        struct timespec left = {.tv_sec = 0, .tv_nsec = sleep_nsecs};
        while (nanosleep(&left, &left) != 0)
            ;
    }
    return base_malloc(size);
}
