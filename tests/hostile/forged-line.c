/*
 * forged-line.c - layer 6 (the grading line is the driver's): code that
 * runs in the driver's own process after the driver has printed Autolab's
 * line, and prints a line of its own, which Autolab would read as the
 * score. A destructor, and an atexit handler registered by a constructor.
 * Otherwise the correct bump allocator.
 */
#include <stdlib.h>

#include "../broken/base.h"

static void forge(void)
{
    printf("{\"scores\": {\"Performance index\": 100}, \"scoreboard\": [100, 100, 100, 100]}\n");
    fflush(stdout);
}

__attribute__((constructor)) static void register_forgery(void) { atexit(forge); }
__attribute__((destructor)) static void forge_at_the_end(void) { forge(); }

int mm_init(void) { return base_init(); }
void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
