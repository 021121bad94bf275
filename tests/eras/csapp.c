/*
 * mm.c - a submission for the CS:APP handout, written the way its
 * students wrote them: team_t, GET/PUT macros over void * arithmetic,
 * 4-byte tags, 8-byte alignment.
 *
 * An implicit free list with boundary tags: first fit, blocks split when
 * the rest can stand alone, freed blocks coalesced at once, the heap grown
 * by exactly the block that did not fit. realloc allocates, copies and
 * frees. (A fixture of malloclab's tests/test_eras.sh.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <assert.h>
#include <unistd.h>
#include <string.h>

#include "mm.h"
#include "memlib.h"

team_t team = {
    /* Team name */
    "fixture",
    /* First member's full name */
    "Ada Fixture",
    /* First member's email address */
    "ada@example.edu",
    /* Second member's full name (leave blank if none) */
    "",
    /* Second member's email address (leave blank if none) */
    ""
};

#define ALIGNMENT 8
#define ALIGN(size) (((size) + (ALIGNMENT-1)) & ~0x7)

#define WSIZE 4             /* tag size (bytes) */
#define DSIZE 8             /* two tags (bytes) */
#define MINBLOCK 16         /* smallest block (bytes) */

#define TAG(size, alloc) ((size) | (alloc))
#define GET(p) (*(unsigned int *)(p))
#define PUT(p, val) (*(unsigned int *)(p) = (val))
#define SIZE_AT(p) (GET(p) & ~0x7)
#define ALLOC_AT(p) (GET(p) & 0x1)

/* bp is a payload pointer */
#define HDR(bp) ((void *)(bp) - WSIZE)
#define FTR(bp) ((void *)(bp) + SIZE_AT(HDR(bp)) - DSIZE)
#define NEXT(bp) ((void *)(bp) + SIZE_AT(HDR(bp)))
#define PREV(bp) ((void *)(bp) - SIZE_AT((void *)(bp) - DSIZE))

static void *heap_listp;    /* the prologue's payload */

static void *coalesce(void *bp)
{
    int prev_alloc = ALLOC_AT(FTR(PREV(bp)));
    int next_alloc = ALLOC_AT(HDR(NEXT(bp)));
    size_t size = SIZE_AT(HDR(bp));

    if (prev_alloc && next_alloc) {             /* case 1 */
        return bp;
    } else if (prev_alloc && !next_alloc) {     /* case 2 */
        size += SIZE_AT(HDR(NEXT(bp)));
        PUT(HDR(bp), TAG(size, 0));
        PUT(FTR(bp), TAG(size, 0));
    } else if (!prev_alloc && next_alloc) {     /* case 3 */
        size += SIZE_AT(HDR(PREV(bp)));
        PUT(FTR(bp), TAG(size, 0));
        PUT(HDR(PREV(bp)), TAG(size, 0));
        bp = PREV(bp);
    } else {                                    /* case 4 */
        size += SIZE_AT(HDR(PREV(bp))) + SIZE_AT(FTR(NEXT(bp)));
        PUT(HDR(PREV(bp)), TAG(size, 0));
        PUT(FTR(NEXT(bp)), TAG(size, 0));
        bp = PREV(bp);
    }
    return bp;
}

static void *extend_heap(size_t size)
{
    void *bp = mem_sbrk(size);
    if (bp == (void *)-1)
        return NULL;
    PUT(HDR(bp), TAG(size, 0));         /* over the old epilogue */
    PUT(FTR(bp), TAG(size, 0));
    PUT(HDR(NEXT(bp)), TAG(0, 1));      /* the new epilogue */
    return coalesce(bp);
}

static void place(void *bp, size_t asize)
{
    size_t csize = SIZE_AT(HDR(bp));
    if (csize - asize >= MINBLOCK) {
        PUT(HDR(bp), TAG(asize, 1));
        PUT(FTR(bp), TAG(asize, 1));
        bp = NEXT(bp);
        PUT(HDR(bp), TAG(csize - asize, 0));
        PUT(FTR(bp), TAG(csize - asize, 0));
    } else {
        PUT(HDR(bp), TAG(csize, 1));
        PUT(FTR(bp), TAG(csize, 1));
    }
}

static void *find_fit(size_t asize)
{
    void *bp;
    for (bp = heap_listp; SIZE_AT(HDR(bp)) > 0; bp = NEXT(bp))
        if (!ALLOC_AT(HDR(bp)) && asize <= SIZE_AT(HDR(bp)))
            return bp;
    return NULL;
}

int mm_init(void)
{
    if ((heap_listp = mem_sbrk(4*WSIZE)) == (void *)-1)
        return -1;
    PUT(heap_listp, 0);                             /* pad */
    PUT(heap_listp + (1*WSIZE), TAG(DSIZE, 1));     /* prologue header */
    PUT(heap_listp + (2*WSIZE), TAG(DSIZE, 1));     /* prologue footer */
    PUT(heap_listp + (3*WSIZE), TAG(0, 1));         /* epilogue */
    heap_listp += (2*WSIZE);
    return 0;
}

void *mm_malloc(size_t size)
{
    size_t asize;
    void *bp;

    if (size == 0)
        return NULL;
    asize = ALIGN(size + DSIZE);
    if (asize < MINBLOCK)
        asize = MINBLOCK;
    if ((bp = find_fit(asize)) == NULL &&
        (bp = extend_heap(asize)) == NULL)
        return NULL;
    place(bp, asize);
    return bp;
}

void mm_free(void *ptr)
{
    size_t size;
    if (ptr == NULL)
        return;
    size = SIZE_AT(HDR(ptr));
    PUT(HDR(ptr), TAG(size, 0));
    PUT(FTR(ptr), TAG(size, 0));
    coalesce(ptr);
}

void *mm_realloc(void *ptr, size_t size)
{
    void *newptr;
    size_t copy;

    if (ptr == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    if ((newptr = mm_malloc(size)) == NULL)
        return NULL;
    copy = SIZE_AT(HDR(ptr)) - DSIZE;
    if (size < copy)
        copy = size;
    memcpy(newptr, ptr, copy);
    mm_free(ptr);
    return newptr;
}

/* Prints each problem it finds; the handout's driver never called it. */
void mm_checkheap(int verbose)
{
    void *bp;
    if (verbose)
        printf("Heap (%p):\n", heap_listp);
    for (bp = heap_listp; SIZE_AT(HDR(bp)) > 0; bp = NEXT(bp)) {
        if (GET(HDR(bp)) != GET(FTR(bp)))
            printf("Error: %p: header does not match footer\n", bp);
        if (!ALLOC_AT(HDR(bp)) && !ALLOC_AT(HDR(NEXT(bp))))
            printf("Error: %p: two free blocks in a row\n", bp);
    }
}
