/*
 * 15213-2019/adapter.c - a submission for CMU 15-213 from 2017 on. Its
 * driver emulated memory: mm.c went through mem_memcpy, mem_memset,
 * mem_read and mem_write, which here are plain memory operations.
 */
#include "eras/modern.h"

void *mem_memcpy(void *dst, const void *src, size_t n);
void *mem_memset(void *dst, int c, size_t n);
uint64_t mem_read(const void *addr, size_t len);
void mem_write(void *addr, uint64_t val, size_t len);

void *mem_memcpy(void *dst, const void *src, size_t n)
{
    return memcpy(dst, src, n);
}

void *mem_memset(void *dst, int c, size_t n)
{
    return memset(dst, c, n);
}

/* The low `len` bytes (at most 8) of a little-endian word. */
uint64_t mem_read(const void *addr, size_t len)
{
    uint64_t v = 0;
    memcpy(&v, addr, len < sizeof v ? len : sizeof v);
    return v;
}

void mem_write(void *addr, uint64_t val, size_t len)
{
    memcpy(addr, &val, len < sizeof val ? len : sizeof val);
}

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = 16,
    .max_heap = 100 * ERA_MB,
    .checker = MM_CHECKER_VERDICT,
    .checker_about = MODERN_CHECKER_ABOUT,
};
