/*
 * mm-naive.c - the naive starter: a bump allocator. Every block is new
 * memory from the top of the heap, and nothing is ever reused:
 *
 *   +-----------------------------+--------------------------+
 *   | header: the payload's size  | payload, rounded up      |
 *   +-----------------------------+--------------------------+
 *   |<------ ALIGNMENT bytes ---->|
 *                                 ^ what mm_malloc returns
 *
 * It passes every trace and scores poorly on utilization: mm_free does
 * nothing, so the heap only grows. `make handout STARTER=naive` hands it
 * out as mm.c.
 */
#include "mm.h"

#include <stdint.h>
#include <string.h>

#include "config.h"
#include "memlib.h"

/* The header, in bytes: one alignment unit keeps every payload aligned. */
static const size_t header_size = ALIGNMENT;

/* Requests above this many bytes fail at once, keeping sizes below SIZE_MAX. */
static const size_t max_request = SIZE_MAX / 2;

int mm_init(void)
{
    /* Pad the break to an alignment boundary past one header, so that the
     * first payload (and so every payload) is aligned. */
    char *brk = mem_sbrk(0);
    if (brk == (void *)-1)
        return -1;
    size_t pad = (ALIGNMENT - (uintptr_t)brk % ALIGNMENT) % ALIGNMENT;
    return pad == 0 || mem_sbrk((intptr_t)pad) != (void *)-1 ? 0 : -1;
}

void *mm_malloc(size_t size)
{
    if (size == 0 || size > max_request)
        return NULL;
    size_t payload = (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    char *block = mem_sbrk((intptr_t)(header_size + payload));
    if (block == (void *)-1)
        return NULL;
    memcpy(block, &size, sizeof size);
    return block + header_size;
}

void mm_free(void *ptr)
{
    (void)ptr;      /* never reused */
}

void *mm_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    void *moved = mm_malloc(size);
    if (moved == NULL)
        return NULL;    /* the old block stays as it was */
    size_t old;
    memcpy(&old, (char *)ptr - header_size, sizeof old);
    memcpy(moved, ptr, old < size ? old : size);
    mm_free(ptr);
    return moved;
}

void *mm_calloc(size_t nmemb, size_t size)
{
    if (nmemb == 0 || size > SIZE_MAX / nmemb)
        return NULL;
    void *ptr = mm_malloc(nmemb * size);
    if (ptr != NULL)
        memset(ptr, 0, nmemb * size);   /* mem_sbrk's memory may be reused pages */
    return ptr;
}
