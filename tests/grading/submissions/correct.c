/* correct.c - the bump allocator as it is: every trace passes. */

int mm_init(void) { return 0; }
void *mm_malloc(size_t size) { return bump_malloc(size); }
void mm_free(void *ptr) { (void)ptr; }
void *mm_realloc(void *ptr, size_t size) { return bump_realloc(ptr, size); }
