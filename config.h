/*
 * config.h - the tunables of the malloc lab.
 *
 * Everything an instructor may change lives here, and nothing else does.
 * Each value can also be overridden from the make command line, e.g.
 *     make clean && make CFLAGS_EXTRA='-DALIGNMENT=8'
 */
#ifndef MALLOCLAB_CONFIG_H
#define MALLOCLAB_CONFIG_H

/* ---- Traces ---------------------------------------------------------- */

/* Folder the default trace list is read from (relative path or absolute);
 * `mdriver -t DIR` overrides it. */
#ifndef TRACE_DIR
#define TRACE_DIR "traces"
#endif

/* The default trace list: file names inside TRACE_DIR, run in this order. */
#ifndef DEFAULT_TRACES
#define DEFAULT_TRACES                                                       \
    /* hand-written, for debugging (weight 0: checked, not scored) */        \
    "coalesce-none.rep", "coalesce-next.rep", "coalesce-prev.rep",           \
    "coalesce-both.rep", "split.rep", "no-split.rep", "realloc-shrink.rep",  \
    "realloc-grow.rep",                                                      \
    /* synthetic, from tools/tracegen (commands in tools/traces.list) */     \
    "uniform.rep", "bimodal.rep", "coalesce-runs.rep",                       \
    "realloc-grow-mix.rep", "phases.rep", "heavy-tail.rep",                  \
    /* recorded from real programs by tools/tracerec (tools/recorded-traces.txt) */ \
    "real-gcc.rep", "real-python.rep", "real-perl.rep", "real-sed.rep",      \
    "real-gnuplot.rep"
#endif

/* ---- Memory ---------------------------------------------------------- */

/* Payload alignment, in bytes (a power of two, at least 8). Every pointer
 * the allocator returns must be a multiple of it. */
#ifndef ALIGNMENT
#define ALIGNMENT 16
#endif

/* Size of the simulated heap's arena, in bytes; `mdriver -M` overrides it.
 * 1 GiB, or 256 MiB in a 32-bit build (make BITS=32), where 1 GiB would be
 * a quarter of the address space; the largest trace we know of peaks near
 * 32 MB of live payload. */
#ifndef MAX_HEAP
#define MAX_HEAP (sizeof(void *) >= 8 ? (size_t)1 << 30 : (size_t)1 << 28)
#endif

/* The interface mm.c was written for: "native" (this lab's mm.h), or
 * another handout's, such as "csapp" or "15213-2016" (README.md, "Bringing
 * submissions from another handout", lists them). Empty: the build reads
 * mm.c to find it. `make INTERFACE=NAME` overrides this line. */
#ifndef MM_INTERFACE
#define MM_INTERFACE ""
#endif

/* ---- The reference allocator ----------------------------------------- */

/* Placement policy mm.c starts with: "first", "next" or "best". */
#ifndef DEFAULT_PLACEMENT
#define DEFAULT_PLACEMENT "first"
#endif

/* Smallest amount mm_malloc asks mem_sbrk for when the heap must grow, in
 * bytes; 0 means only what is missing. Measured on the classic traces,
 * any minimum only lowers utilization (BENCHMARKS.md); realloc at the
 * heap's end always grows by exactly what is missing. */
#ifndef MIN_HEAP_GROWTH
#define MIN_HEAP_GROWTH 0
#endif

/* ---- Scoring ---------------------------------------------------------- */

/* These make the built-in grading curve, used when mdriver is given no
 * profile (-C); profiles/default.profile spells the same curve out. */

/* Weight of utilization in the performance index, in percent (0-100);
 * throughput gets the rest:
 *     index = W% * util + (100 - W)% * min(1, Kops / reference). */
#ifndef UTIL_WEIGHT
#define UTIL_WEIGHT 60
#endif

/* Reference throughput, in Kops (thousands of operations per second).
 * 0 means: measure the C library's malloc on the same traces in the same
 * run, so that scores do not depend on the grading machine. */
#ifndef REFERENCE_KOPS
#define REFERENCE_KOPS 0
#endif

/* ---- Timing ------------------------------------------------------------ */

/* Throughput is measured by replaying a trace until the TIMING_K fastest
 * replays agree within TIMING_TOLERANCE (a fraction), or until the limits
 * below are reached. */
#ifndef TIMING_K
#define TIMING_K 3
#endif
#ifndef TIMING_TOLERANCE
#define TIMING_TOLERANCE 0.02
#endif
/* Most replays timed per trace and policy (a count). */
#ifndef TIMING_MAX_REPS
#define TIMING_MAX_REPS 20
#endif
/* Time budget for timing one trace under one policy, in seconds. A trace
 * whose replay takes at most this gets a warm-up and at least TIMING_K
 * timed replays; a longer one is timed once, with the checked replay just
 * before as its warm-up. */
#ifndef TIMING_BUDGET
#define TIMING_BUDGET 0.5
#endif
/* A timing stopped as hung: one that takes longer than twice the budget
 * plus TIMING_HANG_FACTOR times the checked replay's duration (a count),
 * plus TIMING_HANG_SLACK seconds. A timed replay does the allocator's work
 * of the checked replay without the checks, so it should take less. */
#ifndef TIMING_HANG_FACTOR
#define TIMING_HANG_FACTOR 5
#endif
#ifndef TIMING_HANG_SLACK
#define TIMING_HANG_SLACK 2
#endif

/* Time limit for the checked replay of one trace under one policy, in
 * seconds; `mdriver -s` overrides it. Timing has its own budget (above). */
#ifndef TRACE_TIME_LIMIT
#define TRACE_TIME_LIMIT 60
#endif

/* ---- Helping a stuck student ---------------------------------------- */

/* Time `mdriver -S` may spend shrinking a failing trace, in seconds. */
#ifndef SHRINK_BUDGET
#define SHRINK_BUDGET 60
#endif

/* Time limit for each replay while shrinking a trace that hung, in
 * seconds: short, since every try that still hangs uses all of it. */
#ifndef SHRINK_HANG_LIMIT
#define SHRINK_HANG_LIMIT 1
#endif

/* ---- Grading (-g, -G, -I, tools/grade) --------------------------------- */

/* Autolab (-g): the assessment's problems and what each is given, as
 * "NAME", "MEASURE" pairs. Measures: "index" (performance index, 0-100),
 * "util" (mean utilization, percent), "kops" (throughput, Kops),
 * "correct" (traces that passed every check, percent). */
#ifndef AUTOLAB_PROBLEMS
#define AUTOLAB_PROBLEMS "Performance index", "index"
#endif

/* Autolab (-g): the scoreboard's columns, left to right, as measures. */
#ifndef AUTOLAB_SCOREBOARD
#define AUTOLAB_SCOREBOARD "index", "util", "kops", "correct"
#endif

/* Gradescope (-G): points the performance index is scaled to (0-100 maps
 * to 0-GRADESCOPE_MAX_SCORE). */
#ifndef GRADESCOPE_MAX_SCORE
#define GRADESCOPE_MAX_SCORE 100
#endif

/* Most global and static writable data mm.c may hold, in bytes (every
 * writable section of mm.o, whatever its name, plus common symbols;
 * checked by tools/rulecheck). */
#ifndef MAX_GLOBAL_DATA
#define MAX_GLOBAL_DATA 128
#endif

/* -I counts instructions instead of timing: a count becomes seconds on a
 * nominal machine running this many instructions per second, so that Kops
 * and the index keep their meaning. */
#ifndef ICOUNT_NOMINAL_IPS
#define ICOUNT_NOMINAL_IPS 1e9
#endif

/* Reference under -I, in instructions per operation; 0 means: count the C
 * library's malloc on the same traces in the same run. */
#ifndef ICOUNT_REFERENCE_IPO
#define ICOUNT_REFERENCE_IPO 0
#endif

#endif /* MALLOCLAB_CONFIG_H */
