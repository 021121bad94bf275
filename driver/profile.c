/*
 * profile.c - grading curves: reading a profile, applying it (profile.h).
 */
#include "profile.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

_Static_assert(UTIL_WEIGHT >= 0 && UTIL_WEIGHT <= 100, "UTIL_WEIGHT is a percentage");

/* Longest line of a profile, in bytes: a profile is a handful of short lines. */
enum { LINE_MAX_BYTES = 1024, MAX_WORDS = 64 };

static const char *const measure_names[] = {
    [PM_UTIL] = "util", [PM_TPUT] = "tput", [PM_CORRECT] = "correct",
};

/* ---- The built-in profile: config.h's curve ------------------------------ */

const struct profile *profile_builtin(void)
{
    static struct profile p;
    static bool made;
    if (made)
        return &p;
    made = true;
    snprintf(p.name, sizeof p.name, "malloclab default (config.h)");
    snprintf(p.source, sizeof p.source, "config.h: UTIL_WEIGHT, REFERENCE_KOPS, "
             "ICOUNT_REFERENCE_IPO");
    p.term[0] = (struct profile_term){.measure = PM_UTIL, .weight = UTIL_WEIGHT};
    struct profile_term *t = &p.term[1];
    *t = (struct profile_term){.measure = PM_TPUT, .weight = 100 - UTIL_WEIGHT};
    const double kops = REFERENCE_KOPS, ipo = ICOUNT_REFERENCE_IPO;
    t->ref = kops > 0 ? (struct profile_ref){REF_KOPS, kops, "REFERENCE_KOPS"}
                      : (struct profile_ref){REF_LIBC, 0, NULL};
    t->icount_ref = ipo > 0 ? (struct profile_ref){REF_IPO, ipo, "ICOUNT_REFERENCE_IPO"}
                            : (struct profile_ref){REF_LIBC, 0, NULL};
    p.nterms = 2;
    return &p;
}

void profile_free(struct profile *p)
{
    for (size_t i = 0; i < p->ntraces; i++)
        free(p->traces[i]);
    free(p->traces);
    p->traces = NULL;
    p->ntraces = 0;
}

/* ---- Reading ------------------------------------------------------------- */

struct reader {
    const char *path, *prog;
    unsigned line;
    char *word[MAX_WORDS];
    size_t nwords;
    size_t at;                  /* the next word to read */
};

/* "PROG: PATH:LINE: MESSAGE" on stderr; returns -1. */
__attribute__((format(printf, 2, 3)))
static int bad(const struct reader *r, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s%s:%u: ", r->prog, r->path, r->line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

static const char *next_word(struct reader *r)
{
    return r->at < r->nwords ? r->word[r->at++] : NULL;
}

static const char *peek_word(const struct reader *r)
{
    return r->at < r->nwords ? r->word[r->at] : NULL;
}

/* A finite number, all of the word; `what` names it in the message. */
static int number(struct reader *r, const char *what, double *out)
{
    const char *w = next_word(r);
    if (w == NULL)
        return bad(r, "%s is missing", what);
    char *end;
    errno = 0;
    double v = strtod(w, &end);
    if (errno != 0 || end == w || *end != '\0' || !isfinite(v))
        return bad(r, "%s must be a number, not '%s'", what, w);
    *out = v;
    return 0;
}

static int positive(struct reader *r, const char *what, double *out)
{
    if (number(r, what, out) != 0)
        return -1;
    if (*out <= 0)
        return bad(r, "%s must be above 0, not %g", what, *out);
    return 0;
}

/* REF: libc | kops N | ipo N (`ipo` only when `icount`). */
static int reference(struct reader *r, bool icount, struct profile_ref *ref)
{
    const char *w = next_word(r);
    if (w == NULL)
        return bad(r, "a reference is missing: libc, kops N%s", icount ? " or ipo N" : "");
    if (strcmp(w, "libc") == 0) {
        *ref = (struct profile_ref){REF_LIBC, 0, NULL};
        return 0;
    }
    if (strcmp(w, "kops") == 0) {
        *ref = (struct profile_ref){REF_KOPS, 0, NULL};
        return positive(r, "the reference's Kops", &ref->value);
    }
    if (strcmp(w, "ipo") == 0 && icount) {
        *ref = (struct profile_ref){REF_IPO, 0, NULL};
        return positive(r, "the reference's instructions per operation", &ref->value);
    }
    if (strcmp(w, "ipo") == 0)
        return bad(r, "'ipo N' is a reference for -I only: write it after 'icount'");
    return bad(r, "unknown reference '%s': use libc, kops N%s", w, icount ? " or ipo N" : "");
}

/* util|tput|correct WEIGHT ... */
static int term(struct reader *r, struct profile *p, enum profile_measure m)
{
    for (size_t i = 0; i < p->nterms; i++)
        if (p->term[i].measure == m)
            return bad(r, "a second '%s' term: each measure has one", measure_names[m]);
    struct profile_term t = {.measure = m};
    if (number(r, "the weight", &t.weight) != 0)
        return -1;
    if (t.weight < 0)
        return bad(r, "the weight must be 0 or more, not %g", t.weight);
    const char *shape = next_word(r);
    if (m == PM_CORRECT) {
        if (shape != NULL && strcmp(shape, "per-trace") == 0)
            t.per_trace = true;
        else if (shape != NULL)
            return bad(r, "'correct' takes a weight and optionally 'per-trace', not '%s'",
                       shape);
    } else if (shape == NULL) {
        return bad(r, "'%s %g' needs a shape: ratio or band LO HI", measure_names[m], t.weight);
    } else if (strcmp(shape, "band") == 0) {
        t.band = true;
        if (number(r, "the band's low end", &t.lo) != 0 ||
            number(r, "the band's high end", &t.hi) != 0)
            return -1;
        if (!(t.lo < t.hi))
            return bad(r, "the band's low end (%g) must be below its high end (%g)", t.lo, t.hi);
        if (m == PM_UTIL && (t.lo < 0 || t.hi > 1))
            return bad(r, "a utilization band lies within 0 and 1 (fractions), not %g-%g",
                       t.lo, t.hi);
    } else if (strcmp(shape, "ratio") != 0) {
        return bad(r, "unknown shape '%s': use ratio or band LO HI", shape);
    }
    if (m == PM_TPUT) {
        const char *w = peek_word(r);
        if (!t.band || (w != NULL && strcmp(w, "icount") != 0)) {
            if (reference(r, false, &t.ref) != 0)
                return -1;
        }
        t.icount_ref = t.ref;
        if ((w = next_word(r)) != NULL) {
            if (strcmp(w, "icount") != 0)
                return bad(r, "unexpected '%s' after the reference (only 'icount REF' may "
                           "follow)", w);
            if (reference(r, true, &t.icount_ref) != 0)
                return -1;
        }
    }
    if ((shape = next_word(r)) != NULL)
        return bad(r, "unexpected '%s' at the end of the '%s' term", shape, measure_names[m]);
    if (p->nterms == PROFILE_MAX_TERMS)
        return bad(r, "too many terms");
    p->term[p->nterms++] = t;
    return 0;
}

/* cutoff util|kops|correct VALUE */
static int cutoff(struct reader *r, struct profile *p)
{
    const char *w = next_word(r);
    struct profile_cutoff c;
    if (w == NULL)
        return bad(r, "'cutoff' needs a measure (util, kops or correct) and a value");
    if (strcmp(w, "util") == 0)
        c.measure = PM_UTIL;
    else if (strcmp(w, "kops") == 0)
        c.measure = PM_TPUT;
    else if (strcmp(w, "correct") == 0)
        c.measure = PM_CORRECT;
    else
        return bad(r, "unknown cutoff measure '%s': use util, kops or correct", w);
    if (number(r, "the cutoff", &c.below) != 0)
        return -1;
    if (c.measure != PM_TPUT && (c.below < 0 || c.below > 1))
        return bad(r, "a %s cutoff is a fraction within 0 and 1, not %g", w, c.below);
    if ((w = next_word(r)) != NULL)
        return bad(r, "unexpected '%s' after the cutoff's value", w);
    if (p->ncutoffs == PROFILE_MAX_CUTOFFS)
        return bad(r, "too many cutoffs (at most %d)", PROFILE_MAX_CUTOFFS);
    p->cutoff[p->ncutoffs++] = c;
    return 0;
}

static int traces(struct reader *r, struct profile *p)
{
    if (r->at == r->nwords)
        return bad(r, "'traces' needs trace file names");
    char **more = realloc(p->traces, (p->ntraces + r->nwords) * sizeof *more);
    if (more == NULL)
        return bad(r, "out of memory");
    p->traces = more;
    for (const char *w; (w = next_word(r)) != NULL;) {
        if (strchr(w, '/') != NULL)
            return bad(r, "'%s': name traces by file name (they are read from the trace "
                       "folder, -t)", w);
        if ((p->traces[p->ntraces] = strdup(w)) == NULL)
            return bad(r, "out of memory");
        p->ntraces++;
    }
    return 0;
}

/* name/source: the rest of the line, words joined by one space. */
static int text(struct reader *r, char *buf, size_t len, const char *key)
{
    if (r->at == r->nwords)
        return bad(r, "'%s' needs some text", key);
    buf[0] = '\0';
    for (const char *w; (w = next_word(r)) != NULL;) {
        if (buf[0] != '\0')
            strncat(buf, " ", len - strlen(buf) - 1);
        strncat(buf, w, len - strlen(buf) - 1);
    }
    return 0;
}

static int statement(struct reader *r, struct profile *p)
{
    const char *key = next_word(r);
    if (strcmp(key, "name") == 0)
        return text(r, p->name, sizeof p->name, key);
    if (strcmp(key, "source") == 0)
        return text(r, p->source, sizeof p->source, key);
    if (strcmp(key, "util") == 0)
        return term(r, p, PM_UTIL);
    if (strcmp(key, "tput") == 0)
        return term(r, p, PM_TPUT);
    if (strcmp(key, "correct") == 0)
        return term(r, p, PM_CORRECT);
    if (strcmp(key, "cutoff") == 0)
        return cutoff(r, p);
    if (strcmp(key, "traces") == 0)
        return traces(r, p);
    return bad(r, "unknown statement '%s': use name, source, util, tput, correct, cutoff or "
               "traces", key);
}

/* Split `line` at blanks into r->word, a '#' ending it. */
static int split(struct reader *r, char *line)
{
    r->nwords = r->at = 0;
    line[strcspn(line, "#")] = '\0';
    for (char *w = strtok(line, " \t\r\n"); w != NULL; w = strtok(NULL, " \t\r\n")) {
        if (r->nwords == MAX_WORDS)
            return bad(r, "more than %d words on one line", MAX_WORDS);
        r->word[r->nwords++] = w;
    }
    return 0;
}

int profile_read(const char *path, struct profile *p, const char *prog)
{
    memset(p, 0, sizeof *p);
    struct reader r = {.path = path, .prog = prog ? prog : ""};
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "%scannot read profile '%s': %s\n", r.prog, path, strerror(errno));
        return -1;
    }
    char line[LINE_MAX_BYTES];
    int status = 0;
    while (status == 0 && fgets(line, sizeof line, f) != NULL) {
        r.line++;
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n' && !feof(f))
            status = bad(&r, "the line is longer than %d bytes", LINE_MAX_BYTES - 2);
        else if ((status = split(&r, line)) == 0 && r.nwords > 0)
            status = statement(&r, p);
    }
    if (status == 0 && ferror(f)) {
        fprintf(stderr, "%scannot read profile '%s': %s\n", r.prog, path, strerror(errno));
        status = -1;
    }
    fclose(f);
    double weights = 0;
    for (size_t i = 0; i < p->nterms; i++)
        weights += p->term[i].weight;
    if (status == 0 && p->nterms == 0) {
        r.line++;
        status = bad(&r, "the profile has no term (util, tput or correct): nothing to score");
    } else if (status == 0 && weights == 0) {
        r.line++;
        status = bad(&r, "every term's weight is 0: nothing to score");
    }
    if (status == 0 && p->name[0] == '\0') {
        const char *slash = strrchr(path, '/');
        snprintf(p->name, sizeof p->name, "%s", slash ? slash + 1 : path);
    }
    if (status != 0)
        profile_free(p);
    return status;
}

/* ---- Applying ------------------------------------------------------------ */

bool profile_counts_trace(const struct profile *p, const char *name)
{
    if (p->traces == NULL)
        return true;
    for (size_t i = 0; i < p->ntraces; i++)
        if (strcmp(p->traces[i], name) == 0)
            return true;
    return false;
}

static const struct profile_ref *term_ref(const struct profile_term *t, bool counted)
{
    return counted ? &t->icount_ref : &t->ref;
}

bool profile_needs_libc(const struct profile *p, bool counted)
{
    for (size_t i = 0; i < p->nterms; i++)
        if (p->term[i].measure == PM_TPUT && term_ref(&p->term[i], counted)->kind == REF_LIBC)
            return true;
    return false;
}

/* The Kops a reference stands for, 0 when it is unknown; 1 for none. */
static double ref_kops(const struct profile_ref *ref, const struct profile_inputs *in)
{
    switch (ref->kind) {
    case REF_NONE: return 1;
    case REF_LIBC: return in->libc_kops > 0 ? in->libc_kops : 0;
    case REF_KOPS: return ref->value;
    case REF_IPO: return ICOUNT_NOMINAL_IPS / ref->value / 1000.0;
    }
    return 0;
}

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

void profile_apply(const struct profile *p, const struct profile_inputs *in,
                   struct profile_score *s)
{
    memset(s, 0, sizeof *s);
    s->ok = true;
    s->cut = -1;
    for (size_t i = 0; i < p->nterms; i++) {
        const struct profile_term *t = &p->term[i];
        struct profile_term_score *ts = &s->term[i];
        double x;       /* what the shape is applied to */
        switch (t->measure) {
        case PM_UTIL:
            ts->value = in->util_traces ? in->util : 1.0;
            x = ts->value;
            if (in->util_traces == 0)       /* no trace counts it: given in full */
                x = t->band ? t->hi : 1.0;
            break;
        case PM_TPUT:
            ts->value = in->kops;
            ts->reference = ref_kops(term_ref(t, in->counted), in);
            if (ts->reference <= 0)
                s->ok = false;
            x = ts->reference > 0 ? in->kops / ts->reference : 0;
            if (in->tput_traces == 0)
                x = t->band ? t->hi : 1.0;
            break;
        case PM_CORRECT:
        default:
            ts->value = in->traces ? (double)in->valid / in->traces : 1.0;
            x = ts->value;
            break;
        }
        if (t->measure == PM_CORRECT && t->per_trace) {
            ts->fraction = ts->value;
            ts->max = t->weight * in->traces;
            ts->points = t->weight * in->valid;
        } else {
            ts->fraction = t->band ? clamp01((x - t->lo) / (t->hi - t->lo))
                                   : (x < 1.0 ? x : 1.0);
            ts->max = t->weight;
            ts->points = t->weight * ts->fraction;
        }
        s->total += ts->points;
        s->max += ts->max;
    }
    for (size_t i = 0; i < p->ncutoffs && s->cut < 0; i++) {
        const struct profile_cutoff *c = &p->cutoff[i];
        double v = c->measure == PM_UTIL ? (in->util_traces ? in->util : 1.0)
                 : c->measure == PM_TPUT ? in->kops
                 : (in->traces ? (double)in->valid / in->traces : 1.0);
        if (v < c->below)
            s->cut = (int)i;
    }
    s->raw = s->total;
    if (s->cut >= 0)
        s->total = 0;
}

/* ---- Explaining -------------------------------------------------------------- */

/* Appending to a fixed buffer, never past its end. */
struct text {
    char *buf;
    size_t len, used;
};

__attribute__((format(printf, 2, 3)))
static void put(struct text *t, const char *fmt, ...)
{
    if (t->used >= t->len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->buf + t->used, t->len - t->used, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->used += (size_t)n;
}

static const char *ref_label(const struct profile_ref *ref)
{
    if (ref->label != NULL)
        return ref->label;
    switch (ref->kind) {
    case REF_LIBC: return "libc";
    case REF_KOPS: return "fixed";
    case REF_IPO: return "ipo";
    case REF_NONE: break;
    }
    return "";
}

/* One term: "60% x util 89.2%", "40% x min(1, 9200 / 12000 Kops libc)". */
static void explain_term(struct text *o, const struct profile_term *t,
                         const struct profile_inputs *in, const struct profile_term_score *ts,
                         bool percent)
{
    const char *unit = in && in->counted ? "counted Kops" : "Kops";
    if (t->measure == PM_CORRECT && t->per_trace) {
        if (ts)
            put(o, "%g x %d valid traces", t->weight, in->valid);
        else
            put(o, "%g x valid traces", t->weight);
        return;
    }
    put(o, percent ? "%g%% x " : "%g x ", t->weight);
    switch (t->measure) {
    case PM_UTIL:
        if (!t->band && ts)
            put(o, "util %.1f%%", 100.0 * ts->value);
        else if (!t->band)
            put(o, "util");
        else if (ts)
            put(o, "clamp((util %.1f%% - %g%%) / %g%%)", 100.0 * ts->value, 100.0 * t->lo,
                100.0 * (t->hi - t->lo));
        else
            put(o, "clamp((util - %g%%) / %g%%)", 100.0 * t->lo, 100.0 * (t->hi - t->lo));
        break;
    case PM_TPUT: {
        const struct profile_ref *ref = term_ref(t, in && in->counted);
        char r[64];
        if (ref->kind == REF_IPO && ref->label == NULL && ts)
            snprintf(r, sizeof r, "%.0f %s ipo %g", ts->reference, unit, ref->value);
        else if (ref->kind == REF_IPO && !ts)
            snprintf(r, sizeof r, "%s (ipo %g)", unit, ref->value);
        else if (ts)
            snprintf(r, sizeof r, "%.0f %s %s", ts->reference, unit, ref_label(ref));
        else if (ref->kind == REF_KOPS)
            snprintf(r, sizeof r, "%g %s", ref->value, unit);
        else
            snprintf(r, sizeof r, "%s's %s", ref_label(ref), unit);
        char k[32];
        if (ts)
            snprintf(k, sizeof k, "%.0f", ts->value);
        else
            snprintf(k, sizeof k, "Kops");
        if (!t->band)
            put(o, "min(1, %s / %s)", k, r);
        else if (ref->kind == REF_NONE)
            put(o, "clamp((%s - %g) / %g %s)", k, t->lo, t->hi - t->lo, unit);
        else
            put(o, "clamp((%s / %s - %g) / %g)", k, r, t->lo, t->hi - t->lo);
        break;
    }
    case PM_CORRECT:
    default:
        if (ts)
            put(o, "valid %d/%d", in->valid, in->traces);
        else
            put(o, "valid/traces");
        break;
    }
}

/* Whether weights read as percentages: they add up to 100, none per trace. */
static bool weights_are_percent(const struct profile *p)
{
    double max = 0;
    for (size_t i = 0; i < p->nterms; i++) {
        if (p->term[i].per_trace)
            return false;
        max += p->term[i].weight;
    }
    return fabs(max - 100) < 1e-9;
}

void profile_explain_term(const struct profile *p, size_t i, const struct profile_inputs *in,
                          const struct profile_score *s, char *buf, size_t len)
{
    struct text o = {buf, len, 0};
    buf[0] = '\0';
    explain_term(&o, &p->term[i], in, s ? &s->term[i] : NULL, weights_are_percent(p));
}

void profile_explain(const struct profile *p, const struct profile_inputs *in,
                     const struct profile_score *s, char *buf, size_t len)
{
    struct text o = {buf, len, 0};
    buf[0] = '\0';
    bool percent = weights_are_percent(p);
    for (size_t i = 0; i < p->nterms; i++) {
        put(&o, i ? " + " : "");
        explain_term(&o, &p->term[i], in, s ? &s->term[i] : NULL, percent);
    }
    if (s != NULL) {
        put(&o, " = ");
        for (size_t i = 0; i < p->nterms; i++)
            put(&o, "%s%.1f", i ? " + " : "", s->term[i].points);
        if (p->nterms > 1)
            put(&o, " = %.1f", s->raw);
        if (s->cut >= 0)
            put(&o, " -> 0");
        put(&o, "/%g", s->max);
        if (s->cut >= 0) {
            const struct profile_cutoff *c = &p->cutoff[s->cut];
            if (c->measure == PM_TPUT)
                put(&o, " (Kops below the cutoff of %g)", c->below);
            else
                put(&o, " (%s below the cutoff of %g%%)", measure_names[c->measure],
                    100.0 * c->below);
        }
        return;
    }
    for (size_t i = 0; i < p->ncutoffs; i++) {
        const struct profile_cutoff *c = &p->cutoff[i];
        put(&o, "%s%s below ", i ? " or " : "; 0 when ",
            c->measure == PM_TPUT ? "Kops" : measure_names[c->measure]);
        if (c->measure == PM_TPUT)
            put(&o, "%g", c->below);
        else
            put(&o, "%g%%", 100.0 * c->below);
    }
}
