/*
 * command.h - what mdriver's command line asks for, once parsed.
 *
 * mdriver.c reads argv into a struct options by its option table
 * (options.h); table.h lays out the run's table from it, and rows.h runs
 * that table as it asks.
 */
#ifndef MALLOCLAB_COMMAND_H
#define MALLOCLAB_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

struct options {
    const char *prog;       /* argv[0], to name this driver in hints */
    const char **files;
    size_t nfiles;
    const char *trace_dir;
    char *policies;         /* -p's argument, split in place */
    const char *csv;
    const char *timeline_dir;
    const char *shrink_path;
    size_t max_heap;
    double time_limit;
    const char *gradescope, *rules, *build_log;     /* -G, -R, -B */
    const char *profile;                            /* -C */
    unsigned stop_line;                             /* -x */
    unsigned jobs;                                  /* -j */
    bool quiet;                                     /* -q */
    bool verbose, per_trace, libc, check_heap, in_process, dump;
    bool autolab, icount, replay_only;              /* -g, -I, -P */
    bool breakdown;                                 /* -F */
    const char *html;                               /* -H */
};

#endif /* MALLOCLAB_COMMAND_H */
