/*
 * curve.c - a grading profile on its own, for tools/grade and for an
 * instructor trying a curve: check it, print its formula, score given
 * figures with it, or tabulate it for a contour plot. It reads profiles
 * with the driver's parser (driver/profile.c), so it accepts and rejects
 * exactly what mdriver -C does.
 *
 *   tools/curve [PROFILE]                     its name, source and formula, a
 *                                             line each (no PROFILE: config.h's)
 *   tools/curve -e U,KOPS,LIBC[,VALID/TRACES] [PROFILE]
 *                                             the score of those figures
 *   tools/curve -g KOPS-MAX,LIBC [PROFILE]    "util kops score" on a grid
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "profile.h"

enum { EXIT_OK = 0, EXIT_USAGE = 2 };

/* Points along each axis of -g's grid. */
enum { GRID_STEPS = 60 };

static const struct option_spec option_table[] = {
    {'h', NULL, "print this help and exit"},
    {'I', NULL, "the figures are counted (-I): use the profile's icount references"},
    {'e', "U,KOPS,LIBC[,VALID/TRACES]",
     "print the score of these figures: utilization (a fraction), Kops, libc's Kops, and "
     "optionally valid traces out of traces (default: all valid, of 1)"},
    {'g', "KOPS-MAX,LIBC", "print \"util kops score\" lines over utilization 0-1 and Kops "
     "0-KOPS-MAX (libc's Kops LIBC), a blank line between rows: gnuplot's grid"},
};

static void print_epilogue(FILE *out)
{
    options_print_folded(out, "Without PROFILE, config.h's curve (what mdriver uses without "
                              "-C). Exit status: 0 done, 2 usage error or malformed profile.", 0);
}

static const struct command_line command_line = {
    .name = "curve",
    .options = option_table,
    .num_options = sizeof option_table / sizeof option_table[0],
    .operands = "[PROFILE]",
    .about = "Checks a grading profile and prints its formula, or scores figures with it.",
    .epilogue = print_epilogue,
};

/* Up to `n` comma-separated numbers (a '/' counts as a comma); how many. */
static int numbers(const char *s, double *v, int n)
{
    int got = 0;
    while (got < n) {
        char *end;
        errno = 0;
        v[got] = strtod(s, &end);
        if (end == s || errno != 0 || !isfinite(v[got]))
            return -1;
        got++;
        if (*end == '\0')
            return got;
        if (*end != ',' && *end != '/')
            return -1;
        s = end + 1;
    }
    return -1;
}

static void score(const struct profile *p, const struct profile_inputs *in)
{
    struct profile_score s;
    char text[1024];
    profile_apply(p, in, &s);
    profile_explain(p, in, &s, text, sizeof text);
    printf("%.2f\t%s\n", s.total, text);
}

static void grid(const struct profile *p, struct profile_inputs in, double kops_max)
{
    for (int i = 0; i <= GRID_STEPS; i++) {
        for (int j = 0; j <= GRID_STEPS; j++) {
            struct profile_score s;
            in.util = (double)i / GRID_STEPS;
            in.kops = kops_max * j / GRID_STEPS;
            profile_apply(p, &in, &s);
            printf("%.4f %.2f %.3f\n", in.util, in.kops, s.total);
        }
        printf("\n");
    }
}

int main(int argc, char **argv)
{
    char optstring[OPTSTRING_SIZE];
    options_getopt_string(&command_line, optstring);
    const char *figures = NULL, *grid_arg = NULL;
    bool counted = false;
    int c;
    while ((c = getopt(argc, argv, optstring)) != -1) {
        switch (c) {
        case 'h': options_usage(stdout, &command_line, argv[0]); return EXIT_OK;
        case 'I': counted = true; break;
        case 'e': figures = optarg; break;
        case 'g': grid_arg = optarg; break;
        case ':':
            return options_usage_error(&command_line, argv[0], "option -%c needs an argument",
                                       optopt);
        default:
            return options_usage_error(&command_line, argv[0], "unknown option -%c", optopt);
        }
    }
    if (argc - optind > 1)
        return options_usage_error(&command_line, argv[0], "one profile at most, not '%s' too",
                                   argv[optind + 1]);
    struct profile read = {0};
    const struct profile *p = profile_builtin();
    if (optind < argc) {
        if (profile_read(argv[optind], &read, "curve: ") != 0)
            return EXIT_USAGE;
        p = &read;
    }
    struct profile_inputs in = {.counted = counted, .util_traces = 1, .tput_traces = 1,
                                .traces = 1, .valid = 1};
    double v[5];
    int status = EXIT_OK;
    if (figures != NULL) {
        int n = numbers(figures, v, 5);
        if ((n != 3 && n != 5) || v[0] < 0 || v[0] > 1 || v[1] < 0 ||
            (n == 5 && (v[3] < 0 || v[4] < v[3] || v[3] != floor(v[3]) || v[4] != floor(v[4])))) {
            status = options_usage_error(&command_line, argv[0], "-e wants U,KOPS,LIBC or "
                                         "U,KOPS,LIBC,VALID/TRACES (U within 0 and 1), not '%s'",
                                         figures);
        } else {
            in.util = v[0];
            in.kops = v[1];
            in.libc_kops = v[2];
            if (n == 5) {
                in.valid = (int)v[3];
                in.traces = (int)v[4];
            }
            score(p, &in);
        }
    } else if (grid_arg != NULL) {
        if (numbers(grid_arg, v, 2) != 2 || v[0] <= 0) {
            status = options_usage_error(&command_line, argv[0], "-g wants KOPS-MAX,LIBC (a "
                                         "positive Kops range), not '%s'", grid_arg);
        } else {
            in.libc_kops = v[1];
            grid(p, in, v[0]);
        }
    } else {
        char text[1024];
        profile_explain(p, &in, NULL, text, sizeof text);
        printf("%s\nsource: %s\n%s\n", p->name, p->source, text);
    }
    profile_free(&read);
    return status;
}
