/*
 * options.c - command-line options from one table: the getopt string and
 * the usage are both made from it (options.h).
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

/* The usage's layout, in columns. */
enum {
    WIDTH = 79,             /* no line goes past it, unless one word does */
    HELP_COLUMN = 26,       /* where each option's help starts */
};

static bool has_flag(const char *flags, char flag)
{
    return flags != NULL && strchr(flags, flag) != NULL;
}

void options_getopt_string(const struct command_line *cl, char optstring[OPTSTRING_SIZE])
{
    size_t n = 0;
    if (cl->options_first)
        optstring[n++] = '+';
    optstring[n++] = ':';
    for (size_t i = 0; i < cl->num_options; i++) {
        assert(n + 2 < OPTSTRING_SIZE);
        optstring[n++] = cl->options[i].flag;
        if (cl->options[i].arg != NULL)
            optstring[n++] = ':';
    }
    optstring[n] = '\0';
}

const struct option_spec *options_find(const struct command_line *cl, int flag)
{
    for (size_t i = 0; i < cl->num_options; i++)
        if (cl->options[i].flag == flag)
            return &cl->options[i];
    return NULL;
}

/* Print the `len` bytes at `word` after the cursor at column `col`: on this
 * line after a space if they fit, else at `indent` on the next (with no
 * space before the first word of a line). Returns the new column. */
static int print_word(FILE *out, const char *word, int len, int col, int indent)
{
    if (col > indent && col + 1 + len > WIDTH) {
        fprintf(out, "\n%*s", indent, "");
        col = indent;
    } else if (col > indent) {
        fputc(' ', out);
        col++;
    }
    fprintf(out, "%.*s", len, word);
    return col + len;
}

void options_print_folded(FILE *out, const char *text, int indent)
{
    static const char spaces[] = " \n";
    int col = indent;
    text += strspn(text, spaces);
    while (*text != '\0') {
        int len = (int)strcspn(text, spaces);
        col = print_word(out, text, len, col, indent);
        text += len;
        text += strspn(text, spaces);
    }
    fputc('\n', out);
}

/* The synopsis after "usage: PROG ": the optional flags without an argument
 * in one group, then each other option in table order, then the operands;
 * folded between whole items, continuation lines under the first item. */
static void print_synopsis(FILE *out, const struct command_line *cl, int indent)
{
    char item[80];
    int col = indent;
    size_t n = 0;
    item[n++] = '[';
    item[n++] = '-';
    for (size_t i = 0; i < cl->num_options && n + 2 < sizeof item; i++)
        if (cl->options[i].arg == NULL && !has_flag(cl->required, cl->options[i].flag))
            item[n++] = cl->options[i].flag;
    if (n > 2) {
        item[n++] = ']';
        col = print_word(out, item, (int)n, col, indent);
    }
    for (size_t i = 0; i < cl->num_options; i++) {
        const struct option_spec *o = &cl->options[i];
        bool required = has_flag(cl->required, o->flag);
        if (o->arg == NULL && !required)
            continue;
        snprintf(item, sizeof item, "%s-%c%s%s%s%s", required ? "" : "[", o->flag,
                 o->arg ? " " : "", o->arg ? o->arg : "", required ? "" : "]",
                 has_flag(cl->repeatable, o->flag) ? "..." : "");
        col = print_word(out, item, (int)strlen(item), col, indent);
    }
    if (cl->operands != NULL)
        print_word(out, cl->operands, (int)strlen(cl->operands), col, indent);
    fputc('\n', out);
}

void options_usage(FILE *out, const struct command_line *cl, const char *prog)
{
    print_synopsis(out, cl, fprintf(out, "usage: %s ", prog ? prog : cl->name));
    if (cl->about != NULL) {
        fputc('\n', out);
        options_print_folded(out, cl->about, 0);
    }
    fputc('\n', out);
    for (size_t i = 0; i < cl->num_options; i++) {
        const struct option_spec *o = &cl->options[i];
        char left[48];
        snprintf(left, sizeof left, "-%c%s%s", o->flag, o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(out, "  %-*s", HELP_COLUMN - 2, left);
        if ((int)strlen(left) > HELP_COLUMN - 3)        /* no room for a space: next line */
            fprintf(out, "\n%*s", HELP_COLUMN, "");
        options_print_folded(out, o->help, HELP_COLUMN);
    }
    if (cl->epilogue != NULL) {
        fputc('\n', out);
        cl->epilogue(out);
    }
}

int options_usage_error(const struct command_line *cl, const char *prog, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", cl->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    options_usage(stderr, cl, prog);
    return OPTIONS_EXIT_USAGE;
}

/* ---- Option arguments ---------------------------------------------------- */

/* Read the decimal digits that start `s`, at least one, as a number no
 * larger than `max`; *end is set to the first byte after them. */
static bool read_digits(const char *s, uint64_t max, uint64_t *out, const char **end)
{
    uint64_t v = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++) {
        unsigned d = (unsigned)(*p - '0');
        if (d > max || v > (max - d) / 10)      /* 10 * v + d > max, without overflow */
            return false;
        v = 10 * v + d;
    }
    if (p == s)
        return false;
    *out = v;
    *end = p;
    return true;
}

bool parse_unsigned(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v;
    const char *end;
    if (!read_digits(s, max, &v, &end) || *end != '\0')
        return false;
    *out = v;
    return true;
}

bool parse_size(const char *s, size_t *out)
{
    uint64_t v;
    const char *end;
    if (!read_digits(s, UINT64_MAX, &v, &end))
        return false;
    unsigned shift = 0;
    switch (*end) {
    case 'K': case 'k': shift = 10; break;
    case 'M': case 'm': shift = 20; break;
    case 'G': case 'g': shift = 30; break;
    }
    if (shift != 0)
        end++;
    if (*end != '\0' || v == 0 || v > (SIZE_MAX >> shift))
        return false;
    *out = (size_t)v << shift;
    return true;
}

bool parse_seconds(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !isfinite(v) || v <= 0 || v > 1e6)
        return false;
    *out = v;
    return true;
}
