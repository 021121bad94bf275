/*
 * segv.c - the third mm_malloc writes through a NULL pointer plus 16 (a
 * field of a struct reached through NULL): SIGSEGV inside mm_malloc.
 */
#include "base.h"

static int calls;

/* The address written, kept in a volatile so that the compiler sees no
 * constant null dereference to warn about or optimize away. */
static volatile uintptr_t null_plus_16 = 16;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 3)
        *(volatile unsigned char *)null_plus_16 = 1;
    return base_malloc(size);
}
