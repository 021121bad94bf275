/*
 * explicit.c - a small, correct explicit-free-list allocator whose
 * mm_walk_heap reports each free block's next block in its list, so that
 * the viewer's free-list arrows can be tested (the reference mm.c keeps an
 * implicit list and reports none).
 *
 * Blocks are laid out as in mm.c (an 8-byte header and footer holding
 * size | allocated), after an 8-byte pad and a 16-byte prologue. Free
 * blocks form one LIFO list threaded through their payloads: a freed block
 * goes to the front, so list order runs against address order, which is
 * exactly what the arrows must show. No splitting, no coalescing: a block
 * is reused whole by a request it fits (first fit along the list).
 */
#include <stdint.h>
#include <string.h>

#include "config.h"
#include "memlib.h"
#include "mm.h"

typedef uint64_t word_t;

static const size_t wsize = sizeof(word_t);     /* a tag, in bytes */
static const size_t min_block = 2 * ALIGNMENT;  /* tags and a list link, in bytes */

static char *heap_start;        /* the prologue's header */
static char *free_head;         /* the first free block (its header), or NULL */

static size_t round_up(size_t n)
{
    return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
}

static size_t size_of(const char *b)
{
    return (size_t)(*(const word_t *)b & ~(word_t)7);
}

static void write_tags(char *b, size_t size, int allocated)
{
    *(word_t *)b = size | (word_t)allocated;
    *(word_t *)(b + size - wsize) = size | (word_t)allocated;
}

/* The next free block, kept in the first payload word of a free block. */
static char **link_of(char *b)
{
    return (char **)(b + wsize);
}

int mm_init(void)
{
    char *p = mem_sbrk((intptr_t)(ALIGNMENT - wsize + 3 * wsize));  /* pad, prologue, epilogue */
    if (p == (void *)-1)
        return -1;
    heap_start = p + ALIGNMENT - wsize;         /* so that payloads are aligned */
    write_tags(heap_start, 2 * wsize, 1);        /* the prologue */
    *(word_t *)(heap_start + 2 * wsize) = 1;     /* the epilogue */
    free_head = NULL;
    return 0;
}

void *mm_malloc(size_t size)
{
    if (size == 0 || size > SIZE_MAX / 2)
        return NULL;
    size_t need = round_up(size + 2 * wsize);
    if (need < min_block)
        need = min_block;
    for (char **at = &free_head; *at != NULL; at = link_of(*at)) {
        char *b = *at;
        if (size_of(b) >= need) {
            *at = *link_of(b);
            write_tags(b, size_of(b), 1);
            return b + wsize;
        }
    }
    char *p = mem_sbrk((intptr_t)need);
    if (p == (void *)-1)
        return NULL;
    char *b = p - wsize;                         /* over the old epilogue */
    write_tags(b, need, 1);
    *(word_t *)(b + need) = 1;                   /* the new epilogue */
    return b + wsize;
}

void mm_free(void *ptr)
{
    if (ptr == NULL)
        return;
    char *b = (char *)ptr - wsize;
    write_tags(b, size_of(b), 0);
    *link_of(b) = free_head;
    free_head = b;
}

void *mm_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    void *q = mm_malloc(size);
    if (q == NULL)
        return NULL;
    size_t old = size_of((char *)ptr - wsize) - 2 * wsize;
    memcpy(q, ptr, old < size ? old : size);
    mm_free(ptr);
    return q;
}

void mm_walk_heap(void (*visit)(void *ctx, const struct mm_block_info *info), void *ctx)
{
    if (heap_start == NULL)
        return;
    for (char *b = heap_start;; b += size_of(b)) {
        size_t size = size_of(b);
        bool allocated = *(word_t *)b & 1;
        struct mm_block_info info = {
            .block = b, .size = size, .allocated = allocated, .header = *(word_t *)b,
            .footer = size ? *(word_t *)(b + size - wsize) : 0, .has_footer = size > 0,
            .next_free = !allocated ? *link_of(b) : NULL,
        };
        visit(ctx, &info);
        if (size == 0)
            return;
    }
}
