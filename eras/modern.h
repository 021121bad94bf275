/*
 * modern.h - what CMU 15-213's driver from 2017 on and its descendants
 * share, for their adapters (included by one adapter each: it defines
 * functions): bool mm_init and bool mm_checkheap, true meaning success.
 */
#ifndef MALLOCLAB_ERAS_MODERN_H
#define MALLOCLAB_ERAS_MODERN_H

#include <string.h>

#include "eras/adapter.h"

/* The submission's own, renamed by the build (ERA.renames). */
bool era_mm_init(void);
bool era_mm_checkheap(int lineno);

int mm_init(void)
{
    return era_mm_init() ? 0 : -1;
}

bool mm_checkheap(int lineno)
{
    return era_mm_checkheap(lineno);
}

/* The driver's verbosity. Weak: a submission that defines its own keeps it. */
#pragma weak verbose
int verbose = 0;

#define MODERN_CHECKER_ABOUT "bool mm_checkheap(int lineno): false means the heap is inconsistent"

#endif /* MALLOCLAB_ERAS_MODERN_H */
