/* cmu-2020.c - CMU 15-213 (2015-2023): bool mm_init, bool
 * mm_checkheap(int), dbg_printf, mem_memset and mem_memcpy, and the
 * standard names mapped onto mm_ under -DDRIVER. */
#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define DRIVER 1
#ifdef DRIVER
#define malloc mm_malloc
#define free mm_free
#define realloc mm_realloc
#define calloc mm_calloc
#endif

void *mem_sbrk(intptr_t incr);
void *mem_heap_lo(void);
void *mem_heap_hi(void);
void *mem_memcpy(void *dst, const void *src, size_t n);
void *mem_memset(void *dst, int c, size_t n);
void *malloc(size_t size);
void free(void *ptr);
void *realloc(void *ptr, size_t size);
void *calloc(size_t nmemb, size_t size);
bool mm_init(void);
bool mm_checkheap(int line);

#define dbg_printf(...) printf(__VA_ARGS__)
#define dbg_assert(...) assert(__VA_ARGS__)

typedef uint64_t word_t;
static const size_t dsize = 16;

bool mm_init(void) { return true; }

void *malloc(size_t size)
{
    size_t asize = (size + dsize - 1) / dsize * dsize + dsize;
    unsigned char *p = mem_sbrk((intptr_t)asize);
    if (p == (void *)-1)
        return NULL;
    word_t header = size;
    mem_memcpy(p, &header, sizeof header);
    dbg_assert((uintptr_t)(p + dsize) % dsize == 0);
    return p + dsize;
}

void free(void *bp) { (void)bp; }

void *realloc(void *ptr, size_t size)
{
    void *newptr = malloc(size);
    if (newptr == NULL || ptr == NULL)
        return newptr;
    word_t old;
    memcpy(&old, (unsigned char *)ptr - dsize, sizeof old);
    memcpy(newptr, ptr, old < size ? old : size);
    return newptr;
}

void *calloc(size_t elements, size_t size)
{
    if (elements != 0 && size > SIZE_MAX / elements)
        return NULL;
    void *bp = malloc(elements * size);
    if (bp != NULL)
        mem_memset(bp, 0, elements * size);
    return bp;
}

bool mm_checkheap(int line)
{
    if (mem_heap_lo() > mem_heap_hi() + 1) {
        dbg_printf("mm_checkheap (line %d): heap bounds inverted\n", line);
        return false;
    }
    return true;
}
