/*
 * classic.h - what the CS:APP handout's driver and CMU 15-213's until 2016
 * shared, for their adapters (included by one adapter each: it defines
 * functions): int mm_init with a negative result as the
 * failure, mem_sbrk(int), and a global `int verbose` their mm.c could read.
 */
#ifndef MALLOCLAB_ERAS_CLASSIC_H
#define MALLOCLAB_ERAS_CLASSIC_H

#include "eras/adapter.h"

/* The submission's own, renamed by the build (ERA.renames). */
int era_mm_init(void);
void *era_mem_sbrk(int incr);

/* Their drivers failed a trace when mm_init returned less than 0 (any
 * other value was success). */
int mm_init(void)
{
    return era_mm_init() < 0 ? -1 : 0;
}

/* The int becomes an intptr_t here, sign and all: a negative increment
 * reaches mem_sbrk as one, which refuses it as the old memlib did. */
void *era_mem_sbrk(int incr)
{
    return mem_sbrk(incr);
}

/* The driver's verbosity. Weak: a submission that defines its own keeps it. */
#pragma weak verbose
int verbose = 0;

#endif /* MALLOCLAB_ERAS_CLASSIC_H */
