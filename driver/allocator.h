/*
 * allocator.h - the allocators the driver can replay a trace against:
 * the student's mm.c, or the C library's malloc as a reference.
 *
 * Both are reached through one table of functions, so the checked and the
 * timed replays do not care which one they run. mm.c's optional functions
 * (mm.h) are NULL here when mm.c does not define them.
 */
#ifndef MALLOCLAB_ALLOCATOR_H
#define MALLOCLAB_ALLOCATOR_H

#include <stdbool.h>
#include <stddef.h>

#include "mm.h"

struct allocator {
    const char *name;          /* "mm" or "libc", for messages */
    bool simulated;            /* lives in memlib's heap: heap bounds and utilization apply */
    int (*init)(void);         /* 0 on success */
    void *(*malloc)(size_t);
    void (*free)(void *);
    void *(*realloc)(void *, size_t);
    bool (*checkheap)(int);    /* optional: NULL when absent */
    int (*set_placement)(const char *);  /* optional: NULL when absent */
    void (*walk_heap)(void (*visit)(void *ctx, const struct mm_block_info *info), void *ctx);
                               /* optional: NULL when absent */
};

/* The student's allocator, mm.c. */
const struct allocator *allocator_mm(void);

/* The C library's malloc, tuned so that it keeps freed memory between
 * replays (see allocator.c). */
const struct allocator *allocator_libc(void);

#endif /* MALLOCLAB_ALLOCATOR_H */
