/*
 * memlib.h - simulated memory for the malloc lab.
 *
 * The allocator gets its memory only from mem_sbrk, which moves a private
 * break through one arena reserved at start-up. Pages above the break, and
 * a guard page below the heap, are inaccessible: touching memory the
 * allocator does not own faults at once.
 */
#ifndef MALLOCLAB_MEMLIB_H
#define MALLOCLAB_MEMLIB_H

#include <stddef.h>
#include <stdint.h>

/* Move the break by `incr` bytes and return its old value; (void *)-1 with
 * errno ENOMEM (arena exceeded; a message says how much was asked and what
 * the limit is) or EINVAL (negative increment). */
void *mem_sbrk(intptr_t incr);

/* What the bytes past the break, up to the end of its page, hold when
 * mem_sbrk has just made that page usable. The allocator does not own them;
 * the driver checks that they still hold it after each operation. */
enum { MEM_SLACK_BYTE = 0xa5 };

/* First byte of the heap. */
void *mem_heap_lo(void);

/* Last byte of the heap (mem_heap_lo() - 1 when the heap is empty). */
void *mem_heap_hi(void);

/* Bytes between the heap's start and the break. */
size_t mem_heapsize(void);

/* Size of the arena, in bytes. */
size_t mem_max_heap(void);

/* The system's page size, in bytes. */
size_t mem_pagesize(void);

/* ---- The driver's: mm.c may not call these ------------------------------
 *
 * tools/rulecheck refuses an mm.o that calls them. At run time, while the
 * driver has lent the heap to the allocator (mem_restart), mem_init,
 * mem_deinit and mem_reset_brk do nothing but remember that they were
 * called, and the driver fails the trace: emptying the heap under the
 * driver would make the heap look smaller than the allocator used. */

/* Reserve an arena of `max_heap` bytes (rounded up to a page); 0 on
 * success, -1 with a message on stderr on failure. */
int mem_init(size_t max_heap);

/* Release the arena. */
void mem_deinit(void);

/* Empty the heap: the break returns to the heap's start. */
void mem_reset_brk(void);

/* Empty the heap for a new replay and lend it to the allocator: from now
 * on mem_init, mem_deinit and mem_reset_brk refuse (see above). Forgets
 * an earlier refused call and starts a new high-water mark. */
void mem_restart(void);

/* Take the heap back from the allocator: those three work again. */
void mem_reclaim(void);

/* The name of the driver's function ("mem_reset_brk", ...) called while
 * the heap was lent, or NULL. */
const char *mem_refused_call(void);

/* The break's high-water mark since the last mem_restart (or mem_init,
 * mem_reset_brk), in bytes from the heap's start: what utilization is
 * measured against. */
size_t mem_peak_heapsize(void);

#endif /* MALLOCLAB_MEMLIB_H */
