/*
 * four-byte-links.c - an allocator written the way the 2002 handout's
 * students wrote them, for a 32-bit machine: 4-byte words (WSIZE), boundary
 * tags, and an explicit free list whose links are kept as `char *` in the
 * first two words of a free block's payload, one word each.
 *
 * Correct where pointers take 4 bytes (make BITS=32): every valid trace
 * passes. Where they take 8, the two links overlap each other, and in a
 * block of the minimum size the footer and the next block's header too, so
 * the free list turns to garbage at the first free: the driver must name
 * what goes wrong (a crash, damaged data, a broken heap) and survive it.
 * Not a planted bug: a 32-bit-only submission, as instructors bring them.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "memlib.h"
#include "mm.h"

/* The handout's macros, as its students kept them. */
#define WSIZE 4                     /* header, footer and link size (bytes) */
#define CHUNK 4096                  /* least the heap grows by (bytes) */
#define MINBLOCK (ALIGNMENT > 16 ? ALIGNMENT : 16)  /* header, two links, footer */

#define PACK(size, alloc) ((unsigned int)(size) | (alloc))
#define GET(p) (*(unsigned int *)(p))
#define PUT(p, val) (*(unsigned int *)(p) = (val))
#define GET_SIZE(p) (GET(p) & ~0x7u)
#define GET_ALLOC(p) (GET(p) & 0x1u)

#define HDRP(bp) ((char *)(bp) - WSIZE)
#define FTRP(bp) ((char *)(bp) + GET_SIZE(HDRP(bp)) - 2 * WSIZE)
#define NEXT_BLKP(bp) ((char *)(bp) + GET_SIZE(HDRP(bp)))
#define PREV_BLKP(bp) ((char *)(bp) - GET_SIZE((char *)(bp) - 2 * WSIZE))

/* The habit this file is here for: a link is one word. */
#define NEXT_FREE(bp) (*(char **)(bp))
#define PREV_FREE(bp) (*(char **)((char *)(bp) + WSIZE))

static char *heap_listp;    /* the prologue block's payload */
static char *free_listp;    /* the first free block; NULL: none */

static void insert_free(char *bp)
{
    NEXT_FREE(bp) = free_listp;
    PREV_FREE(bp) = NULL;
    if (free_listp != NULL)
        PREV_FREE(free_listp) = bp;
    free_listp = bp;
}

static void remove_free(char *bp)
{
    if (PREV_FREE(bp) != NULL)
        NEXT_FREE(PREV_FREE(bp)) = NEXT_FREE(bp);
    else
        free_listp = NEXT_FREE(bp);
    if (NEXT_FREE(bp) != NULL)
        PREV_FREE(NEXT_FREE(bp)) = PREV_FREE(bp);
}

/* bp is free and in no list: merge it with free neighbours, list it. */
static char *coalesce(char *bp)
{
    unsigned int prev_alloc = GET_ALLOC(bp - 2 * WSIZE);
    unsigned int next_alloc = GET_ALLOC(HDRP(NEXT_BLKP(bp)));
    size_t size = GET_SIZE(HDRP(bp));

    if (!next_alloc) {
        remove_free(NEXT_BLKP(bp));
        size += GET_SIZE(HDRP(NEXT_BLKP(bp)));
        PUT(HDRP(bp), PACK(size, 0));
        PUT(FTRP(bp), PACK(size, 0));
    }
    if (!prev_alloc) {
        bp = PREV_BLKP(bp);
        remove_free(bp);
        size += GET_SIZE(HDRP(bp));
        PUT(HDRP(bp), PACK(size, 0));
        PUT(FTRP(bp), PACK(size, 0));
    }
    insert_free(bp);
    return bp;
}

/* Grow the heap by size bytes (a multiple of ALIGNMENT) as one free block. */
static char *extend_heap(size_t size)
{
    char *bp = mem_sbrk((intptr_t)size);
    if (bp == (char *)-1)
        return NULL;
    PUT(HDRP(bp), PACK(size, 0));           /* the old epilogue's place */
    PUT(FTRP(bp), PACK(size, 0));
    PUT(HDRP(NEXT_BLKP(bp)), PACK(0, 1));   /* the new epilogue */
    return coalesce(bp);
}

static void place(char *bp, size_t asize)
{
    size_t csize = GET_SIZE(HDRP(bp));
    remove_free(bp);
    if (csize - asize >= MINBLOCK) {
        PUT(HDRP(bp), PACK(asize, 1));
        PUT(FTRP(bp), PACK(asize, 1));
        bp = NEXT_BLKP(bp);
        PUT(HDRP(bp), PACK(csize - asize, 0));
        PUT(FTRP(bp), PACK(csize - asize, 0));
        insert_free(bp);
    } else {
        PUT(HDRP(bp), PACK(csize, 1));
        PUT(FTRP(bp), PACK(csize, 1));
    }
}

int mm_init(void)
{
    /* Padding, then a prologue block of one alignment unit, so that every
     * payload after it is aligned; then the epilogue header. */
    char *p = mem_sbrk(2 * ALIGNMENT);
    if (p == (char *)-1)
        return -1;
    heap_listp = p + ALIGNMENT;
    PUT(HDRP(heap_listp), PACK(ALIGNMENT, 1));
    PUT(FTRP(heap_listp), PACK(ALIGNMENT, 1));
    PUT(HDRP(NEXT_BLKP(heap_listp)), PACK(0, 1));
    free_listp = NULL;
    return 0;
}

void *mm_malloc(size_t size)
{
    if (size == 0 || size > 0x7fffffffu - 2 * ALIGNMENT)
        return NULL;
    size_t asize = (size + 2 * WSIZE + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    if (asize < MINBLOCK)
        asize = MINBLOCK;
    for (char *bp = free_listp; bp != NULL; bp = NEXT_FREE(bp)) {
        if (GET_SIZE(HDRP(bp)) >= asize) {
            place(bp, asize);
            return bp;
        }
    }
    char *bp = extend_heap(asize > CHUNK ? asize : CHUNK);
    if (bp == NULL)
        return NULL;
    place(bp, asize);
    return bp;
}

void mm_free(void *ptr)
{
    if (ptr == NULL)
        return;
    size_t size = GET_SIZE(HDRP(ptr));
    PUT(HDRP(ptr), PACK(size, 0));
    PUT(FTRP(ptr), PACK(size, 0));
    coalesce(ptr);
}

void *mm_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    size_t old = GET_SIZE(HDRP(ptr)) - 2 * WSIZE;
    if (size <= old)
        return ptr;
    void *newp = mm_malloc(size);
    if (newp == NULL)
        return NULL;
    memcpy(newp, ptr, old);
    mm_free(ptr);
    return newp;
}

/* The blocks chain from the prologue to the epilogue with matching tags,
 * and the free list holds exactly the free blocks, each link inside the
 * heap. */
bool mm_checkheap(int lineno)
{
    char *lo = mem_heap_lo(), *hi = mem_heap_hi();
    size_t free_blocks = 0, listed = 0;
    char *bp;
    for (bp = NEXT_BLKP(heap_listp); GET_SIZE(HDRP(bp)) > 0; bp = NEXT_BLKP(bp)) {
        if (GET_SIZE(HDRP(bp)) > (size_t)(hi - bp) + 1 || GET(HDRP(bp)) != GET(FTRP(bp))) {
            fprintf(stderr, "mm_checkheap (line %d): block at heap+0x%zx: header and footer "
                    "should match\n", lineno, (size_t)(bp - lo));
            return false;
        }
        free_blocks += !GET_ALLOC(HDRP(bp));
    }
    for (bp = free_listp; bp != NULL; bp = NEXT_FREE(bp)) {
        if (bp < lo || bp > hi || ++listed > free_blocks || GET_ALLOC(HDRP(bp))) {
            fprintf(stderr, "mm_checkheap (line %d): free list: link %zu should name a "
                    "free block of the heap\n", lineno, listed);
            return false;
        }
    }
    if (listed != free_blocks) {
        fprintf(stderr, "mm_checkheap (line %d): %zu free blocks, %zu on the free list: "
                "they should be the same\n", lineno, free_blocks, listed);
        return false;
    }
    return true;
}
