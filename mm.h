/*
 * mm.h - the interface between the driver and a student's allocator.
 *
 * The first four functions are the classic CS:APP interface; every mm.c
 * must define them. The rest are optional: the reference mm.c defines them,
 * and the driver uses them when they are present (and says so plainly when
 * a command-line flag needs one that is missing).
 */
#ifndef MALLOCLAB_MM_H
#define MALLOCLAB_MM_H

#include <stdbool.h>
#include <stddef.h>

/* ---- Required ---------------------------------------------------------- */

/* Set up an empty heap; 0 on success, -1 on error. Called before each
 * replay of a trace, after the driver has emptied the heap. */
int mm_init(void);

/* A pointer to at least `size` bytes aligned to ALIGNMENT, or NULL. */
void *mm_malloc(size_t size);

/* Release a block from mm_malloc, mm_calloc or mm_realloc; NULL is a no-op. */
void mm_free(void *ptr);

/* Resize a block, keeping its first min(old, new) bytes. ptr == NULL acts
 * as mm_malloc(size); size == 0 acts as mm_free(ptr) and returns NULL. */
void *mm_realloc(void *ptr, size_t size);

/* ---- Optional ---------------------------------------------------------- */

/* nmemb * size zeroed bytes, or NULL (also when the product overflows). */
void *mm_calloc(size_t nmemb, size_t size);

/* Check every heap invariant; on the first violation print which one, where,
 * and the caller's line (`lineno`, usually __LINE__), and return false. */
bool mm_checkheap(int lineno);

/* Choose the placement policy: "first", "next" or "best".
 * 0 on success, -1 for a name the allocator does not know. */
int mm_set_placement(const char *name);

/* One block as the allocator sees it, for mm_walk_heap. */
struct mm_block_info {
    const void *block;          /* the block's first byte (its header) */
    size_t size;                /* bytes, header and footer included */
    bool allocated;
    unsigned long long header;  /* the header word as stored */
    unsigned long long footer;  /* the footer word as stored */
    bool has_footer;            /* false where the block keeps no footer */
    const void *next_free;      /* optional, for a free block: the next block (its
                                   header) of its free list; NULL at a list's end, or
                                   where the allocator keeps no list (implicit lists) */
};

/* Call visit(ctx, &info) for every block of the heap, in address order.
 * `mdriver -d` and `-x` use it to show the allocator's view of the heap
 * next to the driver's; `-F` to split the heap into payload, internal and
 * external fragmentation; `-H` to draw it (and its free lists, when blocks
 * report next_free). */
void mm_walk_heap(void (*visit)(void *ctx, const struct mm_block_info *info), void *ctx);

#endif /* MALLOCLAB_MM_H */
