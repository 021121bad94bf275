/* rules.c - correct, but it breaks both rules: it calls the C library's
 * free, and keeps a 4 KiB table of sizes in global data. Every trace
 * passes; the grading outputs must still score it 0. (volatile: so that
 * the compiler keeps the table and the call, which do nothing useful.) */
#include <stdlib.h>

static volatile uint64_t last_sizes[512];   /* 4096 bytes: more than MAX_GLOBAL_DATA */
static size_t next;
static void *volatile nothing;              /* always NULL */

int mm_init(void)
{
    free(nothing);                  /* harmless, and still forbidden */
    next = 0;
    return 0;
}

void *mm_malloc(size_t size)
{
    last_sizes[next++ % 512] = size;
    return bump_malloc(size);
}

void mm_free(void *ptr) { (void)ptr; }
void *mm_realloc(void *ptr, size_t size) { return bump_realloc(ptr, size); }
