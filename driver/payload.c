/*
 * payload.c - fill and verify block contents, a 64-bit word at a time.
 */
#include "payload.h"

#include <string.h>

/* Word k of block id: a cheap mix of both, so that neighbouring words,
 * neighbouring blocks and shifted copies all differ. */
static uint64_t pattern_word(uint32_t id, uint64_t k)
{
    uint64_t x = ((uint64_t)id + 1) * 0x9e3779b97f4a7c15u ^ k * 0xd1b54a32d192ed03u;
    return x ^ (x >> 29);
}

/* The word whose bytes in memory are w's, least significant first: w
 * itself on a little-endian host. The pattern's bytes are the same on
 * every host, and a word is stored or compared whole, not byte by byte
 * (that took most of a checked replay's time on traces with big blocks). */
static uint64_t little_endian(uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return w;
#else
    unsigned char bytes[8];
    for (int j = 0; j < 8; j++)
        bytes[j] = (unsigned char)(w >> (8 * j));
    memcpy(&w, bytes, 8);
    return w;
#endif
}

unsigned char payload_byte(uint32_t id, size_t offset)
{
    uint64_t w = pattern_word(id, offset / 8);
    return (unsigned char)(w >> (8 * (offset % 8)));   /* little-endian order on every host */
}

void payload_fill(void *p, uint32_t id, size_t from, size_t to)
{
    unsigned char *b = p;
    size_t i = from;
    for (; i < to && i % 8 != 0; i++)
        b[i] = payload_byte(id, i);
    for (; i + 8 <= to; i += 8) {
        uint64_t w = little_endian(pattern_word(id, i / 8));
        memcpy(b + i, &w, 8);
    }
    for (; i < to; i++)
        b[i] = payload_byte(id, i);
}

int payload_verify(const void *p, uint32_t id, size_t from, size_t to, struct damage *d)
{
    const unsigned char *b = p;
    size_t i = from;
    /* Fast path: compare whole words; fall back to bytes at the first
     * mismatch to describe it. */
    while (i < to && i % 8 != 0 && b[i] == payload_byte(id, i))
        i++;
    if (i % 8 == 0) {
        for (; i + 8 <= to; i += 8) {
            uint64_t w = little_endian(pattern_word(id, i / 8)), found;
            memcpy(&found, b + i, 8);
            if (found != w)
                break;
        }
    }
    while (i < to && b[i] == payload_byte(id, i))
        i++;
    if (i >= to)
        return 0;

    d->first = d->last = i;
    while (d->last + 1 < to && b[d->last + 1] != payload_byte(id, d->last + 1))
        d->last++;
    d->count = 0;
    for (; i < to; i++)
        d->count += b[i] != payload_byte(id, i);
    return 1;
}
