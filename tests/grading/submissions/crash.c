/* crash.c - writes through a NULL pointer in its fifth mm_malloc: every
 * trace that gets that far crashes with SIGSEGV. */

static int calls;

int mm_init(void)
{
    calls = 0;
    return 0;
}

void *mm_malloc(size_t size)
{
    if (++calls == 5)
        *(volatile int *)NULL = 1;
    return bump_malloc(size);
}

void mm_free(void *ptr) { (void)ptr; }
void *mm_realloc(void *ptr, size_t size) { return bump_realloc(ptr, size); }
