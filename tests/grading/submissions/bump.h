/*
 * bump.h - the correct allocator the grading tests' submissions start
 * from: a bump allocator. Each block is taken from the top of the heap with
 * mem_sbrk and never reused:
 *
 *     | header: the size asked for (ALIGNMENT bytes) | payload, rounded up |
 *                                                     ^ what mm_malloc returns
 *
 * The grading script takes one file per submission, so test_grading.sh
 * makes each submission by writing this file and then one of the others
 * in this folder.
 */
#ifndef MALLOCLAB_TESTS_BUMP_H
#define MALLOCLAB_TESTS_BUMP_H

#include <stdint.h>
#include <string.h>

#include "config.h"
#include "memlib.h"
#include "mm.h"

/* Bytes before each payload: one ALIGNMENT unit keeps payloads aligned. */
#define BUMP_HEADER ((size_t)ALIGNMENT)

static inline void *bump_malloc(size_t size)
{
    size_t payload = (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    if (size > SIZE_MAX / 2)
        return NULL;
    unsigned char *block = mem_sbrk((intptr_t)(BUMP_HEADER + (payload ? payload : ALIGNMENT)));
    if (block == (void *)-1)
        return NULL;
    memcpy(block, &size, sizeof size);
    return block + BUMP_HEADER;
}

static inline void *bump_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    void *q = mm_malloc(size);
    if (q != NULL) {
        size_t old;
        memcpy(&old, (unsigned char *)ptr - BUMP_HEADER, sizeof old);
        memcpy(q, ptr, old < size ? old : size);
        mm_free(ptr);
    }
    return q;
}

#endif /* MALLOCLAB_TESTS_BUMP_H */
