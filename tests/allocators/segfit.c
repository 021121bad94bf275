/*
 * segfit.c - a fast allocator for measuring how repeatable grades are
 * (bench/repeat.sh): segregated free lists with boundary tags.
 *
 *   block:  | header: size | alloc | payload ...             | footer |
 *   free:   | header       | next  | prev  | ...             | footer |
 *
 * Free blocks sit in one of NUM_CLASSES doubly linked lists by size (class
 * i holds sizes up to 32 << i, the last one the rest), newest first; the
 * list heads live at the heap's start, so the global data is one pointer.
 * malloc takes a fit from the request's class or the next larger one;
 * free merges with free neighbours at once; realloc grows in place into a
 * free neighbour or at the heap's end. It is not part of the lab: a
 * submission of the kind a good student hands in, written for the bench.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "config.h"
#include "memlib.h"
#include "mm.h"

typedef uint64_t word_t;

enum { NUM_CLASSES = 14 };
static const size_t wsize = sizeof(word_t);       /* a tag, in bytes */
static const size_t min_block = 32;                 /* tags and two links, in bytes */
static const size_t align = 16;                     /* payload alignment, in bytes */

_Static_assert(ALIGNMENT <= 16 && 16 % ALIGNMENT == 0, "segfit aligns payloads to 16 bytes");

static char **heads;        /* NUM_CLASSES list heads, at the heap's start */

static inline word_t get(const char *p) { word_t w; memcpy(&w, p, sizeof w); return w; }
static inline void put(char *p, word_t w) { memcpy(p, &w, sizeof w); }
static inline size_t size_of(const char *b) { return (size_t)(get(b) & ~(word_t)0xf); }
static inline bool is_alloc(const char *b) { return get(b) & 1; }
static inline char *next_block(char *b) { return b + size_of(b); }
static inline char *prev_block(char *b) { return b - (size_t)(get(b - wsize) & ~(word_t)0xf); }
static inline char **next_link(char *b) { return (char **)(b + wsize); }
static inline char **prev_link(char *b) { return (char **)(b + 2 * wsize); }
static inline char *epilogue(void) { return (char *)mem_heap_hi() + 1 - wsize; }

static inline void set_block(char *b, size_t size, bool alloc)
{
    put(b, (word_t)size | alloc);
    put(b + size - wsize, (word_t)size | alloc);
}

static inline int class_of(size_t size)
{
    int c = 0;
    while (c < NUM_CLASSES - 1 && size > (min_block << c))
        c++;
    return c;
}

static void insert(char *b)
{
    int c = class_of(size_of(b));
    *next_link(b) = heads[c];
    *prev_link(b) = NULL;
    if (heads[c] != NULL)
        *prev_link(heads[c]) = b;
    heads[c] = b;
}

static void unlink_block(char *b)
{
    char *next = *next_link(b), *prev = *prev_link(b);
    if (prev != NULL)
        *next_link(prev) = next;
    else
        heads[class_of(size_of(b))] = next;
    if (next != NULL)
        *prev_link(next) = prev;
}

/* Merge the free block b (in no list) with its free neighbours; list it. */
static char *coalesce(char *b)
{
    size_t size = size_of(b);
    char *next = next_block(b);
    if (!is_alloc(next)) {
        unlink_block(next);
        size += size_of(next);
    }
    if (!is_alloc(b - wsize)) {
        char *prev = prev_block(b);
        unlink_block(prev);
        size += size_of(prev);
        b = prev;
    }
    set_block(b, size, false);
    insert(b);
    return b;
}

/* Make b (in no list, `size` bytes) allocated with asize bytes; free the rest. */
static void place(char *b, size_t size, size_t asize)
{
    if (size - asize >= min_block) {
        set_block(b, asize, true);
        set_block(b + asize, size - asize, false);
        coalesce(b + asize);
    } else {
        set_block(b, size, true);
    }
}

/* Grow the heap by `bytes` (a multiple of 16): a free block, merged. */
static char *extend(size_t bytes)
{
    char *p = mem_sbrk((intptr_t)bytes);
    if (p == (void *)-1)
        return NULL;
    char *b = p - wsize;                /* the old epilogue's word */
    set_block(b, bytes, false);
    put(next_block(b), 1);              /* the new epilogue */
    return coalesce(b);
}

/* The first fit among the first few blocks of the request's class, else
 * the head of the next non-empty class (all of whose blocks fit), else
 * the first fit in the last class, which has no upper bound. */
static char *find_fit(size_t asize)
{
    enum { LOOK = 8 };          /* blocks tried in the request's own class */
    int c = class_of(asize);
    int tries = 0;
    for (char *b = heads[c]; b != NULL && tries < LOOK; b = *next_link(b), tries++)
        if (size_of(b) >= asize)
            return b;
    for (c++; c < NUM_CLASSES - 1; c++)
        if (heads[c] != NULL)
            return heads[c];
    for (char *b = heads[NUM_CLASSES - 1]; b != NULL; b = *next_link(b))
        if (size_of(b) >= asize)
            return b;
    return NULL;
}

static size_t adjust(size_t size)
{
    size_t asize = (size + 2 * wsize + align - 1) / align * align;
    return asize < min_block ? min_block : asize;
}

int mm_init(void)
{
    char *start = mem_sbrk(0);
    if (start == (void *)-1)
        return -1;
    size_t lists = NUM_CLASSES * sizeof(char *);
    /* The first block's payload (after the lists, the pad, the prologue's
     * two tags and its own header) falls on a 16-byte boundary. */
    size_t pad = (align - ((uintptr_t)start + lists + 3 * wsize) % align) % align;
    if (mem_sbrk((intptr_t)(lists + pad + 3 * wsize)) == (void *)-1)
        return -1;
    heads = (char **)start;
    memset(heads, 0, lists);
    char *prologue = start + lists + pad;
    set_block(prologue, 2 * wsize, true);
    put(prologue + 2 * wsize, 1);       /* the epilogue */
    return 0;
}

void *mm_malloc(size_t size)
{
    if (size == 0 || size > SIZE_MAX / 4)
        return NULL;
    size_t asize = adjust(size);
    char *b = find_fit(asize);
    if (b == NULL) {
        char *last = epilogue();
        size_t have = is_alloc(last - wsize) ? 0 : size_of(prev_block(last));
        if ((b = extend(asize - have)) == NULL)
            return NULL;
    }
    unlink_block(b);
    place(b, size_of(b), asize);
    return b + wsize;
}

void mm_free(void *ptr)
{
    if (ptr == NULL)
        return;
    char *b = (char *)ptr - wsize;
    set_block(b, size_of(b), false);
    coalesce(b);
}

void *mm_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    if (size > SIZE_MAX / 4)
        return NULL;
    char *b = (char *)ptr - wsize;
    size_t asize = adjust(size), have = size_of(b);
    if (asize <= have) {
        place(b, have, asize);
        return ptr;
    }
    char *next = next_block(b);
    size_t room = have + (is_alloc(next) ? 0 : size_of(next));
    bool at_end = (is_alloc(next) ? next : next_block(next)) == epilogue();
    if (room < asize && at_end) {
        char *p = mem_sbrk((intptr_t)(asize - room));
        if (p == (void *)-1)
            return NULL;
        put(p + (asize - room) - wsize, 1);     /* the new epilogue */
        room = asize;
    }
    if (room >= asize) {
        if (!is_alloc(next))
            unlink_block(next);
        place(b, room, asize);
        return ptr;
    }
    void *moved = mm_malloc(size);
    if (moved == NULL)
        return NULL;
    memcpy(moved, ptr, have - 2 * wsize);
    mm_free(ptr);
    return moved;
}

void *mm_calloc(size_t nmemb, size_t size)
{
    if (nmemb == 0 || size > SIZE_MAX / nmemb)
        return NULL;
    void *p = mm_malloc(nmemb * size);
    if (p != NULL)
        memset(p, 0, nmemb * size);
    return p;
}
