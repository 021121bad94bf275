/*
 * csapp/adapter.c - a submission for the CS:APP handout of 2002 and the
 * 3rd edition. Its driver required payloads aligned to 8 bytes, let the
 * heap grow to 20 MB, printed the team's names, and had no heap checker.
 */
#include "eras/classic.h"

/* The submission's team_t team (eras/csapp/include/mm.h). */
struct era_team {
    char *teamname, *name1, *id1, *name2, *id2;
};
extern struct era_team team;

const struct mm_interface mm_interface = {
    .name = ERA_NAME,
    .about = ERA_ABOUT,
    .chosen_by = ERA_CHOSEN_BY,
    .alignment = 8,
    .max_heap = 20 * ERA_MB,
    .checker = MM_CHECKER_NONE,
    .checker_about = "its driver called none",
    .team = &team.teamname,
};
