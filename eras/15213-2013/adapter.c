/*
 * 15213-2013/adapter.c - a submission for CMU 15-213 of 2013: payloads
 * aligned to 8 bytes, a heap of at most 100 MB, and a checker returning
 * nothing, which its driver called with its verbosity: a problem shows as
 * what it prints, or as the process it ends.
 */
#include "eras/classic.h"

void era_mm_checkheap(int verbose);

/* Quiet (verbose 0): what the checker prints then is what it found. */
bool mm_checkheap(int lineno)
{
    (void)lineno;
    era_mm_checkheap(0);
    return true;
}

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = 8,
    .max_heap = 100 * ERA_MB,
    .checker = MM_CHECKER_OUTPUT,
    .checker_about = "void mm_checkheap(int verbose), called with verbose 0",
};
