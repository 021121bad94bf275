/*
 * profile.h - a course's grading curve, read from a small text file that an
 * instructor edits by hand (profiles/NAME.profile), and applied to a run's
 * totals. mdriver reads it with -C; tools/curve (tools/grade's helper)
 * reads it with the same parser.
 *
 * The format: one statement a line; '#' starts a comment; blank lines are
 * ignored. Weights are points; the score is out of their sum.
 *
 *     name    WORDS...                  what the curve is called
 *     source  WORDS...                  where it comes from
 *     util    WEIGHT ratio              mean utilization U, capped at 1
 *     util    WEIGHT band LO HI         (U - LO) / (HI - LO), clamped to [0, 1]
 *     tput    WEIGHT ratio REF [icount REF]
 *                                       min(1, Kops / REF)
 *     tput    WEIGHT band LO HI [REF] [icount REF]
 *                                       (Kops / REF - LO) / (HI - LO), clamped;
 *                                       without REF, LO and HI are Kops
 *     correct WEIGHT                    WEIGHT x the share of traces valid
 *     correct POINTS per-trace          POINTS for each valid trace
 *     cutoff  util|kops|correct VALUE   below VALUE the whole score is 0
 *     traces  NAME...                   the traces that count (repeatable);
 *                                       without it, every trace run counts
 *
 * REF is `libc` (the C library's malloc in the same run), `kops N` (a
 * fixed throughput) or, after `icount` (what -I compares against), also
 * `ipo N` (instructions per operation, turned into nominal Kops). Without
 * `icount`, -I uses the same REF on counted Kops.
 *
 * With no -C, mdriver uses the built-in profile made from config.h's
 * UTIL_WEIGHT, REFERENCE_KOPS and ICOUNT_REFERENCE_IPO, which
 * profiles/default.profile spells out (a test checks they agree).
 */
#ifndef MALLOCLAB_PROFILE_H
#define MALLOCLAB_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { PROFILE_MAX_TERMS = 3, PROFILE_MAX_CUTOFFS = 3, PROFILE_TEXT_MAX = 200 };

/* What a term or a cutoff measures. */
enum profile_measure { PM_UTIL, PM_TPUT, PM_CORRECT };

/* What throughput is compared against. */
enum profile_ref_kind {
    REF_NONE,       /* band in plain Kops */
    REF_LIBC,       /* the C library's malloc, same traces, same run */
    REF_KOPS,       /* a fixed number of Kops */
    REF_IPO,        /* -I only: instructions per operation */
};

struct profile_ref {
    enum profile_ref_kind kind;
    double value;               /* Kops or instructions per operation */
    const char *label;          /* how the formula names it; NULL: "libc", "fixed", "ipo" */
};

struct profile_term {
    enum profile_measure measure;
    double weight;              /* points; per valid trace when per_trace */
    bool per_trace;             /* correct only */
    bool band;                  /* false: ratio, capped at 1 */
    double lo, hi;              /* the band */
    struct profile_ref ref, icount_ref;     /* tput only */
};

struct profile_cutoff {
    enum profile_measure measure;   /* PM_TPUT: plain Kops */
    double below;               /* util and correct as fractions */
};

struct profile {
    char name[PROFILE_TEXT_MAX];
    char source[PROFILE_TEXT_MAX];
    struct profile_term term[PROFILE_MAX_TERMS];
    size_t nterms;
    struct profile_cutoff cutoff[PROFILE_MAX_CUTOFFS];
    size_t ncutoffs;
    char **traces;              /* NULL: every trace counts */
    size_t ntraces;
};

/* Read the profile at `path` into *p. 0, or -1 after one message on stderr
 * naming the file and line and what is wrong ("PATH:LINE: ..."), prefixed
 * with `prog` ("mdriver: "). */
int profile_read(const char *path, struct profile *p, const char *prog);

/* The built-in profile: config.h's curve. */
const struct profile *profile_builtin(void);

void profile_free(struct profile *p);

/* Whether the trace named `name` (a file name, no folder) counts. */
bool profile_counts_trace(const struct profile *p, const char *name);

/* Whether a run needs the C library measured: some term compares with it
 * (under -I when `counted`). */
bool profile_needs_libc(const struct profile *p, bool counted);

/* What a column measured, as the profile sees it. */
struct profile_inputs {
    bool counted;               /* -I: Kops are nominal */
    double libc_kops;           /* <= 0: libc was not measured */
    double util;                /* mean utilization over util_traces */
    int util_traces;            /* 0: the util terms are given in full */
    double kops;
    int tput_traces;            /* 0: the tput terms are given in full */
    int traces, valid;          /* counted traces, and how many passed */
};

/* One term's outcome. */
struct profile_term_score {
    double value;               /* what was measured: U, Kops, share valid */
    double reference;           /* Kops compared against (tput with a ref) */
    double fraction;            /* in [0, 1] */
    double points;              /* weight x fraction (per_trace: points x valid) */
    double max;                 /* what it could give */
};

struct profile_score {
    bool ok;                    /* false: a reference is missing (no score) */
    struct profile_term_score term[PROFILE_MAX_TERMS];
    double raw;                 /* the terms' sum */
    double total, max;          /* total: raw, or 0 when cut */
    int cut;                    /* index of the cutoff that zeroed it, or -1 */
};

void profile_apply(const struct profile *p, const struct profile_inputs *in,
                   struct profile_score *s);

/* The formula with the run's figures filled in, e.g.
 *   60% x util 89.2% + 40% x min(1, 9200 / 12000 Kops libc) = 53.5 + 30.7 = 84.2/100
 * or, with s NULL, the formula alone. */
void profile_explain(const struct profile *p, const struct profile_inputs *in,
                     const struct profile_score *s, char *buf, size_t len);

/* Term i alone, the same way. */
void profile_explain_term(const struct profile *p, size_t i, const struct profile_inputs *in,
                          const struct profile_score *s, char *buf, size_t len);

#endif /* MALLOCLAB_PROFILE_H */
