/* noisy.c - correct, but prints to standard output without ending its
 * lines, "quote \" and backslash \\" included: the Autolab line must still
 * be the last line, whole. */
#include <stdio.h>

int mm_init(void)
{
    printf("noisy mm_init: \"quote\" and \\backslash\\");
    return 0;
}

void *mm_malloc(size_t size)
{
    printf(" {malloc %zu", size);
    return bump_malloc(size);
}

void mm_free(void *ptr) { (void)ptr; }
void *mm_realloc(void *ptr, size_t size) { return bump_realloc(ptr, size); }
