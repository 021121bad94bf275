/*
 * memlib.h as a submission for CMU 15-213 from 2017 on saw it: mem_sbrk
 * takes an intptr_t, and mem_memcpy, mem_memset, mem_read and mem_write
 * stand in for the C library's (the era's driver emulated memory through
 * them). Written for this lab; the adapter maps them onto plain memory.
 */
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

void mem_init(bool sparse);
void mem_deinit(void);
void *mem_sbrk(intptr_t incr);
void mem_reset_brk(void);
void *mem_heap_lo(void);
void *mem_heap_hi(void);
size_t mem_heapsize(void);
size_t mem_pagesize(void);

uint64_t mem_read(const void *addr, size_t len);
void mem_write(void *addr, uint64_t val, size_t len);
void *mem_memcpy(void *dst, const void *src, size_t n);
void *mem_memset(void *dst, int c, size_t n);
