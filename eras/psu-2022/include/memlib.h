/*
 * memlib.h as a submission for Penn State's CMPSC 473 (2022) saw it: the
 * heap is reached through mm_ names, which the adapter maps onto the lab's
 * memlib. Written for this lab.
 */
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

void *mm_sbrk(intptr_t incr);
void *mm_heap_lo(void);
void *mm_heap_hi(void);
size_t mm_heapsize(void);
size_t mm_pagesize(void);
void *mm_memcpy(void *dst, const void *src, size_t n);
void *mm_memset(void *dst, int c, size_t n);
