/* brown-2022.c - Brown CS 0330 (2022): mm_malloc(long), an inline header
 * of helpers, mem_sbrk(int). */
#include <assert.h>
#include <stdio.h>
#include <string.h>

void *mem_sbrk(int incr);
void *mem_heap_lo(void);
void *mem_heap_hi(void);

#define WORD_SIZE (long)(sizeof(long))

int mm_init(void) { return 0; }

void *mm_malloc(long size)
{
    if (size <= 0)
        return NULL;
    long asize = (size + 15) / 16 * 16 + 16;
    char *p = mem_sbrk((int)asize);
    if (p == (void *)-1)
        return NULL;
    memcpy(p, &size, sizeof size);
    return p + 16;
}

void mm_free(void *ptr) { assert(ptr == NULL || (char *)ptr > (char *)mem_heap_lo()); }

void *mm_realloc(void *ptr, long size)
{
    void *p = mm_malloc(size);
    if (p != NULL && ptr != NULL) {
        long old;
        memcpy(&old, (char *)ptr - 16, sizeof old);
        memcpy(p, ptr, (size_t)(old < size ? old : size));
    }
    return p;
}

int mm_check_heap(void)
{
    fprintf(stderr, "heap: %p to %p\n", mem_heap_lo(), mem_heap_hi());
    return 1;
}
