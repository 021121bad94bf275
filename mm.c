/*
 * mm.c - the reference allocator: an implicit free list with boundary tags.
 *
 * Every block, free or allocated, records its size and an allocated bit in
 * a header word before its payload and again in a footer word after it.
 * mm_malloc walks the blocks in address order for a free one that fits
 * (first, next or best fit, chosen at run time), splits off the part it
 * does not need, and when nothing fits grows the heap only by what is
 * missing. mm_free merges the block with its free neighbours at once,
 * finding them through their tags, so no two free blocks ever touch.
 * mm_realloc keeps a block where it is when it can: shrinking splits it,
 * growing takes in a free block after it or new space at the heap's end.
 *
 * ---- A block ------------------------------------------------------------
 *
 *   block pointer           payload pointer (what mm_malloc returns)
 *   |                       |
 *   v                       v
 *   +-----------------------+---------------------------+-----------------+
 *   | header: size | alloc  | payload, then any padding | footer = header |
 *   +-----------------------+---------------------------+-----------------+
 *   |<------ 8 bytes ------>|                           |<--- 8 bytes --->|
 *   |<---------- size: the whole block, a multiple of ALIGNMENT ---------->|
 *
 * Sizes are multiples of 8, so the low three bits of a tag are always zero
 * in the size; bit 0 holds the allocated bit. A free block looks the same:
 * its payload is simply unused.
 *
 * ---- The heap -----------------------------------------------------------
 *
 *   mem_heap_lo()                                            mem_heap_hi()
 *   |                                                                    |
 *   v                                                                    v
 *   +-----+----------+----------+---------+- ... -+---------+------------+
 *   | pad | 16 | 1   | 16 | 1   | block 1 |       | block n | 0 | 1      |
 *   +-----+----------+----------+---------+- ... -+---------+------------+
 *         |<----- prologue ---->|                           |<-epilogue->|
 *
 * The prologue (an allocated block that is only a header and a footer) and
 * the epilogue (an allocated header of size 0, the heap's last word) are
 * sentinels: every real block has a neighbour on each side, so coalescing
 * never tests for the ends of the heap. The pad (0 to ALIGNMENT - 8 bytes)
 * puts block 1's payload on an ALIGNMENT boundary; since every block size
 * is a multiple of ALIGNMENT, every later payload is aligned too. Growing
 * the heap writes a new epilogue into the new last word; the new space,
 * from the old epilogue's word on, joins the block before it (a free block
 * at the end of the heap, or a block realloc is growing) or, after an
 * allocated block, becomes a block of its own.
 *
 * ---- Vital statistics (at the default ALIGNMENT of 16) ------------------
 *
 *   alignment        16 bytes (ALIGNMENT in config.h; 8 and 32 work too)
 *   overhead         16 bytes a block (header and footer), and 32 bytes a
 *                    heap (pad, prologue and epilogue)
 *   minimum block    32 bytes: the tags and one payload byte, rounded up
 *   mm_malloc(n)     a block of max(32, round_up(n + 16, 16)) bytes
 *   heap growth      what is missing; for mm_malloc at least
 *                    MIN_HEAP_GROWTH bytes (config.h)
 *   largest request  what the arena can hold; bigger ones (and any above
 *                    SIZE_MAX / 2) return NULL
 *
 * ---- Glossary -----------------------------------------------------------
 *
 *   block            a header, a payload and a footer (block_t)
 *   block pointer    the address of a block's header (block_t *)
 *   payload pointer  the block pointer plus 8: what mm_malloc returns and
 *                    mm_free takes
 *   size             a block's size in bytes, tags included
 *   asize            "adjusted size": the block size a request needs
 *   split            cut a block in two: an allocated front, a free rest
 *   coalesce         merge a free block with its free neighbours
 *   rover            the block where next fit starts its search
 *   free_bound       a size no free block exceeds; a request above it
 *                    skips the walk and grows the heap at once
 *
 * ---- Invariants (mm_checkheap checks them, in this order) ---------------
 *
 *   1. prologue intact: header and footer both hold 16 | allocated.
 *   2. block inside the heap: each block ends before the epilogue.
 *   3. size a multiple of the alignment (ALIGNMENT).
 *   4. size at least the minimum block size.
 *   5. payload aligned to ALIGNMENT.
 *   6. header equals footer.
 *   7. no two adjacent free blocks: coalescing is immediate.
 *   8. the walk ends exactly at the epilogue: the first header of size 0
 *      is allocated and is the heap's last word.
 *   9. the rover points at a block start (a block's header or the
 *      epilogue), never inside a block.
 *  10. no free block is larger than free_bound, which lets mm_malloc skip
 *      a walk that cannot find a fit (see find_fit).
 *
 * The rover rule (invariant 9): splitting only adds block starts, so it
 * cannot break the rule; merging removes them, so every merge (coalescing,
 * realloc taking over its neighbour, new heap space joining the block
 * before it) moves a rover that pointed at an absorbed block start (the
 * old epilogue counts) to the start of the merged block.
 *
 * ---- For readers of CS:APP ----------------------------------------------
 *
 * The textbook's macros take a payload pointer (bp); the helpers here take
 * a block pointer, and name the direction of each conversion.
 *
 *   textbook            here
 *   WSIZE, DSIZE        wsize, dsize
 *   CHUNKSIZE           min_growth (MIN_HEAP_GROWTH in config.h)
 *   PACK(size, alloc)   pack(size, alloc)
 *   GET(p), PUT(p, v)   plain word_t reads and writes: block->header,
 *                       *header_to_footer(block), write_block()
 *   GET_SIZE(p)         extract_size(word), get_size(block)
 *   GET_ALLOC(p)        extract_alloc(word), get_alloc(block)
 *   HDRP(bp)            payload_to_header(bp)
 *   FTRP(bp)            header_to_footer(block)
 *   NEXT_BLKP(bp)       find_next(block)
 *   PREV_BLKP(bp)       find_prev(block)
 *   bp                  header_to_payload(block)
 *
 * ---- The skeleton ---------------------------------------------------------
 *
 * `make handout STARTER=skeleton` hands out this file with its solution
 * parts cut out: each body between a "skeleton:cut" comment and its
 * "skeleton:put" comment becomes that comment's "to write" note and the
 * put statement, a safe value to return; "skeleton:add" code is what only
 * the skeleton has. Everything else (this note, the types, the helpers,
 * the checker) stays as it is here.
 */
#include "mm.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "memlib.h"

/* ---- Contracts ----------------------------------------------------------
 *
 * dbg_requires (what a function needs), dbg_assert (what holds midway) and
 * dbg_ensures (what it promises) are checked only when DEBUG is defined, as
 * in mdriver-dbg; otherwise they compile to nothing and their argument is
 * not evaluated. They check cheap local facts: the debug driver already
 * runs mm_checkheap after every operation.
 */
#ifdef DEBUG
#include <assert.h>
#define dbg_requires(expr) assert(expr)
#define dbg_assert(expr) assert(expr)
#define dbg_ensures(expr) assert(expr)
#else
#define dbg_requires(expr) ((void)sizeof(expr))
#define dbg_assert(expr) ((void)sizeof(expr))
#define dbg_ensures(expr) ((void)sizeof(expr))
#endif

/* ---- Types and constants ------------------------------------------------ */

/* A header or footer: a block's size with the allocated bit in bit 0. */
typedef uint64_t word_t;

typedef struct block {
    word_t header;
    unsigned char payload[];    /* the payload starts right after the header */
} block_t;

/* Do not modify: these follow from the block layout. */
static const size_t wsize = sizeof(word_t);         /* a tag, in bytes */
static const size_t dsize = 2 * sizeof(word_t);     /* both tags, in bytes */
static const word_t alloc_mask = 0x1;               /* the allocated bit */
static const word_t size_mask = ~(word_t)0x7;       /* the size bits */

/* The smallest block: both tags and one payload byte, rounded up to the
 * alignment, in bytes. A smaller free piece could never serve a request,
 * so it is left inside the allocated block instead of being split off. */
static const size_t min_block_size =
    (2 * sizeof(word_t) + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;

/* Requests above this many bytes fail at once: no arena could hold them,
 * and refusing them first keeps every size computation below SIZE_MAX. */
static const size_t max_request = SIZE_MAX / 2;

/* May be modified through config.h: the smallest heap growth, in bytes,
 * rounded up to the alignment so that block sizes stay multiples of it. */
static const size_t min_growth =
    ((size_t)MIN_HEAP_GROWTH + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;

_Static_assert((ALIGNMENT & (ALIGNMENT - 1)) == 0,
               "ALIGNMENT must be a power of two");
_Static_assert(ALIGNMENT >= 8,
               "ALIGNMENT must be at least 8: sizes keep flags in 3 low bits");
_Static_assert(sizeof(size_t) <= sizeof(word_t),
               "a tag must hold any block size");
_Static_assert(offsetof(block_t, payload) == sizeof(word_t),
               "the payload must start right after the header");
_Static_assert(MIN_HEAP_GROWTH >= 0, "MIN_HEAP_GROWTH is a byte count");

/* Placement policies, one function each (see "Placement" below). */
enum placement {
    PLACE_UNCHOSEN,     /* mm_init picks DEFAULT_PLACEMENT */
    PLACE_FIRST,
    PLACE_NEXT,
    PLACE_BEST,
};

/* ---- Global state (a few words only) ------------------------------------ */

static block_t *prologue;           /* the prologue block; NULL before mm_init */
static block_t *rover;              /* where next fit starts (invariant 9) */
static size_t free_bound;           /* no free block is larger (invariant 10) */
static enum placement placement;    /* kept across mm_init */

/* skeleton:add - Only in the skeleton: names, once per trace, the first
 * part still to write, so that the first failure points at it.
static bool told;

static void todo(const char *part)
{
    if (!told)
        fprintf(stderr, "mm.c: %s() is still to write (see its \"To write\" note)\n", part);
    told = true;
}
skeleton:end */

/* ---- Block helpers ------------------------------------------------------ */

static inline size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

static inline size_t round_up(size_t size, size_t n)
{
    return (size + n - 1) / n * n;
}

/* A tag holding `size` and the allocated bit. */
static inline word_t pack(size_t size, bool alloc)
{
    dbg_requires((size & ~size_mask) == 0);
    return (word_t)size | (alloc ? alloc_mask : 0);
}

static inline size_t extract_size(word_t word)
{
    return (size_t)(word & size_mask);
}

static inline bool extract_alloc(word_t word)
{
    return (word & alloc_mask) != 0;
}

static inline size_t get_size(const block_t *block)
{
    return extract_size(block->header);
}

static inline bool get_alloc(const block_t *block)
{
    return extract_alloc(block->header);
}

/* Bytes of payload a block can hold. */
static inline size_t get_payload_size(const block_t *block)
{
    return get_size(block) - dsize;
}

static inline void *header_to_payload(block_t *block)
{
    return block->payload;
}

static inline block_t *payload_to_header(void *payload)
{
    return (block_t *)((char *)payload - offsetof(block_t, payload));
}

/* The footer, found through the size in the header. */
static inline word_t *header_to_footer(block_t *block)
{
    dbg_requires(get_size(block) >= dsize);
    return (word_t *)((char *)block + get_size(block) - wsize);
}

/* The block whose footer is `footer`, found through the size in it. */
static inline block_t *footer_to_header(word_t *footer)
{
    return (block_t *)((char *)footer + wsize - extract_size(*footer));
}

/* The epilogue has size 0; no other block does. */
static inline bool is_epilogue(const block_t *block)
{
    return get_size(block) == 0;
}

static inline block_t *find_next(block_t *block)
{
    dbg_requires(!is_epilogue(block));
    return (block_t *)((char *)block + get_size(block));
}

/* The block before, through its footer: the word just before our header. */
static inline block_t *find_prev(block_t *block)
{
    return footer_to_header((word_t *)block - 1);
}

/* Write both tags of a block of `size` bytes starting at `block`. */
static inline void write_block(block_t *block, size_t size, bool alloc)
{
    dbg_requires(size >= min_block_size && size % ALIGNMENT == 0);
    block->header = pack(size, alloc);
    *header_to_footer(block) = pack(size, alloc);
}

static inline void write_epilogue(block_t *block)
{
    block->header = pack(0, true);
}

static inline block_t *first_block(void)
{
    return find_next(prologue);
}

/* The epilogue: the heap's last word. */
static inline block_t *epilogue_block(void)
{
    return (block_t *)((char *)mem_heap_hi() + 1 - wsize);
}

/* The block size a request of `size` bytes needs, or 0 when it is too big
 * for any heap. */
static size_t adjust_size(size_t size)
{
    if (size > max_request)
        return 0;
    return max_size(round_up(size + dsize, ALIGNMENT), min_block_size);
}

/* ---- Coalescing and splitting ------------------------------------------- */

/* The rover rule: when the `size` bytes at `merged` become one block, a
 * rover that pointed at a block start inside them moves to `merged`. */
static void keep_rover_outside(block_t *merged, size_t size)
{
    if ((char *)rover > (char *)merged && (char *)rover < (char *)merged + size)
        rover = merged;
}

/* Merge the free block `block` with whichever neighbours are free and
 * return the merged block. */
static block_t *coalesce(block_t *block)
{
    /* skeleton:cut - To write: find both neighbours through the tags (the
     * prologue and the epilogue count as allocated), merge whichever are
     * free (the four cases), write the merged block's tags, keep the rover
     * outside it, and return it. */
    dbg_requires(!get_alloc(block));
    block_t *prev = find_prev(block);
    block_t *next = find_next(block);
    bool prev_alloc = get_alloc(prev);  /* the prologue counts as allocated */
    bool next_alloc = get_alloc(next);  /* and so does the epilogue */
    size_t size = get_size(block);

    if (prev_alloc && next_alloc) {             /* case 1: neither is free */
        /* nothing to merge */
    } else if (prev_alloc && !next_alloc) {     /* case 2: next is free */
        size += get_size(next);
    } else if (!prev_alloc && next_alloc) {     /* case 3: prev is free */
        size += get_size(prev);
        block = prev;
    } else {                                    /* case 4: both are free */
        size += get_size(prev) + get_size(next);
        block = prev;
    }
    write_block(block, size, false);
    keep_rover_outside(block, size);
    return block;
    /* skeleton:put todo(__func__); return block; */
}

/* Make the `size` bytes at `block` a free block, merged with its free
 * neighbours. Every block that stays free is made here, so raising
 * free_bound here keeps invariant 10. */
static void release(block_t *block, size_t size)
{
    write_block(block, size, false);
    block = coalesce(block);
    free_bound = max_size(free_bound, get_size(block));
}

/* Make the `size` bytes at `block` an allocated block of `asize` bytes.
 * When the rest could hold a minimum block it is split off and freed
 * (and merged with a free block after it, which realloc can leave);
 * otherwise the whole `size` bytes stay allocated. */
static void allocate(block_t *block, size_t size, size_t asize)
{
    /* skeleton:cut - To write: when the rest (size - asize) could hold a
     * minimum block, write an allocated block of asize and release the
     * rest; otherwise write one allocated block of the whole size. */
    dbg_requires(asize <= size);
    if (size - asize >= min_block_size) {
        write_block(block, asize, true);
        release(find_next(block), size - asize);
    } else {
        write_block(block, size, true);
    }
    /* skeleton:put todo(__func__); (void)block; (void)size; (void)asize; */
}

/* ---- Heap growth -------------------------------------------------------- */

/* The free block at the end of the heap, or NULL if the last block is
 * allocated. */
static block_t *free_block_at_end(void)
{
    block_t *last = find_prev(epilogue_block());
    return get_alloc(last) ? NULL : last;
}

/* Move the break up by `missing` bytes, or by `at_least` if that is more
 * and the arena has room for it (both multiples of ALIGNMENT), and write
 * the new epilogue. Return the bytes added, 0 if the arena is full. The
 * added space starts at the old epilogue; the caller makes it part of the
 * block before it, which it allocates at once, so the new space is never
 * a block of its own (it may be smaller than a minimum block). */
static size_t grow_heap(size_t missing, size_t at_least)
{
    /* skeleton:cut - To write: check the arena has room (mem_max_heap,
     * mem_heapsize), move the break with mem_sbrk by the larger of the two
     * sizes that fits, write the new epilogue in the new last word, and
     * return the bytes added (0 when nothing could be added). */
    dbg_requires(missing > 0 && missing % ALIGNMENT == 0);
    size_t room = mem_max_heap() - mem_heapsize();
    if (missing > room)
        return 0;       /* mem_sbrk would fail too, printing a complaint */
    size_t grow = max_size(missing, at_least);
    if (grow > room)
        grow = missing;

    void *old_brk = mem_sbrk((intptr_t)grow);
    if (old_brk == (void *)-1)
        return 0;
    write_epilogue((block_t *)((char *)old_brk + grow - wsize));
    return grow;
    /* skeleton:put todo(__func__); (void)missing; (void)at_least; return 0; */
}

/* ---- Placement -----------------------------------------------------------
 *
 * Each policy returns a free block of at least `asize` bytes, or NULL.
 */

static inline bool fits(const block_t *block, size_t asize)
{
    return !get_alloc(block) && get_size(block) >= asize;
}

/* The first block that fits, from the start of the heap. */
static block_t *first_fit(size_t asize)
{
    /* skeleton:cut - To write: walk the blocks from first_block() to the
     * epilogue and return the first that fits(), or NULL. */
    for (block_t *b = first_block(); !is_epilogue(b); b = find_next(b)) {
        if (fits(b, asize))
            return b;
    }
    return NULL;
    /* skeleton:put todo(__func__); (void)asize; (void)fits; (void)is_epilogue;
     * return NULL; */
}

/* The first block that fits from the rover on, wrapping around to the
 * start of the heap; the rover stays at the block found, so the next
 * search resumes where this one ended. */
static block_t *next_fit(size_t asize)
{
    /* skeleton:cut - To write: like first fit, but from the rover to the
     * epilogue, then from first_block() back to the rover; leave the rover
     * at the block found. */
    for (block_t *b = rover; !is_epilogue(b); b = find_next(b)) {
        if (fits(b, asize))
            return rover = b;
    }
    for (block_t *b = first_block(); b != rover; b = find_next(b)) {
        if (fits(b, asize))
            return rover = b;
    }
    return NULL;
    /* skeleton:put todo(__func__); (void)asize; return NULL; */
}

/* The smallest block that fits; an exact fit ends the search, since no
 * block can fit better. */
static block_t *best_fit(size_t asize)
{
    /* skeleton:cut - To write: walk every block and keep the smallest that
     * fits; an exact fit can end the walk. */
    block_t *best = NULL;
    for (block_t *b = first_block(); !is_epilogue(b); b = find_next(b)) {
        if (!fits(b, asize))
            continue;
        if (get_size(b) == asize)
            return b;
        if (best == NULL || get_size(b) < get_size(best))
            best = b;
    }
    return best;
    /* skeleton:put todo(__func__); (void)asize; return NULL; */
}

static block_t *policy_fit(size_t asize)
{
    switch (placement) {
    case PLACE_NEXT:
        return next_fit(asize);
    case PLACE_BEST:
        return best_fit(asize);
    case PLACE_FIRST:
    case PLACE_UNCHOSEN:    /* mm_init has chosen; unreachable */
        break;
    }
    return first_fit(asize);
}

/* A free block of at least `asize` bytes, as the policy picks it, or NULL.
 * A walk that must fail is skipped: free_bound caps every free block, and
 * a failed walk lowers it. This changes no placement, only the time spent
 * while the heap grows (otherwise every request walks the whole heap). */
static block_t *find_fit(size_t asize)
{
    if (asize > free_bound)
        return NULL;
    block_t *block = policy_fit(asize);
    if (block == NULL)
        free_bound = asize - 1;     /* every free block is smaller */
    return block;
}

/* The policy's name as mm_set_placement takes it. */
static const char *placement_name(enum placement p)
{
    switch (p) {
    case PLACE_FIRST:
        return "first";
    case PLACE_NEXT:
        return "next";
    case PLACE_BEST:
        return "best";
    case PLACE_UNCHOSEN:
        break;
    }
    return "";
}

int mm_set_placement(const char *name)
{
    if (name == NULL)
        return -1;
    for (enum placement p = PLACE_FIRST; p <= PLACE_BEST; p++) {
        if (strcmp(name, placement_name(p)) == 0) {
            placement = p;
            return 0;
        }
    }
    return -1;
}

/* ---- The interface ------------------------------------------------------ */

int mm_init(void)
{
    if (placement == PLACE_UNCHOSEN && mm_set_placement(DEFAULT_PLACEMENT) != 0) {
        fprintf(stderr, "mm_init: unknown placement policy '%s' "
                "(DEFAULT_PLACEMENT in config.h): use first, next or best\n",
                DEFAULT_PLACEMENT);
        return -1;
    }

    /* Pad so that the first block's payload, after the pad, the prologue
     * and the first block's header, falls on an ALIGNMENT boundary. */
    char *brk = mem_sbrk(0);
    if (brk == (void *)-1)
        return -1;
    size_t pad = (ALIGNMENT - ((uintptr_t)brk + dsize + wsize) % ALIGNMENT)
                 % ALIGNMENT;
    char *start = mem_sbrk((intptr_t)(pad + dsize + wsize));
    if (start == (void *)-1)
        return -1;

    prologue = (block_t *)(start + pad);
    prologue->header = pack(dsize, true);
    *header_to_footer(prologue) = pack(dsize, true);
    write_epilogue(find_next(prologue));
    rover = first_block();  /* the epilogue, until the heap grows */
    free_bound = 0;
    return 0;
}

void *mm_malloc(size_t size)
{
    if (size == 0)
        return NULL;
    size_t asize = adjust_size(size);
    if (asize == 0)
        return NULL;

    block_t *block = find_fit(asize);
    if (block != NULL) {
        allocate(block, get_size(block), asize);
        dbg_ensures(get_payload_size(block) >= size);
        return header_to_payload(block);
    }

    /* Nothing fits: grow the heap by what a free block at its end lacks,
     * and use that block with the new space rather than strand it. With
     * no such block, the new space starts at the epilogue. */
    block_t *end = free_block_at_end();
    size_t have = end == NULL ? 0 : get_size(end);
    dbg_assert(have < asize);
    block = end == NULL ? epilogue_block() : end;
    size_t added = grow_heap(asize - have, min_growth);
    if (added == 0)
        return NULL;
    keep_rover_outside(block, have + added);    /* it may be at the epilogue */
    allocate(block, have + added, asize);
    dbg_ensures(get_payload_size(block) >= size);
    return header_to_payload(block);
}

void mm_free(void *ptr)
{
    if (ptr == NULL)
        return;
    block_t *block = payload_to_header(ptr);
    dbg_requires(get_alloc(block));
    release(block, get_size(block));
}

void *mm_realloc(void *ptr, size_t size)
{
    /* skeleton:cut - To write: NULL and size 0 as mm.h says; then stay in
     * place when the block is big enough (splitting off the rest), grow in
     * place into a free block after it or at the heap's end, and otherwise
     * move: mm_malloc, copy the payload, mm_free. */
    if (ptr == NULL)
        return mm_malloc(size);
    if (size == 0) {
        mm_free(ptr);
        return NULL;
    }
    size_t asize = adjust_size(size);
    if (asize == 0)
        return NULL;

    block_t *block = payload_to_header(ptr);
    dbg_requires(get_alloc(block));
    size_t have = get_size(block);

    /* Shrinking, or not growing past the block: stay, split off the rest. */
    if (asize <= have) {
        allocate(block, have, asize);
        return ptr;
    }

    /* Growing in place: into a free block after this one, and into new
     * heap space when this block (with that free block) ends the heap.
     * There the heap grows by exactly what is missing, not min_growth:
     * a block that grows at the end tends to grow again, and a free
     * tail left after it would take the next small request, pinning the
     * block so that its next growth has to copy. */
    block_t *next = find_next(block);
    size_t room = have + (get_alloc(next) ? 0 : get_size(next));
    block_t *after = get_alloc(next) ? next : find_next(next);
    if (room < asize && is_epilogue(after))
        room += grow_heap(asize - room, 0);     /* adds 0 if the arena is full */
    if (room >= asize) {
        /* Take over the free block and new space after this one. */
        keep_rover_outside(block, room);
        allocate(block, room, asize);
        return ptr;
    }

    /* Otherwise move: the old block stays intact if there is no room. */
    void *moved = mm_malloc(size);
    if (moved == NULL)
        return NULL;
    memcpy(moved, ptr, get_payload_size(block));    /* < size: growing */
    mm_free(ptr);
    return moved;
    /* skeleton:put todo(__func__); (void)ptr; (void)size; (void)get_payload_size;
     * return NULL; */
}

void *mm_calloc(size_t nmemb, size_t size)
{
    /* nmemb == 0 asks for no bytes, which mm_malloc refuses too; testing
     * it first also keeps the overflow test from dividing by zero. */
    if (nmemb == 0 || size > SIZE_MAX / nmemb)
        return NULL;
    void *ptr = mm_malloc(nmemb * size);
    if (ptr != NULL)
        memset(ptr, 0, nmemb * size);   /* reused heap memory is not zero */
    return ptr;
}

/* ---- The heap checker --------------------------------------------------- */

enum invariant {
    INV_PROLOGUE = 1,
    INV_INSIDE_HEAP,
    INV_SIZE_ALIGNED,
    INV_MIN_SIZE,
    INV_PAYLOAD_ALIGNED,
    INV_HEADER_FOOTER,
    INV_NO_ADJACENT_FREE,
    INV_EPILOGUE,
    INV_ROVER,
    INV_FREE_BOUND,
};

static const char *invariant_name(enum invariant inv)
{
    switch (inv) {
    case INV_PROLOGUE:          return "prologue intact";
    case INV_INSIDE_HEAP:       return "block inside the heap";
    case INV_SIZE_ALIGNED:      return "size a multiple of the alignment";
    case INV_MIN_SIZE:          return "size at least the minimum block size";
    case INV_PAYLOAD_ALIGNED:   return "payload aligned";
    case INV_HEADER_FOOTER:     return "header equals footer";
    case INV_NO_ADJACENT_FREE:  return "no two adjacent free blocks";
    case INV_EPILOGUE:          return "walk ends exactly at the epilogue";
    case INV_ROVER:             return "rover points at a block start";
    case INV_FREE_BOUND:        return "no free block above the search bound";
    }
    return "?";
}

/* Report a broken invariant at `where` and return false, so that callers
 * can write `return violated(...)`. */
static bool violated(int lineno, enum invariant inv, const void *where,
                     const char *detail_fmt, ...)
{
    va_list ap;
    const char *lo = mem_heap_lo();
    ptrdiff_t offset = lo == NULL || where == NULL ? 0 : (const char *)where - lo;
    fprintf(stderr, "mm_checkheap: line %d: invariant %d (%s) broken at "
            "block %p (heap offset %td): ", lineno, (int)inv,
            invariant_name(inv), where, offset);
    va_start(ap, detail_fmt);
    vfprintf(stderr, detail_fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return false;
}

bool mm_checkheap(int lineno)
{
    const char *lo = mem_heap_lo();
    const char *end = (const char *)mem_heap_hi() + 1;  /* the break */

    /* 1. The prologue: inside the heap, both tags intact. Nothing else
     * can be trusted without it. */
    if (prologue == NULL || lo == NULL || (char *)prologue < lo
        || (char *)prologue + dsize + wsize > end)
        return violated(lineno, INV_PROLOGUE, prologue,
                        "no prologue in the heap (was mm_init called?)");
    if (prologue->header != pack(dsize, true)
        || *header_to_footer(prologue) != pack(dsize, true))
        return violated(lineno, INV_PROLOGUE, prologue,
                        "header 0x%llx, footer 0x%llx, expected 0x%llx",
                        (unsigned long long)prologue->header,
                        (unsigned long long)((word_t *)prologue)[1],
                        (unsigned long long)pack(dsize, true));

    bool prev_free = false;
    bool rover_seen = false;
    block_t *b = first_block();
    for (;;) {
        /* Here b + wsize <= end: the prologue check and invariant 2
         * leave room for at least the epilogue's word. */
        if (b == rover)
            rover_seen = true;
        word_t header = b->header;
        size_t size = extract_size(header);

        if (size == 0) {    /* 8: the epilogue, which must end the heap */
            if (!extract_alloc(header) || (char *)b + wsize != end)
                return violated(lineno, INV_EPILOGUE, b,
                                "a size-0 header, %s, %td bytes before the "
                                "heap's end (expected: allocated, 8 bytes)",
                                extract_alloc(header) ? "allocated" : "free",
                                end - (char *)b);
            break;
        }
        if (size > (size_t)(end - (char *)b) - wsize)
            return violated(lineno, INV_INSIDE_HEAP, b,
                            "size %zu runs %zu bytes past the epilogue", size,
                            size - ((size_t)(end - (char *)b) - wsize));
        if (size % ALIGNMENT != 0)
            return violated(lineno, INV_SIZE_ALIGNED, b,
                            "size %zu is not a multiple of %d", size,
                            ALIGNMENT);
        if (size < min_block_size)
            return violated(lineno, INV_MIN_SIZE, b,
                            "size %zu is below %zu", size, min_block_size);
        if ((uintptr_t)header_to_payload(b) % ALIGNMENT != 0)
            return violated(lineno, INV_PAYLOAD_ALIGNED, b,
                            "payload %p is not a multiple of %d",
                            header_to_payload(b), ALIGNMENT);
        if (*header_to_footer(b) != header)
            return violated(lineno, INV_HEADER_FOOTER, b,
                            "header 0x%llx, footer 0x%llx",
                            (unsigned long long)header,
                            (unsigned long long)*header_to_footer(b));
        bool free_now = !extract_alloc(header);
        if (prev_free && free_now)
            return violated(lineno, INV_NO_ADJACENT_FREE, b,
                            "it and the block before it are both free");
        if (free_now && size > free_bound)
            return violated(lineno, INV_FREE_BOUND, b,
                            "free block of %zu bytes, bound %zu", size,
                            free_bound);
        prev_free = free_now;
        b = find_next(b);
    }

    if (!rover_seen)
        return violated(lineno, INV_ROVER, rover,
                        "no block starts there");
    return true;
}

/* ---- Showing the heap ------------------------------------------------------
 *
 * mdriver -d and -x call this to print the heap as mm.c sees it. It runs
 * when something has already gone wrong, so it trusts nothing: it stops at
 * a block whose size could not be right (too small to step over, or
 * running past the break) after reporting it.
 */
void mm_walk_heap(void (*visit)(void *ctx, const struct mm_block_info *info), void *ctx)
{
    if (prologue == NULL)
        return;
    const char *end = (const char *)mem_heap_hi() + 1;
    for (block_t *b = prologue; (const char *)b + wsize <= end; b = find_next(b)) {
        size_t size = get_size(b);
        bool whole = size >= dsize && size <= (size_t)(end - (const char *)b);
        struct mm_block_info info = {
            .block = b,
            .size = size,
            .allocated = get_alloc(b),
            .header = b->header,
            .footer = whole ? *header_to_footer(b) : 0,
            .has_footer = whole,
        };
        visit(ctx, &info);
        if (!whole)
            return;     /* the epilogue (size 0), or a size not to be trusted */
    }
}
