/*
 * grading.c - Autolab's result line and Gradescope's results.json.
 */
#include "grading.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "score.h"

/* Most of a -R or -B file kept, in bytes: a compiler can print megabytes. */
static const size_t max_text = 64 * 1024;

_Static_assert(GRADESCOPE_MAX_SCORE > 0, "GRADESCOPE_MAX_SCORE is a number of points");

/* ---- What the outputs report ------------------------------------------- */

enum measure { MEASURE_INDEX, MEASURE_UTIL, MEASURE_KOPS, MEASURE_CORRECT, MEASURE_UNKNOWN };

static const char *const measure_names[] = {
    [MEASURE_INDEX] = "index",
    [MEASURE_UTIL] = "util",
    [MEASURE_KOPS] = "kops",
    [MEASURE_CORRECT] = "correct",
};

/* Decimals each measure is written with. */
static const int measure_decimals[] = {
    [MEASURE_INDEX] = 2, [MEASURE_UTIL] = 2, [MEASURE_KOPS] = 0, [MEASURE_CORRECT] = 2,
};

static const char *const problems[] = {AUTOLAB_PROBLEMS};
static const char *const scoreboard[] = {AUTOLAB_SCOREBOARD};

enum {
    NUM_MEASURES = sizeof measure_names / sizeof measure_names[0],
    NUM_PROBLEM_WORDS = sizeof problems / sizeof problems[0],
    NUM_SCOREBOARD = sizeof scoreboard / sizeof scoreboard[0],
};

_Static_assert(NUM_PROBLEM_WORDS % 2 == 0, "AUTOLAB_PROBLEMS is a list of \"NAME\", \"MEASURE\" pairs");

static enum measure measure_named(const char *name)
{
    for (int m = 0; m < NUM_MEASURES; m++)
        if (strcmp(name, measure_names[m]) == 0)
            return (enum measure)m;
    return MEASURE_UNKNOWN;
}

int grading_check_config(void)
{
    for (size_t i = 1; i < NUM_PROBLEM_WORDS; i += 2)
        if (measure_named(problems[i]) == MEASURE_UNKNOWN) {
            fprintf(stderr, "mdriver: AUTOLAB_PROBLEMS in config.h gives problem '%s' the "
                    "measure '%s'; known measures: index, util, kops, correct\n",
                    problems[i - 1], problems[i]);
            return -1;
        }
    for (size_t i = 0; i < NUM_SCOREBOARD; i++)
        if (measure_named(scoreboard[i]) == MEASURE_UNKNOWN) {
            fprintf(stderr, "mdriver: AUTOLAB_SCOREBOARD in config.h names the measure '%s'; "
                    "known measures: index, util, kops, correct\n", scoreboard[i]);
            return -1;
        }
    return 0;
}

/* The graded column's figures, every one 0 when the run is zeroed. */
struct figures {
    bool ran;                   /* there is an mm.c column */
    size_t col;
    struct totals tot;
    double value[NUM_MEASURES];
    double scale;               /* Gradescope's points per point of the index */
    int util_term;              /* the profile's util term, or -1 */
};

bool grading_zeroed(const struct grading *g)
{
    return g->not_run != NULL || g->nviolations > 0;
}

static void get_figures(const struct grading *g, struct figures *f)
{
    memset(f, 0, sizeof *f);
    const struct results *rs = g->rs;
    for (size_t c = 0; rs != NULL && c < rs->ncols && !f->ran; c++) {
        if (rs->col[c].alloc->simulated) {
            f->ran = true;
            f->col = c;
        }
    }
    if (!f->ran)
        return;
    score_column(rs, f->col, score_libc_kops(rs), &f->tot);
    const struct profile *p = score_profile(rs);
    f->scale = f->tot.score.max > 0 ? GRADESCOPE_MAX_SCORE / f->tot.score.max : 0;
    f->util_term = -1;
    for (size_t i = 0; i < p->nterms; i++)
        if (p->term[i].measure == PM_UTIL)
            f->util_term = (int)i;
    if (grading_zeroed(g))
        return;
    const struct totals *t = &f->tot;
    f->value[MEASURE_INDEX] = t->has_index ? t->index : 0;
    f->value[MEASURE_UTIL] = t->util >= 0 ? 100.0 * t->util : 0;
    f->value[MEASURE_KOPS] = t->kops;
    f->value[MEASURE_CORRECT] = t->traces > 0 ? 100.0 * (t->traces - t->failed) / t->traces : 0;
}

/* ---- Reading -R and -B ----------------------------------------------- */

/* The file's text, at most max_text bytes of it, NUL-terminated; NULL
 * with a message when it cannot be read. */
static char *read_text(const char *path, const char *option)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "mdriver: cannot read %s's file '%s': %s\n", option, path,
                strerror(errno));
        return NULL;
    }
    static const char cut[] = "\n[... cut: the rest is in the file]\n";
    char *buf = malloc(max_text + sizeof cut);
    size_t n = buf ? fread(buf, 1, max_text, f) : 0;
    bool more = buf && n == max_text && fgetc(f) != EOF;
    bool failed = buf == NULL || ferror(f);
    fclose(f);
    if (failed) {
        fprintf(stderr, "mdriver: cannot read %s's file '%s'\n", option, path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';                      /* a NUL byte in it ends the text early */
    if (more)
        strcat(buf, cut);
    return buf;
}

int grading_read_rules(const char *path, struct grading *g)
{
    char *text = read_text(path, "-R");
    if (text == NULL)
        return -1;
    g->rules_checked = true;
    size_t lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    g->violations = calloc(lines, sizeof *g->violations);
    if (g->violations == NULL) {
        free(text);
        fprintf(stderr, "mdriver: out of memory\n");
        return -1;
    }
    for (char *line = text, *next; line != NULL; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        line[strcspn(line, "\r")] = '\0';
        if (*line != '\0' && (g->violations[g->nviolations] = strdup(line)) != NULL)
            g->nviolations++;
    }
    free(text);
    return 0;
}

int grading_read_not_run(const char *path, struct grading *g)
{
    g->not_run = read_text(path, "-B");
    return g->not_run == NULL ? -1 : 0;
}

void grading_free(struct grading *g)
{
    for (size_t i = 0; i < g->nviolations; i++)
        free(g->violations[i]);
    free(g->violations);
    free(g->not_run);
    g->violations = NULL;
    g->not_run = NULL;
    g->nviolations = 0;
}

/* ---- JSON ------------------------------------------------------------ */

/* Length of the well-formed UTF-8 sequence at s (1 to 4), or 0 when it is
 * not one (a stray byte, an overlong form, a surrogate, past U+10FFFF). */
static size_t utf8_length(const unsigned char *s)
{
    size_t n;
    unsigned long min;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xc2 && s[0] <= 0xdf) {
        n = 2;
        min = 0x80;
    } else if ((s[0] & 0xf0) == 0xe0) {
        n = 3;
        min = 0x800;
    } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    unsigned long cp = s[0] & (0x7fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)      /* the terminating NUL stops here too */
            return 0;
        cp = cp << 6 | (s[i] & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

void grading_json_string(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', out);
    while (*p != '\0') {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                fprintf(out, "\\u%04x", *p);
            } else if (*p >= 0x80) {
                size_t n = utf8_length(p);
                if (n == 0) {
                    fputs("\\ufffd", out);
                } else {
                    fwrite(p, 1, n, out);
                    p += n;
                    continue;
                }
            } else {
                fputc(*p, out);
            }
        }
        p++;
    }
    fputc('"', out);
}

/* A JSON number: never NaN or infinity, which JSON cannot hold. */
static void json_number(FILE *out, double v, int decimals)
{
    fprintf(out, "%.*f", decimals, isfinite(v) ? v : 0.0);
}

/* ---- Autolab ----------------------------------------------------------- */

void grading_autolab(FILE *out, const struct grading *g)
{
    struct figures f;
    get_figures(g, &f);
    /* On a line of its own even when what mm.c printed did not end its
     * line: a blank line is harmless, a line run into the result is not. */
    fputs("\n{\"scores\": {", out);
    for (size_t i = 0; i + 1 < NUM_PROBLEM_WORDS; i += 2) {
        enum measure m = measure_named(problems[i + 1]);
        fputs(i ? ", " : "", out);
        grading_json_string(out, problems[i]);
        fputs(": ", out);
        json_number(out, m == MEASURE_UNKNOWN ? 0 : f.value[m],
                    m == MEASURE_UNKNOWN ? 0 : measure_decimals[m]);
    }
    fputs("}, \"scoreboard\": [", out);
    for (size_t i = 0; i < NUM_SCOREBOARD; i++) {
        enum measure m = measure_named(scoreboard[i]);
        fputs(i ? ", " : "", out);
        json_number(out, m == MEASURE_UNKNOWN ? 0 : f.value[m],
                    m == MEASURE_UNKNOWN ? 0 : measure_decimals[m]);
    }
    fputs("]}\n", out);
    fflush(out);
}

/* ---- Gradescope -------------------------------------------------------- */

/* The layout is part of the interface: tools/grade reads its CSV figures
 * from this file, one test and one leaderboard entry per line. */

/* One element of "tests"; `first` says whether a comma goes before it. */
static void test(FILE *out, bool *first, const char *name, double score, double max_score,
                 bool passed, const char *output)
{
    fputs(*first ? "\n" : ",\n", out);
    *first = false;
    fputs("    {\"name\": ", out);
    grading_json_string(out, name);
    fputs(", \"score\": ", out);
    json_number(out, score, 2);
    fputs(", \"max_score\": ", out);
    json_number(out, max_score, 2);
    fprintf(out, ", \"status\": \"%s\", \"output\": ", passed ? "passed" : "failed");
    grading_json_string(out, output);
    fputs("}", out);
}

static const char *weight_note(enum trace_weight w)
{
    switch (w) {
    case WEIGHT_NONE: return " (not scored: for debugging)";
    case WEIGHT_UTIL: return " (counts for utilization only)";
    case WEIGHT_TPUT: return " (counts for throughput only)";
    case WEIGHT_BOTH: break;
    }
    return "";
}

/* Whether each trace carries its share of the utilization term: when the
 * term is the plain mean (ratio), shares add up to it. */
static bool util_per_trace(const struct grading *g, const struct figures *f)
{
    const struct profile *p = score_profile(g->rs);
    return f->util_term >= 0 && !p->term[f->util_term].band && f->tot.util_traces > 0;
}

/* One test per trace: its share of the utilization term, if it has one. */
static void trace_tests(FILE *out, bool *first, const struct grading *g,
                        const struct figures *f)
{
    const struct results *rs = g->rs;
    const struct totals *tot = &f->tot;
    char text[RUN_MESSAGE_MAX + 256];
    for (size_t i = 0; i < rs->nrows; i++) {
        const struct row *row = &rs->row[i];
        const struct run_result *r = results_cell(rs, i, f->col);
        double max = 0, score = 0;
        if (row->loaded && score_counts_util(row->weight) && util_per_trace(g, f) &&
            profile_counts_trace(score_profile(rs), row->name)) {
            max = f->scale * score_profile(rs)->term[f->util_term].weight / tot->util_traces;
            score = grading_zeroed(g) || !r->valid || tot->score.cut >= 0 ? 0 : max * r->util;
        }
        if (!row->loaded) {
            snprintf(text, sizeof text, "not run: the trace has an input error: %s", r->message);
        } else if (!r->valid) {
            snprintf(text, sizeof text, "%s%s", r->message, weight_note(row->weight));
        } else {
            int len = snprintf(text, sizeof text, "valid; utilization %.1f%%", 100.0 * r->util);
            if (r->timed && r->secs > 0 && len > 0 && (size_t)len < sizeof text)
                len += snprintf(text + len, sizeof text - (size_t)len, "; %.0f Kops",
                                (double)r->ops / r->secs / 1000.0);
            if (rs->counted && r->ops > 0 && len > 0 && (size_t)len < sizeof text)
                len += snprintf(text + len, sizeof text - (size_t)len,
                                " (%.1f instructions per operation)",
                                (double)r->instructions / (double)r->ops);
            if (len > 0 && (size_t)len < sizeof text)
                snprintf(text + len, sizeof text - (size_t)len, "%s", weight_note(row->weight));
        }
        test(out, first, row->name, score, max, row->loaded && r->valid, text);
    }
}

/* Each term the traces do not carry as one test, and the cutoff that
 * zeroed the score as one more. */
static void term_tests(FILE *out, bool *first, const struct grading *g, const struct figures *f)
{
    const struct totals *tot = &f->tot;
    const struct profile *p = score_profile(g->rs);
    bool zeroed = grading_zeroed(g) || !tot->has_index || tot->score.cut >= 0;
    static const char *const names[] = {
        [PM_UTIL] = "utilization", [PM_TPUT] = "throughput", [PM_CORRECT] = "correctness",
    };
    char text[1200], term[256];
    for (size_t i = 0; i < p->nterms; i++) {
        const struct profile_term *t = &p->term[i];
        const struct profile_term_score *ts = &tot->score.term[i];
        bool passed = true;
        if ((int)i == f->util_term && util_per_trace(g, f))
            continue;
        profile_explain_term(p, i, &tot->in, &tot->score, term, sizeof term);
        if (t->measure == PM_UTIL && tot->util_traces == 0) {
            snprintf(text, sizeof text, "no trace counts utilization: the term is given in full");
        } else if (t->measure == PM_TPUT && !tot->score.ok) {
            snprintf(text, sizeof text, "no reference throughput (libc was not measured and "
                     "the profile compares with it): no throughput score");
        } else if (t->measure == PM_TPUT && tot->tput_traces == 0) {
            snprintf(text, sizeof text, "no trace counts throughput: the term is given in full");
        } else if (t->measure == PM_TPUT) {
            snprintf(text, sizeof text, "%.0f %s against a reference of %.0f: %s; %d of %d "
                     "throughput traces passed", tot->kops,
                     g->rs->counted ? "Kops, counted" : "Kops", ts->reference, term,
                     tot->tput_passed, tot->tput_traces);
            passed = tot->tput_passed == tot->tput_traces;
        } else {
            snprintf(text, sizeof text, "%s", term);
            passed = t->measure != PM_CORRECT || tot->failed == 0;
        }
        test(out, first, names[t->measure], zeroed ? 0 : f->scale * ts->points,
             f->scale * ts->max, passed, text);
    }
    if (tot->score.cut >= 0) {
        char formula[1024];
        score_explain(g->rs, tot, formula, sizeof formula);
        snprintf(text, sizeof text, "the score is 0 below a cutoff: %s", formula);
        test(out, first, "cutoff", 0, 0, false, text);
    }
}

static void rules_test(FILE *out, bool *first, const struct grading *g)
{
    size_t len = 1;
    for (size_t i = 0; i < g->nviolations; i++)
        len += strlen(g->violations[i]) + 1;
    static const char ok[] = "mm.c calls none of the C library's allocator or the kernel's "
                             "memory functions, and its global data is within the limit";
    static const char zero[] = "A broken rule makes the score 0.";
    char *text = malloc(len + sizeof ok + sizeof zero);
    if (text == NULL) {
        test(out, first, "rules", 0, 0, g->nviolations == 0, "(out of memory)");
        return;
    }
    text[0] = '\0';
    for (size_t i = 0; i < g->nviolations; i++) {
        strcat(text, g->violations[i]);
        strcat(text, "\n");
    }
    strcat(text, g->nviolations ? zero : ok);
    test(out, first, "rules", 0, 0, g->nviolations == 0, text);
    free(text);
}

/* The summary shown above the tests. */
static void summary_text(const struct grading *g, const struct figures *f, char *buf, size_t len)
{
    const struct totals *t = &f->tot;
    if (g->not_run != NULL) {
        snprintf(buf, len, "mm.c could not be graded (see the test \"build\"): the score is 0.");
        return;
    }
    if (!f->ran) {
        snprintf(buf, len, "no column of mm.c was run: the score is 0.");
        return;
    }
    int n = 0;
    if (g->nviolations > 0)
        n = snprintf(buf, len, "mm.c breaks %zu rule%s (see the test \"rules\"): the score is "
                     "0. Without that it would be: ", g->nviolations,
                     g->nviolations == 1 ? "" : "s");
    if (n < 0 || (size_t)n >= len)
        return;
    char formula[1024];
    if (t->has_index) {
        score_explain(g->rs, t, formula, sizeof formula);
        if (g->rs->profile != NULL)
            snprintf(buf + n, len - (size_t)n, "score under profile '%s' = %s; %d of %d traces "
                     "valid.", g->rs->profile->name, formula, t->traces - t->failed, t->traces);
        else
            snprintf(buf + n, len - (size_t)n, "performance index = %s; %d of %d traces valid.",
                     formula, t->traces - t->failed, t->traces);
    } else {
        snprintf(buf + n, len - (size_t)n, "no performance index (no reference throughput); "
                 "%d of %d traces valid.", t->traces - t->failed, t->traces);
    }
}

static void leaderboard_entry(FILE *out, bool last, const char *name, double value, int decimals)
{
    fputs("    {\"name\": ", out);
    grading_json_string(out, name);
    fputs(", \"value\": ", out);
    json_number(out, value, decimals);
    fputs(last ? "}\n" : "},\n", out);
}

int grading_gradescope(const char *path, const struct grading *g)
{
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    struct figures f;
    get_figures(g, &f);
    char summary[2048];
    summary_text(g, &f, summary, sizeof summary);

    fputs("{\n  \"score\": ", out);
    json_number(out, f.scale * f.value[MEASURE_INDEX], 2);
    fputs(",\n  \"output\": ", out);
    grading_json_string(out, summary);
    fputs(",\n  \"tests\": [", out);
    bool first = true;
    if (g->not_run != NULL) {
        test(out, &first, "build", 0, GRADESCOPE_MAX_SCORE, false, g->not_run);
    } else if (f.ran) {
        trace_tests(out, &first, g, &f);
        term_tests(out, &first, g, &f);
    }
    if (g->rules_checked && g->not_run == NULL)
        rules_test(out, &first, g);
    fputs("\n  ],\n  \"leaderboard\": [\n", out);
    bool counted = g->rs != NULL && g->rs->counted;
    leaderboard_entry(out, false, "Performance index", f.value[MEASURE_INDEX],
                      measure_decimals[MEASURE_INDEX]);
    leaderboard_entry(out, false, "Utilization (%)", f.value[MEASURE_UTIL],
                      measure_decimals[MEASURE_UTIL]);
    leaderboard_entry(out, true, counted ? "Throughput (Kops, counted)" : "Throughput (Kops)",
                      f.value[MEASURE_KOPS], measure_decimals[MEASURE_KOPS]);
    fputs("  ]\n}\n", out);
    bool failed = ferror(out) != 0;
    if (fclose(out) != 0 || failed) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}
