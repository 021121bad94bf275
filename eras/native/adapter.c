/*
 * native/adapter.c - the lab's own interface: mm.c is linked as it is;
 * this only tells the driver so, and how the interface was chosen.
 */
#include "eras/adapter.h"

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = ALIGNMENT,
    .max_heap = 0,                  /* MAX_HEAP, config.h */
    .checker = MM_CHECKER_VERDICT,
    .checker_about = "bool mm_checkheap(int lineno): false means the heap is inconsistent",
    .lab_extras = true,
};
