/*
 * mdriver.c - the malloc lab's driver: replays trace files against mm.c,
 * checks every operation, and scores utilization and throughput.
 *
 * This file only wires the parts together:
 *     driver/options.c    the command line: getopt's string and -h from one table
 *     driver/trace.c      reading and validating trace files
 *     driver/allocator.c  mm.c and the C library behind one interface
 *     driver/check.c      the checked replay (blockset.c, payload.c)
 *     driver/timing.c     the timed replays
 *     driver/table.c      the rows (traces) and columns (allocators and policies)
 *     driver/rows.c       every row under every column, one by one or -j at once
 *     driver/run.c        one trace under one allocator and policy
 *     driver/isolate.c    ...in a child process: crashes and hangs become failures
 *                         (child.c the child's side, record.c whether its record is believed)
 *     driver/parallel.c   ...several at once (-j)
 *     driver/progress.c   the status line on a terminal during long runs
 *     driver/timeline.c   the heap over time, for the plots (-T)
 *     driver/diagnose.c   the first bad operation, and the heap at a failure (-d)
 *     driver/heapdump.c   the heap around an address, two views
 *     driver/shrink.c     a failing trace reduced to a small one (-S)
 *     driver/score.c      totals and the performance index
 *     driver/profile.c    a course's grading curve (-C)
 *     driver/report.c     the table and the CSV
 *     driver/grading.c    the autograders' outputs (-g, -G)
 *     driver/icount.c     throughput from instruction counts, under callgrind (-I, -P)
 *     driver/breakdown.c  where the memory went (-F; heapwalk.c splits the heap)
 *     driver/viewer.c     the heap in the browser (-H; viewrec.c records a replay)
 *
 * Exit status: 0 every trace valid; 1 some trace failed a check (or mm.c
 * broke a rule, -R, or did not build, -B); 2 a usage or input error (a
 * bad flag, an unreadable or malformed trace or profile).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "memlib.h"

#include "breakdown.h"
#include "command.h"
#include "grading.h"
#include "icount.h"
#include "options.h"
#include "profile.h"
#include "progress.h"
#include "report.h"
#include "results.h"
#include "rows.h"
#include "sandbox.h"
#include "score.h"
#include "table.h"
#include "timeline.h"

enum { EXIT_VALID = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* _exit skips LeakSanitizer's check at exit: run it first, in builds
 * that have it. */
#if defined(__SANITIZE_ADDRESS__)
#define MALLOCLAB_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MALLOCLAB_LSAN 1
#endif
#endif
#ifdef MALLOCLAB_LSAN
#include <sanitizer/lsan_interface.h>
static void sanitizer_leak_check(void)
{
    __lsan_do_leak_check();
}
#else
static void sanitizer_leak_check(void)
{
}
#endif

/* Most checked replays -j may run at once (a count). */
enum { max_jobs = 256 };

/* ---- Options --------------------------------------------------------- */

/* The options, their arguments and their help: usage is printed from this
 * table, and getopt's option string is built from it (options.h). */
static const struct option_spec option_table[] = {
    {'h', NULL, "print this help and exit"},
    {'V', NULL, "verbose: say what is being done, then the per-trace table"},
    {'v', NULL, "print the per-trace table"},
    {'l', NULL, "also show the C library's malloc, the throughput reference"},
    {'c', NULL, "run mm_checkheap after every operation (mm.c must define it)"},
    {'D', NULL, "debug: run everything in this process (no child processes, no time limit, "
     "no sandbox), so that gdb stops where the allocator crashes"},
    {'d', NULL, "at a failure, show the heap around it: the driver's view and mm.c's "
     "(mm_walk_heap)"},
    {'f', "FILE", "replay trace FILE instead of the default list; repeatable"},
    {'t', "DIR", "read the default trace list from DIR (default: " TRACE_DIR ")"},
    {'p', "POLICY[,POLICY...]",
     "run each placement policy side by side: first, next, best (mm.c must define "
     "mm_set_placement); libc names the C library's malloc"},
    {'s', "SECONDS", "time limit for the checked replay of one trace under one policy (timing "
     "has its own budget, TIMING_BUDGET)"},
    {'o', "FILE.csv", "write the results as CSV to FILE.csv"},
    {'T', "DIR", "write the plots' data into DIR: results.csv, totals.csv, and the heap over "
     "time per trace and policy (DIR/timeline, DIR/heapmap)"},
    {'M', "BYTES", "size of the simulated heap's arena; K, M and G suffixes allowed"},
    {'x', "LINE", "stop each trace after the operation on LINE and show the heap there "
     "(no scores)"},
    {'S', "FILE.rep", "when a trace fails, shrink it to a small trace that fails the same way "
     "and write that to FILE.rep (the first failure only)"},
    {'g', NULL, "print Autolab's result line last: {\"scores\": {...}, \"scoreboard\": [...]} "
     "(problems and columns in config.h)"},
    {'G', "FILE.json", "write Gradescope's results.json to FILE.json"},
    {'R', "FILE", "rules mm.c breaks, one per line (tools/rulecheck's report): any makes "
     "-g and -G score 0"},
    {'B', "FILE", "mm.c did not build: run nothing, write -g and -G scoring 0 with FILE's text "
     "(the compiler's messages)"},
    {'I', NULL, "throughput from the instructions the allocator executes (valgrind's "
     "callgrind), not from a clock: the same on every run"},
    {'F', NULL, "after the table, where each trace's memory went: the final heap split at "
     "the peak of live payload into payload, internal and external fragmentation, the "
     "allocator's structures, and growth after the peak (mm_walk_heap divides it)"},
    {'H', "FILE.html", "write one self-contained page to FILE.html that shows the heap "
     "at every operation of the first trace, under each policy (open it in a browser)"},
    {'P', NULL, "replay each trace once after a warm-up, unchecked and untimed, through "
     "icount_malloc, _realloc and _free: what -I counts under callgrind; for profilers"},
    {'C', "PROFILE", "grade on the curve in PROFILE (profiles/*.profile): the index, -g and "
     "-G follow it, and its trace list replaces the default one"},
    {'j', "N", "check N traces and policies at once, each in its own process; the timing "
     "follows, one at a time, alone (default 1)"},
    {'q', NULL, "quiet: no status line on the terminal during long runs"},
};

static void print_epilogue(FILE *out)
{
    fprintf(out, "Defaults: -s %d, -M %zu (config.h).\n", TRACE_TIME_LIMIT, (size_t)MAX_HEAP);
    options_print_folded(out, "Exit status: 0 all traces valid, 1 some trace failed a check "
                              "(or -R, -B), 2 usage or input error.", 0);
}

static const struct command_line command_line = {
    .name = "mdriver",
    .options = option_table,
    .num_options = sizeof option_table / sizeof option_table[0],
    .repeatable = "f",
    .about = "Replays malloc traces against mm.c, checks every operation, and scores "
             "memory utilization and throughput.",
    .epilogue = print_epilogue,
};

/* Parse argv into *o; returns -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, struct options *o)
{
    char optstring[OPTSTRING_SIZE];
    options_getopt_string(&command_line, optstring);

    /* max_heap stays 0 until -M: the default depends on mm.c's interface. */
    *o = (struct options){.prog = argv[0], .trace_dir = TRACE_DIR,
                          .time_limit = TRACE_TIME_LIMIT, .jobs = 1};
#ifdef DEBUG
    o->check_heap = true;       /* the debug driver checks the heap by default */
#endif
    o->files = calloc((size_t)argc, sizeof *o->files);
    if (o->files == NULL) {
        fprintf(stderr, "mdriver: out of memory\n");
        return EXIT_USAGE;
    }
    uint64_t line;
    int c;
    while ((c = getopt(argc, argv, optstring)) != -1) {
        switch (c) {
        case 'h': options_usage(stdout, &command_line, argv[0]); return EXIT_VALID;
        case 'V': o->verbose = o->per_trace = true; break;
        case 'v': o->per_trace = true; break;
        case 'l': o->libc = true; break;
        case 'c': o->check_heap = true; break;
        case 'D': o->in_process = true; break;
        case 'd': o->dump = true; break;
        case 'x':
            if (!parse_unsigned(optarg, UINT32_MAX, &line) || line == 0)
                return options_usage_error(&command_line, argv[0], "-x wants a trace line "
                                           "number (1 or more), not '%s'", optarg);
            o->stop_line = (unsigned)line;
            break;
        case 'j':
            if (!parse_unsigned(optarg, max_jobs, &line) || line == 0)
                return options_usage_error(&command_line, argv[0], "-j wants a number of "
                                           "processes from 1 to %d, not '%s'", max_jobs, optarg);
            o->jobs = (unsigned)line;
            break;
        case 'q': o->quiet = true; break;
        case 'f': o->files[o->nfiles++] = optarg; break;
        case 't': o->trace_dir = optarg; break;
        case 'p': o->policies = optarg; break;
        case 'o': o->csv = optarg; break;
        case 'T': o->timeline_dir = optarg; break;
        case 'S': o->shrink_path = optarg; break;
        case 'g': o->autolab = true; break;
        case 'G': o->gradescope = optarg; break;
        case 'R': o->rules = optarg; break;
        case 'B': o->build_log = optarg; break;
        case 'I': o->icount = true; break;
        case 'P': o->replay_only = o->in_process = true; break;
        case 'F': o->breakdown = true; break;
        case 'H': o->html = optarg; break;
        case 'C': o->profile = optarg; break;
        case 'M':
            if (!parse_size(optarg, &o->max_heap))
                return options_usage_error(&command_line, argv[0], "-M wants a size in bytes "
                                           "such as 67108864 or 64M, not '%s'", optarg);
            break;
        case 's':
            if (!parse_seconds(optarg, &o->time_limit))
                return options_usage_error(&command_line, argv[0], "-s wants a positive "
                                           "number of seconds, not '%s'", optarg);
            break;
        case ':':
            return options_usage_error(&command_line, argv[0], "option -%c needs an argument",
                                       optopt);
        default:
            return options_usage_error(&command_line, argv[0], "unknown option -%c", optopt);
        }
    }
    if (optind < argc)
        return options_usage_error(&command_line, argv[0], "unexpected argument '%s' (traces "
                                   "are given with -f)", argv[optind]);
    if (o->html != NULL && (o->stop_line != 0 || o->replay_only))
        return options_usage_error(&command_line, argv[0], "-H draws a whole checked run; "
                                   "leave out -x and -P");
    if (o->jobs > 1 && o->in_process)
        return options_usage_error(&command_line, argv[0], "-j runs each trace in a child "
                                   "process; leave out -D (or -P)");
    if (o->shrink_path != NULL && o->in_process)
        return options_usage_error(&command_line, argv[0], "-S needs child processes to try "
                                   "each smaller trace; leave out -D");
    return -1;
}

/* ---- Writing ------------------------------------------------------------ */

/* results.csv and totals.csv into the -T folder. */
static int write_timeline_csvs(const char *dir, const struct results *rs)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/results.csv", dir);
    if (report_csv(path, rs) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/totals.csv", dir);
    return report_totals_csv(path, rs);
}

/* ---- Grading ----------------------------------------------------------- */

/* Read what -g, -G, -R, -B and -I need; returns -1 to go on, or an exit
 * status. With -B nothing runs: the outputs are written here, scoring 0. */
static int setup_grading(const struct options *o, struct grading *g)
{
    if ((o->autolab || o->gradescope != NULL || o->build_log != NULL) &&
        grading_check_config() != 0)
        return EXIT_USAGE;
    if (o->rules != NULL && grading_read_rules(o->rules, g) != 0)
        return EXIT_USAGE;
    if (o->build_log != NULL) {
        if (grading_read_not_run(o->build_log, g) != 0)
            return EXIT_USAGE;
        size_t len = strlen(g->not_run);
        fprintf(stderr, "mdriver: mm.c could not be graded; it scores 0:\n%s%s", g->not_run,
                len > 0 && g->not_run[len - 1] != '\n' ? "\n" : "");
        int status = EXIT_FAILED;
        if (o->gradescope != NULL && grading_gradescope(o->gradescope, g) != 0)
            status = EXIT_USAGE;
        if (o->autolab)
            grading_autolab(stdout, g);
        return status;
    }
    char why[SANDBOX_WHY_MAX];
    if ((o->autolab || o->gradescope != NULL) && !o->in_process && !sandbox_available(why))
        fprintf(stderr, "mdriver: warning: mm.c runs without the sandbox that guards the "
                "grading (README.md): %s\n", why);
    char err[ICOUNT_ERR_MAX];
    if (o->icount && !icount_available(err)) {
        fprintf(stderr, "mdriver: %s\n", err);
        return EXIT_USAGE;
    }
    return -1;
}

/* After the table: the broken rules, Gradescope's file, then Autolab's line,
 * which must be the last line of the output. Returns false when mm.c broke
 * a rule. */
static bool write_grading(const struct options *o, struct grading *g, bool *output_error)
{
    fflush(stdout);
    for (size_t i = 0; i < g->nviolations; i++)
        fprintf(stderr, "RULE %s\n", g->violations[i]);
    if (g->nviolations > 0)
        fprintf(stderr, "mm.c breaks %zu rule%s (-R): the grading outputs score 0\n",
                g->nviolations, g->nviolations == 1 ? "" : "s");
    if (o->gradescope != NULL && grading_gradescope(o->gradescope, g) != 0)
        *output_error = true;
    if (o->autolab)
        grading_autolab(stdout, g);
    return g->nviolations == 0;
}

/* The driver's run, from the command line to the grading line. */
static int run_driver(int argc, char **argv)
{
    struct options o;
    struct results rs = {0};
    struct grading grading = {0};
    struct profile curve = {0};
    /* Line by line, so that what mm.c prints is not lost in a crash; into
     * a buffer of our own, which stdio would otherwise allocate (and ask
     * the kernel about stdout) at the first write, perhaps in a sandboxed
     * run (driver/sandbox.h). */
    static char stdout_buffer[BUFSIZ];
    setvbuf(stdout, stdout_buffer, _IOLBF, sizeof stdout_buffer);
    int status = parse_options(argc, argv, &o);
    if (status < 0 && o.profile != NULL) {
        if (profile_read(o.profile, &curve, "mdriver: ") != 0)
            status = EXIT_USAGE;
        else
            rs.profile = &curve;
    }
    if (status < 0)
        status = setup_grading(&o, &grading);
    if (status < 0)
        status = table_make_columns(&o, &rs, &command_line, argv[0]);
    if (status >= 0) {
        free(o.files);
        table_free(&rs);
        grading_free(&grading);
        profile_free(&curve);
        return status;
    }
    rs.counted = o.icount;
    if (table_make_rows(&o, &rs) != 0 ||
        (rs.cell = calloc(rs.nrows * rs.ncols, sizeof *rs.cell)) == NULL) {
        fprintf(stderr, "mdriver: out of memory\n");
        return EXIT_USAGE;
    }
    if (mem_init(o.max_heap) != 0 ||
        (o.timeline_dir != NULL && timeline_make_dirs(o.timeline_dir) != 0))
        return EXIT_USAGE;

    bool input_error = false;
    progress_enable(!o.quiet);
    bool all_valid = rows_run(&o, &rs, &input_error);
    if (o.replay_only) {
        mem_deinit();
        free(o.files);
        table_free(&rs);
        return input_error ? EXIT_USAGE : all_valid ? EXIT_VALID : EXIT_FAILED;
    }

    if (o.stop_line != 0) {
        /* Stopped runs are not scored: the heap dumps are the output. */
        mem_deinit();
        free(o.files);
        table_free(&rs);
        return input_error ? EXIT_USAGE : all_valid ? EXIT_VALID : EXIT_FAILED;
    }
    if (o.verbose)
        printf("\n");
    report_table(stdout, &rs, o.per_trace);
    if (o.breakdown)
        breakdown_report(stdout, &rs);
    if (o.csv != NULL && report_csv(o.csv, &rs) != 0)
        input_error = true;
    if (o.timeline_dir != NULL && write_timeline_csvs(o.timeline_dir, &rs) != 0)
        input_error = true;

    mem_deinit();
    grading.rs = &rs;
    all_valid &= !score_any_impossible(&rs);
    all_valid &= write_grading(&o, &grading, &input_error);
    free(o.files);
    table_free(&rs);
    grading_free(&grading);
    profile_free(&curve);
    if (input_error)
        return EXIT_USAGE;
    return all_valid ? EXIT_VALID : EXIT_FAILED;
}

int main(int argc, char **argv)
{
    int status = run_driver(argc, argv);
    /* End here, without the atexit handlers and destructors that a
     * hostile mm.c might have registered: nothing prints after the
     * grading line. */
    fflush(NULL);
    sanitizer_leak_check();
    _exit(status);
}
