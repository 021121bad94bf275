/*
 * options.h - command-line options from one table: the getopt string and
 * the usage are both made from it.
 *
 * mdriver and the trace tools each describe their command line once, as a
 * struct command_line, then
 *     char optstring[OPTSTRING_SIZE];
 *     options_getopt_string(&cl, optstring);
 *     while ((c = getopt(argc, argv, optstring)) != -1)
 *         switch (c) { ...; case ':': missing argument; default: unknown option }
 * and print their -h output and usage errors with options_usage() and
 * options_usage_error(). The number parsers below read option arguments.
 */
#ifndef MALLOCLAB_OPTIONS_H
#define MALLOCLAB_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One option: its letter, the name of its argument, and what it does. */
struct option_spec {
    char flag;
    const char *arg;        /* the argument's name in the usage; NULL: takes none */
    const char *help;       /* one paragraph; the usage folds it */
};

/* A program's command line. */
struct command_line {
    const char *name;                   /* the program, in messages and the usage */
    const struct option_spec *options;
    size_t num_options;
    const char *required;       /* flags that must be given: shown unbracketed (the
                                   program checks they were); NULL for none */
    const char *repeatable;     /* flags that may be given again: shown with "..." */
    const char *operands;       /* what follows the options in the synopsis, or NULL */
    const char *about;          /* what the program does: one paragraph */
    void (*epilogue)(FILE *out);    /* the program's own text after the options
                                       (defaults, exit status), or NULL */
    bool options_first;         /* options end at the first operand, as POSIX has
                                   it (GNU getopt otherwise looks past operands) */
};

/* Room for any getopt string: every letter and digit, each taking an
 * argument, the leading "+:" and the terminating NUL (bytes). */
enum { OPTSTRING_SIZE = 2 * 62 + 3 };

/* The exit status of a usage error (a bad command line), in every program here. */
enum { OPTIONS_EXIT_USAGE = 2 };

/* Write getopt's option string for cl->options into `optstring`. It starts
 * with ':', so that getopt prints nothing itself and returns ':' for a
 * missing argument, '?' for an unknown option (the letter in optopt); and
 * with "+:" when cl->options_first. */
void options_getopt_string(const struct command_line *cl, char optstring[OPTSTRING_SIZE]);

/* The option with letter `flag`, or NULL. */
const struct option_spec *options_find(const struct command_line *cl, int flag);

/* Print the usage to `out`:
 *     usage: PROG [-abc] [-f FILE]... -p PATTERN OPERANDS
 * folded at 79 columns between whole items; then the about paragraph; then
 * each option with its help, folded under one help column; then a blank
 * line and cl->epilogue's text. `prog` names the program in the synopsis
 * (argv[0], say); NULL: cl->name. */
void options_usage(FILE *out, const struct command_line *cl, const char *prog);

/* A usage error: "NAME: MESSAGE" on stderr, one line, then the usage.
 * Returns OPTIONS_EXIT_USAGE, for `return options_usage_error(...)`. */
int options_usage_error(const struct command_line *cl, const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Print `text` folded at spaces to fit 79 columns, each line after the
 * first starting at column `indent`; the cursor is at column `indent` when
 * it is called. Line breaks in `text` count as spaces. Ends the line. */
void options_print_folded(FILE *out, const char *text, int indent);

/* ---- Option arguments ---------------------------------------------------
 * Each parser returns true and sets *out when all of `s` is a value it
 * accepts; otherwise it returns false and leaves *out alone. */

/* An unsigned decimal no larger than `max`: digits only (no sign, no
 * spaces, not empty); leading zeros are fine. */
bool parse_unsigned(const char *s, uint64_t max, uint64_t *out);

/* A positive number of bytes that fits a size_t, with an optional binary
 * suffix in either case: K (2^10), M (2^20), G (2^30). "64M" is 67108864. */
bool parse_size(const char *s, size_t *out);

/* A positive, finite number of seconds up to 1e6, as strtod reads it:
 * "2", "0.5", "1e3". */
bool parse_seconds(const char *s, double *out);

#endif
