/*
 * psu-2022/adapter.c - a submission for Penn State's CMPSC 473 of 2022:
 * the 15-213 interface of 2017 on, with the heap reached through mm_
 * names. Its driver allowed a heap of 1 TB; here the lab's arena
 * (MAX_HEAP) is the limit, which no trace comes near.
 */
#include "eras/modern.h"

#include "include/memlib.h"     /* the mm_ names, as its submissions saw them */

void *mm_sbrk(intptr_t incr) { return mem_sbrk(incr); }
void *mm_heap_lo(void) { return mem_heap_lo(); }
void *mm_heap_hi(void) { return mem_heap_hi(); }
size_t mm_heapsize(void) { return mem_heapsize(); }
size_t mm_pagesize(void) { return mem_pagesize(); }
void *mm_memcpy(void *dst, const void *src, size_t n) { return memcpy(dst, src, n); }
void *mm_memset(void *dst, int c, size_t n) { return memset(dst, c, n); }

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = 16,
    .max_heap = 0,
    .checker = MM_CHECKER_VERDICT,
    .checker_about = MODERN_CHECKER_ABOUT,
};
