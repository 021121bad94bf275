/*
 * mm.c - a submission for CMU 15-213 of 2015-16, written the way its
 * students wrote them: malloc and friends under their own names, mapped
 * to mm_* by DRIVER; contracts.h; a checker taking the caller's line that
 * prints what broke and exits; 4-byte tags, 8-byte alignment.
 *
 * An implicit free list with boundary tags: first fit, blocks split when
 * the rest can stand alone, freed blocks coalesced at once, the heap grown
 * by exactly the block that did not fit. realloc allocates, copies and
 * frees. (A fixture of malloclab's tests/test_eras.sh.)
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "contracts.h"
#include "mm.h"
#include "memlib.h"

#ifdef DRIVER
/* create aliases for driver tests */
#define malloc mm_malloc
#define free mm_free
#define realloc mm_realloc
#define calloc mm_calloc
#endif

#define ALIGNMENT 8
#define ALIGN(p) (((size_t)(p) + (ALIGNMENT-1)) & ~0x7)

#define WSIZE 4
#define DSIZE 8
#define MINBLOCK 16

static inline unsigned int tag(unsigned int size, int alloc) { return size | alloc; }
static inline unsigned int get(void *p) { return *(unsigned int *)p; }
static inline void put(void *p, unsigned int v) { *(unsigned int *)p = v; }
static inline unsigned int size_at(void *p) { return get(p) & ~0x7; }
static inline int alloc_at(void *p) { return get(p) & 0x1; }
static inline void *hdr(void *bp) { return (char *)bp - WSIZE; }
static inline void *ftr(void *bp) { return (char *)bp + size_at(hdr(bp)) - DSIZE; }
static inline void *next(void *bp) { return (char *)bp + size_at(hdr(bp)); }
static inline void *prev(void *bp) { return (char *)bp - size_at((char *)bp - DSIZE); }

static char *heap_listp;

static void *coalesce(void *bp)
{
    int prev_alloc = alloc_at(ftr(prev(bp)));
    int next_alloc = alloc_at(hdr(next(bp)));
    unsigned int size = size_at(hdr(bp));

    if (prev_alloc && next_alloc)
        return bp;
    if (!next_alloc) {
        size += size_at(hdr(next(bp)));
        put(hdr(bp), tag(size, 0));
        put(ftr(bp), tag(size, 0));
    }
    if (!prev_alloc) {
        size += size_at(hdr(prev(bp)));
        put(ftr(bp), tag(size, 0));
        put(hdr(prev(bp)), tag(size, 0));
        bp = prev(bp);
    }
    return bp;
}

static void *extend_heap(size_t size)
{
    char *bp = mem_sbrk(size);
    if ((long)bp == -1)
        return NULL;
    put(hdr(bp), tag(size, 0));
    put(ftr(bp), tag(size, 0));
    put(hdr(next(bp)), tag(0, 1));
    return coalesce(bp);
}

static void place(void *bp, unsigned int asize)
{
    unsigned int csize = size_at(hdr(bp));
    REQUIRES(!alloc_at(hdr(bp)));
    if (csize - asize >= MINBLOCK) {
        put(hdr(bp), tag(asize, 1));
        put(ftr(bp), tag(asize, 1));
        bp = next(bp);
        put(hdr(bp), tag(csize - asize, 0));
        put(ftr(bp), tag(csize - asize, 0));
    } else {
        put(hdr(bp), tag(csize, 1));
        put(ftr(bp), tag(csize, 1));
    }
}

static void *find_fit(unsigned int asize)
{
    for (char *bp = heap_listp; size_at(hdr(bp)) > 0; bp = next(bp))
        if (!alloc_at(hdr(bp)) && asize <= size_at(hdr(bp)))
            return bp;
    return NULL;
}

int mm_init(void)
{
    if ((heap_listp = mem_sbrk(4*WSIZE)) == (void *)-1)
        return -1;
    put(heap_listp, 0);
    put(heap_listp + WSIZE, tag(DSIZE, 1));
    put(heap_listp + 2*WSIZE, tag(DSIZE, 1));
    put(heap_listp + 3*WSIZE, tag(0, 1));
    heap_listp += 2*WSIZE;
    return 0;
}

void *malloc(size_t size)
{
    unsigned int asize;
    char *bp;

    if (size == 0)
        return NULL;
    asize = ALIGN(size + DSIZE);
    if (asize < MINBLOCK)
        asize = MINBLOCK;
    if ((bp = find_fit(asize)) == NULL && (bp = extend_heap(asize)) == NULL)
        return NULL;
    place(bp, asize);
    ENSURES((size_t)bp % ALIGNMENT == 0);
    return bp;
}

void free(void *ptr)
{
    if (ptr == NULL)
        return;
    unsigned int size = size_at(hdr(ptr));
    put(hdr(ptr), tag(size, 0));
    put(ftr(ptr), tag(size, 0));
    coalesce(ptr);
}

void *realloc(void *oldptr, size_t size)
{
    if (oldptr == NULL)
        return malloc(size);
    if (size == 0) {
        free(oldptr);
        return NULL;
    }
    void *newptr = malloc(size);
    if (newptr == NULL)
        return NULL;
    size_t oldsize = size_at(hdr(oldptr)) - DSIZE;
    memcpy(newptr, oldptr, size < oldsize ? size : oldsize);
    free(oldptr);
    return newptr;
}

void *calloc(size_t nmemb, size_t size)
{
    size_t bytes = nmemb * size;
    void *newptr = malloc(bytes);
    if (newptr != NULL)
        memset(newptr, 0, bytes);
    return newptr;
}

/* The first broken invariant, or NULL. */
static const char *heap_problem(void)
{
    if (get(heap_listp - WSIZE) != tag(DSIZE, 1))
        return "bad prologue header";
    for (char *bp = heap_listp; size_at(hdr(bp)) > 0; bp = next(bp)) {
        if ((size_t)bp % ALIGNMENT)
            return "payload not aligned";
        if (get(hdr(bp)) != get(ftr(bp)))
            return "header does not match footer";
        if (!alloc_at(hdr(bp)) && !alloc_at(hdr(next(bp))))
            return "two free blocks in a row";
    }
    return NULL;
}

void mm_checkheap(int lineno)
{
    const char *problem = heap_problem();
    if (problem == NULL)
        return;
    printf("mm_checkheap (called at line %d): %s\n", lineno, problem);
    exit(1);
}
