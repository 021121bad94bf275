/*
 * tracerec_raw.h - the raw log that tracerec's shim writes inside the
 * recorded program, and that tracerec turns into a trace afterwards.
 *
 * The log is a file: one header page, then one fixed-size record per
 * allocation call, in the order the calls happened. The shim maps the file
 * (MAP_SHARED) and stores each record straight into it, so whatever was
 * logged survives however the program ends: exit, _exit, a signal, exec.
 *
 *     offset 0                 struct raw_header (rest of the page unused)
 *     offset RAW_HEADER_BYTES  struct raw_record 0, 1, ... count-1
 *
 * The file grows in windows of RAW_WINDOW_BYTES; the shim keeps one window
 * mapped at a time. Only the first `count` records are meaningful.
 *
 * Following children (tracerec -f, -P), every process makes a log of its
 * own in the folder RAW_DIR_ENV names, PID.N.log: a process the run
 * starts, a fork child (which stops writing its parent's log), and each
 * program a process execs (a new image starts a new log). Each log names
 * its program in the header.
 */
#ifndef MALLOCLAB_TRACEREC_RAW_H
#define MALLOCLAB_TRACEREC_RAW_H

#include <stdint.h>

/* Environment variable holding the raw log's path, set by tracerec. */
#define RAW_LOG_ENV "TRACEREC_RAW_LOG"

/* Following children: the folder each process makes its log in; the one
 * program name to log, if only one (tracerec -P); the most records per
 * log (tracerec -n), if limited. Set by tracerec. */
#define RAW_DIR_ENV "TRACEREC_RAW_DIR"
#define RAW_ONLY_ENV "TRACEREC_ONLY"
#define RAW_MAX_ENV "TRACEREC_MAX_RECORDS"

/* Environment variable that makes the shim exercise its hard paths (a
 * comma-separated list: "bootstrap", "recursion"); only the tests set it. */
#define RAW_SELFTEST_ENV "TRACEREC_SHIM_SELFTEST"

/* First bytes of every raw log (no NUL stored). */
#define RAW_MAGIC "tracerec"
#define RAW_MAGIC_LEN 8

/* Sizes in bytes; enum constants so that the static asserts can use them. */
enum {
    /* The header page: a multiple of the page size, so that record windows
     * map at page-aligned offsets (do not modify). */
    RAW_HEADER_BYTES = 4096,
    /* One mapped window of records: a multiple of the page size and of the
     * record size (may be modified). */
    RAW_WINDOW_BYTES = 1 << 20,
    /* Room for a program's name in the header, NUL included (may be modified). */
    RAW_PROGRAM_MAX = 64,
};

struct raw_header {
    char magic[RAW_MAGIC_LEN];  /* RAW_MAGIC */
    uint64_t pid;               /* the one process whose calls are logged */
    uint64_t max_records;       /* store no more records than this; 0: no limit */
    uint64_t count;             /* records stored so far */
    uint64_t unstored;          /* calls seen after max_records was reached */
    uint32_t images;            /* program images that logged (exec starts one) */
    int32_t error;              /* errno that stopped the log early; 0 if none */
    char program[RAW_PROGRAM_MAX];  /* following children: the program, "cc1" */
};

enum raw_kind {
    RAW_ALLOC = 1,  /* malloc, calloc, the aligned family: out, size */
    RAW_REALLOC,    /* realloc, reallocarray: in -> out, size (out is 0 if
                       realloc(in, 0) freed in and returned NULL) */
    RAW_FREE,       /* free(in), in never NULL */
    RAW_EXEC,       /* the process exec'd: every block it had is gone */
};

struct raw_record {
    uint32_t kind;  /* enum raw_kind */
    uint32_t unused;
    uint64_t in;    /* pointer passed in, as an integer; 0 for none */
    uint64_t out;   /* pointer returned, as an integer; 0 for none */
    uint64_t size;  /* bytes asked for; 0 for a free */
};

_Static_assert(sizeof(struct raw_header) <= RAW_HEADER_BYTES,
               "the header fits its page");
_Static_assert(sizeof(struct raw_record) == 32, "records have no padding");
_Static_assert(RAW_WINDOW_BYTES % sizeof(struct raw_record) == 0,
               "a window holds whole records");
_Static_assert(RAW_WINDOW_BYTES % RAW_HEADER_BYTES == 0,
               "windows start at page-aligned offsets");

#endif /* MALLOCLAB_TRACEREC_RAW_H */
