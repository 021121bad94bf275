/*
 * breakdown.h - where the memory went (-F): the final heap split at the
 * moment of peak live payload, as CS:APP 9.9.4 splits lost memory.
 *
 *   final heap = payload      the peak live payload (utilization's numerator)
 *              + internal     allocated blocks' bytes beyond their payloads
 *              + external     free blocks
 *              + structure    the allocator's fixed structures (heapwalk.h)
 *              + growth       final heap - heap at the peak
 *
 * The checked replay measures it (check.c) when it passes the peak; the
 * parts add up to the final heap byte for byte. Without mm_walk_heap only
 * payload and growth are known: the rest is "overhead and free blocks,
 * undivided".
 */
#ifndef MALLOCLAB_BREAKDOWN_H
#define MALLOCLAB_BREAKDOWN_H

#include <stdio.h>

#include "blockset.h"
#include "results.h"
#include "run.h"

/* At the peak: split the heap as it is now (`payload` live bytes in `live`). */
void breakdown_at_peak(struct breakdown *b, const struct allocator *a,
                       const struct blockset *live, size_t payload);

/* At the end of a valid run: the growth after the peak (not measured if
 * the heap ended smaller than it was at the peak). */
void breakdown_finish(struct breakdown *b, size_t final_heap);

/* The -F table: one row per trace and shown mm.c column. */
void breakdown_report(FILE *out, const struct results *rs);

#endif /* MALLOCLAB_BREAKDOWN_H */
