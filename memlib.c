/*
 * memlib.c - simulated memory for the malloc lab.
 *
 * Design. mem_init reserves one arena of address space and maps nothing
 * usable in it yet:
 *
 *   arena_base   heap_lo                   cur_brk  usable_hi        end
 *   |  guard     |  heap (read/write)        |  slack |  reserved      |
 *   |  PROT_NONE |<---- mem_heapsize() ----->|        |  PROT_NONE     |
 *   |<- 1 page ->|<----------------------- arena_size ----------------->|
 *
 *   - The heap starts one page into the reservation, so it is page-aligned
 *     (and so aligned for any ALIGNMENT up to a page) and a stray write just
 *     below it hits the guard page and faults.
 *   - mem_sbrk makes pages read/write only as the break reaches them;
 *     usable_hi, the high-water mark of usable pages, is the break rounded
 *     up to a page. The slack between the break and usable_hi is accessible:
 *     the MMU protects whole pages, so faults come at the next page, not at
 *     the next byte. When mem_sbrk makes a page usable it fills the slack
 *     with MEM_SLACK_BYTE, for the driver to check (memlib.h).
 *   - mprotect is called only when the break crosses usable_hi, so a run of
 *     small mem_sbrk calls costs one system call per page, not per call.
 *
 * mem_reset_brk, called by the driver between replays of a trace
 * (through mem_restart, which then lends the heap to the allocator),
 * moves the break back to heap_lo and makes every formerly usable page
 * PROT_NONE again with one mprotect call, so that an allocator keeping a
 * stale pointer across mm_init faults at once. It does not munmap: the
 * pages stay resident, and replaying a trace does not pay to fault fresh
 * zero pages in, which would make later replays slower than the first and
 * distort the throughput figures. For the same reason it does not zero the
 * heap: after a reset, memory returned by mem_sbrk holds whatever the last
 * replay left there. An allocator must not assume that new heap memory is
 * zeroed (the first replay happens to see zeroes in most of it, but not
 * in the slack; later ones do not).
 *
 * Calling mem_init again releases the current arena first (its contents are
 * lost) and reserves a new one; this lets each test or run choose its own
 * arena size. A size it rejects leaves the current arena as it was.
 * Before mem_init, and after mem_deinit, mem_sbrk fails with ENOMEM and a
 * message, and the heap reads as empty; nothing crashes.
 *
 * Not thread-safe: the lab's driver and allocator are single-threaded.
 */
#include "memlib.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Pages of PROT_NONE kept below the heap's start (a count). */
static const size_t guard_pages = 1;

/* Protection of pages the allocator owns, and of every other page. */
static const int usable_prot = PROT_READ | PROT_WRITE;
static const int reserved_prot = PROT_NONE;

/* Page size assumed when sysconf cannot tell, in bytes. */
static const size_t fallback_page_size = 4096;

static char *arena_base;  /* start of the reservation (the guard page) */
static size_t arena_size; /* bytes the heap may grow to, page multiple */
static char *heap_lo;     /* first byte of the heap; NULL before mem_init */
static char *cur_brk;     /* the break: one past the heap's last byte */
static char *usable_hi;   /* end of the read/write pages, page-aligned */
static char *peak_brk;    /* the break's high-water mark */
static bool lent;         /* mem_restart has lent the heap to the allocator */
static const char *refused;   /* the driver's function called while lent, or NULL */

/* While the heap is lent, a call to one of the driver's functions is
 * refused and remembered: true when `name` must do nothing. */
static bool refuse_while_lent(const char *name)
{
    if (lent && refused == NULL)
        refused = name;
    return lent;
}

size_t mem_pagesize(void)
{
    static size_t page_size; /* bytes; 0 until first asked */
    if (page_size == 0) {
        long n = sysconf(_SC_PAGESIZE);
        page_size = n > 0 ? (size_t)n : fallback_page_size;
    }
    return page_size;
}

/* Bytes of address space reserved: the guard page(s) and the arena. */
static size_t reservation_size(void)
{
    return guard_pages * mem_pagesize() + arena_size;
}

/* `offset` rounded up to a multiple of the page size; the caller makes
 * sure the result does not overflow. */
static size_t round_up_to_page(size_t offset)
{
    size_t page = mem_pagesize();
    return (offset + page - 1) / page * page;
}

int mem_init(size_t max_heap)
{
    if (refuse_while_lent("mem_init"))
        return -1;
    size_t page = mem_pagesize();
    /* The largest arena whose reservation size and pointer differences
     * (heap offsets, intptr_t increments) cannot overflow. */
    size_t largest = ((size_t)PTRDIFF_MAX - guard_pages * page) / page * page;

    if (max_heap == 0 || max_heap > largest) {
        fprintf(stderr,
                "mem_init: cannot reserve an arena of %zu bytes: it must hold "
                "between 1 and %zu bytes (MAX_HEAP in config.h, mdriver -M)\n",
                max_heap, largest);
        return -1;
    }

    mem_deinit();

    arena_size = round_up_to_page(max_heap);
    void *base = mmap(NULL, reservation_size(), reserved_prot,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) {
        int saved = errno;
        fprintf(stderr,
                "mem_init: cannot reserve an arena of %zu bytes: %s\n",
                arena_size, strerror(saved));
        arena_size = 0;
        errno = saved;
        return -1;
    }

    arena_base = base;
    heap_lo = arena_base + guard_pages * page;
    cur_brk = heap_lo;
    usable_hi = heap_lo;
    peak_brk = heap_lo;
    return 0;
}

void mem_deinit(void)
{
    if (refuse_while_lent("mem_deinit") || arena_base == NULL)
        return;
    /* munmap fails only for arguments we never pass; nothing to recover. */
    (void)munmap(arena_base, reservation_size());
    arena_base = NULL;
    arena_size = 0;
    heap_lo = NULL;
    cur_brk = NULL;
    usable_hi = NULL;
    peak_brk = NULL;
}

/* Make the pages up to the one holding `new_brk`'s last byte usable, and
 * fill the new page's bytes past the break with MEM_SLACK_BYTE, so that a
 * write there shows even when the page was made usable in the middle of an
 * operation; false (with a message, errno set) when the kernel refuses. */
static bool make_usable(char *new_brk)
{
    char *new_hi = heap_lo + round_up_to_page((size_t)(new_brk - heap_lo));
    if (mprotect(usable_hi, (size_t)(new_hi - usable_hi), usable_prot) != 0) {
        int saved = errno;
        fprintf(stderr,
                "mem_sbrk: cannot make heap bytes %zu to %zu usable: %s\n",
                (size_t)(usable_hi - heap_lo), (size_t)(new_hi - heap_lo),
                strerror(saved));
        errno = saved;
        return false;
    }
    usable_hi = new_hi;
    memset(new_brk, MEM_SLACK_BYTE, (size_t)(new_hi - new_brk));
    return true;
}

void *mem_sbrk(intptr_t incr)
{
    if (heap_lo == NULL) {
        fprintf(stderr,
                "mem_sbrk: cannot grow the heap by %" PRIdPTR " bytes: "
                "there is no arena (mem_init was not called)\n", incr);
        errno = ENOMEM;
        return (void *)-1;
    }
    if (incr < 0) {
        fprintf(stderr,
                "mem_sbrk: cannot move the break by %" PRIdPTR " bytes: "
                "the heap only grows (use mem_reset_brk to empty it)\n", incr);
        errno = EINVAL;
        return (void *)-1;
    }

    size_t used = (size_t)(cur_brk - heap_lo);
    /* Compare against the room left rather than computing used + incr:
     * the sum may not fit in a size_t, the difference always does. */
    if ((uintmax_t)incr > arena_size - used) {
        fprintf(stderr,
                "mem_sbrk: cannot grow the heap by %" PRIdPTR " bytes to "
                "%ju bytes: the arena holds %zu bytes "
                "(MAX_HEAP in config.h, mdriver -M)\n",
                incr, (uintmax_t)used + (uintmax_t)incr, arena_size);
        errno = ENOMEM;
        return (void *)-1;
    }

    char *old_brk = cur_brk;
    char *new_brk = cur_brk + incr;
    if (new_brk > usable_hi && !make_usable(new_brk))
        return (void *)-1;
    cur_brk = new_brk;
    if (new_brk > peak_brk)
        peak_brk = new_brk;
    return old_brk;
}

void mem_reset_brk(void)
{
    if (refuse_while_lent("mem_reset_brk") || heap_lo == NULL)
        return;
    cur_brk = heap_lo;
    peak_brk = heap_lo;
    if (usable_hi == heap_lo)
        return;
    if (mprotect(heap_lo, (size_t)(usable_hi - heap_lo), reserved_prot) != 0) {
        /* The pages stay usable: the heap is still correct, only stale
         * pointers into it no longer fault. Say so and carry on. */
        fprintf(stderr,
                "mem_reset_brk: cannot protect the %zu bytes of the emptied "
                "heap: %s\n", (size_t)(usable_hi - heap_lo), strerror(errno));
        return;
    }
    usable_hi = heap_lo;
}

void mem_restart(void)
{
    lent = false;
    mem_reset_brk();
    refused = NULL;
    lent = true;
}

void mem_reclaim(void)
{
    lent = false;
}

const char *mem_refused_call(void)
{
    return refused;
}

size_t mem_peak_heapsize(void)
{
    return heap_lo == NULL ? 0 : (size_t)(peak_brk - heap_lo);
}

void *mem_heap_lo(void)
{
    return heap_lo;
}

void *mem_heap_hi(void)
{
    /* cur_brk - 1 stays inside the reservation even when the heap is
     * empty: it is then the guard page's last byte. */
    return heap_lo == NULL ? NULL : cur_brk - 1;
}

size_t mem_heapsize(void)
{
    return heap_lo == NULL ? 0 : (size_t)(cur_brk - heap_lo);
}

size_t mem_max_heap(void)
{
    return arena_size;
}
