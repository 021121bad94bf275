/*
 * base.h - the correct allocator every file in tests/broken/ starts from.
 *
 * A bump allocator: each block is taken from the top of the heap with
 * mem_sbrk and never reused. Blocks lie back to back:
 *
 *     | header (BASE_HEADER bytes)  | payload, rounded up to ALIGNMENT |
 *     | the size asked for          |                                  |
 *     ^ block pointer               ^ what mm_malloc returns
 *
 * The header holds the size, so that realloc knows how much to copy.
 * base_realloc moves every block, through the file's own mm_malloc and
 * mm_free, as a real allocator would: a broken mm_free is broken inside
 * realloc too, and a top-down mm_malloc places realloc'd blocks top-down.
 *
 * Each broken allocator includes this file, defines mm_init, mm_malloc,
 * mm_free and mm_realloc on top of these functions, and changes one
 * behaviour. The functions are static inline so that a file need not use
 * them all.
 */
#ifndef MALLOCLAB_BROKEN_BASE_H
#define MALLOCLAB_BROKEN_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "memlib.h"
#include "mm.h"

/* Header before each payload, in bytes: one ALIGNMENT unit, so that
 * payloads stay aligned (the heap starts on a page boundary). */
#define BASE_HEADER ((size_t)ALIGNMENT)

_Static_assert(BASE_HEADER >= sizeof(size_t), "the header holds a size_t");

static inline size_t base_round_up(size_t size)
{
    return (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
}

/* Bytes a block of `size` payload bytes takes, header included; a
 * malloc(0) block still gets one unit, so that its pointer is in the heap. */
static inline size_t base_block_size(size_t size)
{
    return BASE_HEADER + base_round_up(size ? size : 1);
}

/* The size asked for when the block at payload p was allocated. */
static inline size_t base_size(const void *p)
{
    size_t size;
    memcpy(&size, (const unsigned char *)p - BASE_HEADER, sizeof size);
    return size;
}

/* True when [p, p + n) lies inside the heap: lets a broken allocator
 * aim its bad write at a block, never at memory the driver watches past
 * the heap's end. */
static inline bool base_in_heap(const void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p;
    return a >= (uintptr_t)mem_heap_lo() && n <= mem_heapsize() &&
           a + n - 1 <= (uintptr_t)mem_heap_hi();
}

/* A heap checker for the files that define mm_checkheap: the headers,
 * walked from the heap's start, must chain block to block exactly up to
 * `end` (the break, for the bump allocator). Prints the first broken
 * invariant, with the caller's line, and returns false. */
static inline bool base_checkheap(int lineno, const void *end)
{
    const unsigned char *lo = mem_heap_lo(), *stop = end;
    for (const unsigned char *b = lo; b != stop;) {
        size_t size, left = (size_t)(stop - b);
        if (b > stop || left < BASE_HEADER) {
            fprintf(stderr, "base_checkheap (line %d): the header at heap+0x%zx runs past "
                    "the heap's end (heap+0x%zx): headers should chain up to it\n", lineno,
                    (size_t)(b - lo), (size_t)(stop - lo));
            return false;
        }
        memcpy(&size, b, sizeof size);
        if (size > left || base_block_size(size) > left) {
            fprintf(stderr, "base_checkheap (line %d): the block at heap+0x%zx says it holds "
                    "%zu bytes, which runs past the heap's end (heap+0x%zx): headers should "
                    "chain up to it\n", lineno, (size_t)(b - lo), size, (size_t)(stop - lo));
            return false;
        }
        b += base_block_size(size);
    }
    return true;
}

static inline int base_init(void)
{
    return 0;
}

static inline void *base_malloc(size_t size)
{
    size_t bytes = base_block_size(size);
    if (size > SIZE_MAX / 2 || bytes > (size_t)INTPTR_MAX)
        return NULL;
    unsigned char *block = mem_sbrk((intptr_t)bytes);
    if (block == (void *)-1)
        return NULL;
    memcpy(block, &size, sizeof size);
    return block + BASE_HEADER;
}

/* Nothing to do: a bump allocator never reuses a block. */
static inline void base_free(void *p)
{
    (void)p;
}

static inline void *base_realloc(void *p, size_t size)
{
    if (p == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(p);
        return NULL;
    }
    void *q = mm_malloc(size);
    if (q == NULL)
        return NULL;
    size_t old = base_size(p);
    memcpy(q, p, old < size ? old : size);
    mm_free(p);
    return q;
}

#endif /* MALLOCLAB_BROKEN_BASE_H */
