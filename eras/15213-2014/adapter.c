/*
 * 15213-2014/adapter.c - a submission for CMU 15-213 of 2014: as 2013's,
 * but its checker returns an int, which its driver ignored; the handout
 * read nonzero as a failure and students returned either, so its result
 * cannot be trusted: a problem shows as what it prints, or as the process
 * it ends.
 */
#include "eras/classic.h"

int era_mm_checkheap(int verbose);

bool mm_checkheap(int lineno)
{
    (void)lineno;
    (void)era_mm_checkheap(0);
    return true;
}

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = 8,
    .max_heap = 100 * ERA_MB,
    .checker = MM_CHECKER_OUTPUT,
    .checker_about = "int mm_checkheap(int verbose), called with verbose 0, its result "
                     "ignored as its driver ignored it",
};
