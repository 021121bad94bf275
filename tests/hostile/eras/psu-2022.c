/* psu-2022.c - Penn State CMPSC 473 (2022): memset and memcpy mapped onto
 * the driver's mm_memset and mm_memcpy, mm_heap_lo and mm_heap_hi. */
#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void *mem_sbrk(intptr_t incr);
void *mm_heap_lo(void);
void *mm_heap_hi(void);
void *mm_memcpy(void *dst, const void *src, size_t n);
void *mm_memset(void *dst, int c, size_t n);
#define memset mm_memset
#define memcpy mm_memcpy

bool mm_init(void) { return true; }

static bool in_heap(const void *p) { return p <= mm_heap_hi() && p >= mm_heap_lo(); }

void *mm_malloc(size_t size)
{
    unsigned char *p = mem_sbrk((intptr_t)((size + 15) / 16 * 16 + 16));
    if (p == (void *)-1)
        return NULL;
    memcpy(p, &size, sizeof size);
    return p + 16;
}

void mm_free(void *ptr) { assert(ptr == NULL || in_heap(ptr)); }

void *mm_realloc(void *oldptr, size_t size)
{
    void *p = mm_malloc(size);
    if (p != NULL && oldptr != NULL) {
        size_t old;
        memcpy(&old, (unsigned char *)oldptr - 16, sizeof old);
        memcpy(p, oldptr, old < size ? old : size);
    }
    return p;
}

void *mm_calloc(size_t nmemb, size_t size)
{
    void *p = mm_malloc(nmemb * size);
    if (p != NULL)
        memset(p, 0, nmemb * size);
    return p;
}

bool mm_checkheap(int lineno)
{
    if (!in_heap(mm_heap_lo())) {
        printf("checkheap (line %d): the heap is empty\n", lineno);
        return false;
    }
    return true;
}
