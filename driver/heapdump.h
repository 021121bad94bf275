/*
 * heapdump.h - the heap around an address, as the driver and as mm.c see it.
 *
 * The driver's view lists the live payloads it handed out (with their ids
 * and the lines that placed them) and the bytes between them; mm.c's view,
 * when mm.c defines mm_walk_heap, lists its blocks with their sizes,
 * allocated bits and raw header and footer words. Side by side, a header
 * that disagrees with its footer, or a block that overlaps a payload, is
 * plain to see.
 */
#ifndef MALLOCLAB_HEAPDUMP_H
#define MALLOCLAB_HEAPDUMP_H

#include <stddef.h>
#include <stdint.h>

#include "allocator.h"
#include "blockset.h"

/* Live blocks shown on each side of the focus (a count). */
#define HEAPDUMP_BLOCKS 6

struct heapdump {
    const struct blockset *set;     /* live payloads by address */
    uint32_t (*line_of)(const void *ctx, uint32_t id);  /* the line that placed a block */
    const void *ctx;
    const struct allocator *alloc;
    uintptr_t heap_lo, brk;
    uintptr_t focus;                /* the address to show the heap around */
    const char *why;                /* what the focus is, e.g. "the damaged block" */
};

/* Write the dump, several lines, into buf (NUL-terminated, cut to len). */
void heapdump_write(const struct heapdump *d, char *buf, size_t len);

#endif /* MALLOCLAB_HEAPDUMP_H */
