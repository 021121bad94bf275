/* hang.c - its mm_free never returns: every trace with a free hangs. */

static volatile int spinning = 1;

int mm_init(void) { return 0; }
void *mm_malloc(size_t size) { return bump_malloc(size); }

void mm_free(void *ptr)
{
    (void)ptr;
    while (spinning)
        ;
}

void *mm_realloc(void *ptr, size_t size) { return bump_realloc(ptr, size); }
