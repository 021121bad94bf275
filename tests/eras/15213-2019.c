/**
 * @file mm.c
 * @brief A submission for CMU 15-213 from 2017 on, written the way its
 * students wrote them: a block_t struct with small helpers, bool mm_init
 * and mm_checkheap, dbg_ contracts, mem_memset and mem_memcpy; 8-byte
 * tags, 16-byte alignment.
 *
 * An implicit free list with boundary tags: first fit, blocks split when
 * the rest can stand alone, freed blocks coalesced at once, the heap grown
 * by exactly the block that did not fit. realloc allocates, copies and
 * frees. (A fixture of malloclab's tests/test_eras.sh.)
 */
#include <assert.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memlib.h"
#include "mm.h"

#ifdef DRIVER
#define malloc mm_malloc
#define free mm_free
#define realloc mm_realloc
#define calloc mm_calloc
#endif

#ifdef DEBUG
#define dbg_printf(...) printf(__VA_ARGS__)
#define dbg_assert(expr) assert(expr)
#else
#define dbg_printf(...) ((void)0)
#define dbg_assert(expr) ((void)0)
#endif

typedef uint64_t word_t;

static const size_t wsize = sizeof(word_t);     /* tag size (bytes) */
static const size_t dsize = 2 * sizeof(word_t); /* alignment (bytes) */
static const size_t min_block_size = 2 * dsize; /* smallest block (bytes) */
static const word_t alloc_mask = 0x1;
static const word_t size_mask = ~(word_t)0xF;

typedef struct block {
    word_t header;
    unsigned char payload[];
} block_t;

static block_t *heap_start = NULL;

static size_t round_up(size_t size, size_t n) { return n * ((size + (n - 1)) / n); }
static word_t pack(size_t size, bool alloc) { return size | (alloc ? alloc_mask : 0); }
static size_t extract_size(word_t word) { return word & size_mask; }
static size_t get_size(block_t *block) { return extract_size(block->header); }
static bool extract_alloc(word_t word) { return word & alloc_mask; }
static bool get_alloc(block_t *block) { return extract_alloc(block->header); }
static block_t *payload_to_header(void *bp)
{
    return (block_t *)((char *)bp - offsetof(block_t, payload));
}
static void *header_to_payload(block_t *block) { return block->payload; }
static word_t *header_to_footer(block_t *block)
{
    return (word_t *)(block->payload + get_size(block) - dsize);
}
static block_t *footer_to_header(word_t *footer)
{
    return (block_t *)((char *)footer + wsize - extract_size(*footer));
}
static block_t *find_next(block_t *block)
{
    return (block_t *)((char *)block + get_size(block));
}
static block_t *find_prev(block_t *block)
{
    return footer_to_header((word_t *)block - 1);
}

static void write_block(block_t *block, size_t size, bool alloc)
{
    block->header = pack(size, alloc);
    *header_to_footer(block) = pack(size, alloc);
}

static block_t *coalesce_block(block_t *block)
{
    block_t *next = find_next(block);
    block_t *prev = find_prev(block);
    size_t size = get_size(block);
    if (!get_alloc(next)) {
        size += get_size(next);
        write_block(block, size, false);
    }
    if (!get_alloc(prev)) {
        size += get_size(prev);
        write_block(prev, size, false);
        block = prev;
    }
    return block;
}

static block_t *extend_heap(size_t size)
{
    void *bp = mem_sbrk((intptr_t)size);
    if (bp == (void *)-1)
        return NULL;
    block_t *block = payload_to_header(bp);     /* over the old epilogue */
    write_block(block, size, false);
    find_next(block)->header = pack(0, true);   /* the new epilogue */
    return coalesce_block(block);
}

static void split_block(block_t *block, size_t asize)
{
    size_t block_size = get_size(block);
    if (block_size - asize >= min_block_size) {
        write_block(block, asize, true);
        write_block(find_next(block), block_size - asize, false);
    } else {
        write_block(block, block_size, true);
    }
}

static block_t *find_fit(size_t asize)
{
    for (block_t *block = heap_start; get_size(block) > 0; block = find_next(block))
        if (!get_alloc(block) && asize <= get_size(block))
            return block;
    return NULL;
}

bool mm_init(void)
{
    word_t *start = mem_sbrk((intptr_t)(4 * wsize));
    if (start == (void *)-1)
        return false;
    start[0] = 0;                           /* pad */
    start[1] = pack(dsize, true);           /* prologue header */
    start[2] = pack(dsize, true);           /* prologue footer */
    start[3] = pack(0, true);               /* epilogue */
    heap_start = (block_t *)&start[3];
    return true;
}

void *malloc(size_t size)
{
    dbg_assert(mm_checkheap(__LINE__));
    if (size == 0)
        return NULL;
    size_t asize = round_up(size + dsize, dsize);
    if (asize < min_block_size)
        asize = min_block_size;
    block_t *block = find_fit(asize);
    if (block == NULL && (block = extend_heap(asize)) == NULL)
        return NULL;
    split_block(block, asize);
    dbg_printf("malloc(%zu) = %p\n", size, header_to_payload(block));
    return header_to_payload(block);
}

void free(void *bp)
{
    if (bp == NULL)
        return;
    block_t *block = payload_to_header(bp);
    write_block(block, get_size(block), false);
    coalesce_block(block);
}

void *realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return malloc(size);
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    void *newptr = malloc(size);
    if (newptr == NULL)
        return NULL;
    size_t copysize = get_size(payload_to_header(ptr)) - dsize;
    mem_memcpy(newptr, ptr, size < copysize ? size : copysize);
    free(ptr);
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
    if (heap_start == NULL)
        return true;
    block_t *prologue = find_prev(heap_start);
    if (prologue->header != pack(dsize, true)) {
        dbg_printf("line %d: bad prologue\n", line);
        return false;
    }
    for (block_t *block = heap_start; get_size(block) > 0; block = find_next(block)) {
        if ((uintptr_t)header_to_payload(block) % dsize != 0) {
            printf("mm_checkheap (line %d): payload %p not aligned\n", line,
                   header_to_payload(block));
            return false;
        }
        if (block->header != *header_to_footer(block)) {
            printf("mm_checkheap (line %d): block %p: header does not match footer\n", line,
                   (void *)block);
            return false;
        }
        if (!get_alloc(block) && !get_alloc(find_next(block))) {
            printf("mm_checkheap (line %d): block %p: two free blocks in a row\n", line,
                   (void *)block);
            return false;
        }
    }
    return true;
}
