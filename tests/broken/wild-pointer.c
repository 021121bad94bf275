/*
 * wild-pointer.c - the third mm_malloc follows a "next" pointer read from
 * garbage: with 64-bit pointers, an address no program can use (not
 * canonical on x86-64), which the processor refuses without saying where;
 * with 32-bit ones, where every address is canonical, the top page, which
 * no 32-bit program has mapped, far from the heap.
 */
#include "base.h"

static int calls;

/* Kept in a volatile so the compiler cannot see the bad address coming. */
#if UINTPTR_MAX > 0xffffffffu
static volatile uintptr_t garbage = (uintptr_t)0xdead0000beef0000u;
#else
static volatile uintptr_t garbage = (uintptr_t)0xfffff000u;
#endif

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 3)
        *(volatile unsigned char *)garbage = 1;
    return base_malloc(size);
}
