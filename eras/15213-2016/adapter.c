/*
 * 15213-2016/adapter.c - a submission for CMU 15-213 of 2015-16 or PKU's
 * ICS: as 2013's, but the checker takes the caller's line, as the handout
 * asked (mm_checkheap(__LINE__)); it returns nothing, so a problem shows as
 * what it prints, or as the process it ends.
 */
#include "eras/classic.h"

void era_mm_checkheap(int lineno);

bool mm_checkheap(int lineno)
{
    era_mm_checkheap(lineno);
    return true;
}

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = 8,
    .max_heap = 100 * ERA_MB,
    .checker = MM_CHECKER_OUTPUT,
    .checker_about = "void mm_checkheap(int lineno), called with the trace's line",
};
