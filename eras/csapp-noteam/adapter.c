/*
 * csapp-noteam/adapter.c - a submission for the CS:APP handout without
 * team_t. Its driver was the 2002 one: payloads aligned to 8 bytes, a heap
 * of at most 20 MB, no heap checker.
 */
#include "eras/classic.h"

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = 8,
    .max_heap = 20 * ERA_MB,
    .checker = MM_CHECKER_NONE,
    .checker_about = "its driver called none",
};
