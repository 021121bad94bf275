/*
 * payload.h - the data the driver writes into every block, and checks.
 *
 * Byte `i` of block `id` always holds the same value, derived from (id, i),
 * so a block's contents can be verified at any time, a realloc'd block must
 * start with exactly the bytes it had, and bytes copied from the wrong block
 * or to the wrong offset are told apart from the right ones.
 */
#ifndef MALLOCLAB_PAYLOAD_H
#define MALLOCLAB_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

/* The expected value of byte `offset` of block `id`. */
unsigned char payload_byte(uint32_t id, size_t offset);

/* Write block id's pattern into bytes [from, to) of the payload at p. */
void payload_fill(void *p, uint32_t id, size_t from, size_t to);

/* A run of damaged bytes: [first, last] are offsets within the block. */
struct damage {
    size_t first, last;   /* first and last wrong byte of the first wrong run */
    size_t count;         /* wrong bytes in [from, to) */
};

/* Check bytes [from, to) of block id at p. Returns 0 when all are right;
 * otherwise 1 with *d describing the damage. */
int payload_verify(const void *p, uint32_t id, size_t from, size_t to, struct damage *d);

#endif /* MALLOCLAB_PAYLOAD_H */
