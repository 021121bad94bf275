/*
 * grading.h - what autograders read: Autolab's result line (mdriver -g)
 * and Gradescope's results.json (mdriver -G FILE).
 *
 * Both are written from the run's results and score.h's totals, never from
 * figures of their own, so they always agree with the table. The graded
 * column is the first of mm.c's (the first -p policy, or mm.c's default).
 * A score is 0 when mm.c breaks a rule (-R FILE: tools/rulecheck's report)
 * or could not be run at all (-B FILE: the compiler's messages).
 *
 * Autolab: one line, {"scores": {PROBLEM: VALUE, ...}, "scoreboard": [VALUE,
 * ...]}, with the problems and the scoreboard's columns of config.h
 * (AUTOLAB_PROBLEMS, AUTOLAB_SCOREBOARD). Autolab reads the last line of
 * the output, so mdriver prints it last.
 *
 * Gradescope: {"score", "output", "tests", "leaderboard"}: one test per
 * trace, whose score is its share of the utilization term of the index
 * when the profile's utilization term is a plain ratio (as config.h's
 * is); a test for each other term ("throughput", "utilization",
 * "correctness"); a "cutoff" test when a cutoff zeroed the score; a
 * "rules" test when -R is given. The tests add up to the score (the
 * index scaled from the profile's points to GRADESCOPE_MAX_SCORE), which
 * is also given as "score"; "output" shows the profile's formula.
 */
#ifndef MALLOCLAB_GRADING_H
#define MALLOCLAB_GRADING_H

#include <stdbool.h>
#include <stdio.h>

#include "results.h"

struct grading {
    const struct results *rs;   /* what ran; NULL when nothing could run */
    char *not_run;              /* why nothing ran (-B: the compiler's messages), or NULL */
    bool rules_checked;         /* -R was given */
    char **violations;          /* the broken rules, one line each */
    size_t nviolations;
};

/* Check that AUTOLAB_PROBLEMS and AUTOLAB_SCOREBOARD name known measures.
 * 0, or -1 with a message on stderr. */
int grading_check_config(void);

/* -R FILE: each non-empty line of FILE is a broken rule. 0, or -1 with a
 * message on stderr. */
int grading_read_rules(const char *path, struct grading *g);

/* -B FILE: FILE's text says why nothing could run. 0, or -1 with a message
 * on stderr. */
int grading_read_not_run(const char *path, struct grading *g);

void grading_free(struct grading *g);

/* Whether the grading outputs score 0 whatever the results say. */
bool grading_zeroed(const struct grading *g);

/* Autolab's line, after a line break (mm.c's output may not have ended
 * its line), newline included, then a flush. */
void grading_autolab(FILE *out, const struct grading *g);

/* Write Gradescope's results.json to `path`. 0, or -1 with a message on
 * stderr. */
int grading_gradescope(const char *path, const struct grading *g);

/* `s` as a JSON string, quotes included: ", \ and control characters
 * escaped, valid UTF-8 kept, each byte of invalid UTF-8 written as
 * U+FFFD. */
void grading_json_string(FILE *out, const char *s);

#endif /* MALLOCLAB_GRADING_H */
