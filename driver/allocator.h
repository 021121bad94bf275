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
#include <stdio.h>

#include "mm.h"
#include "eras/interface.h"

struct allocator {
    const char *name;          /* "mm" or "libc", for messages */
    bool simulated;            /* lives in memlib's heap: heap bounds and utilization apply */
    const struct mm_interface *interface;  /* the interface mm.c was written for (mm only) */
    size_t alignment;          /* bytes every payload must be a multiple of */
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

/* Bytes the simulated heap may grow to, by default: the interface's
 * driver's limit, or MAX_HEAP (config.h). */
size_t allocator_max_heap(const struct allocator *a);

/* One line naming the interface mm.c was written for and its rules:
 * mdriver -V's first line. */
void allocator_describe(FILE *out, const struct allocator *a);

/* Say once, on stderr, what -c (check_heap) or -p (policies) cannot do on
 * mm.c's interface. Returns true when the interface is another era's, whose
 * missing functions are noted and skipped; false for the lab's own, whose
 * missing functions are the caller's to refuse. */
bool allocator_lacks(const struct allocator *a, bool check_heap, bool policies);

#endif /* MALLOCLAB_ALLOCATOR_H */
