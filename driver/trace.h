/*
 * trace.h - reading trace files: the one parser that the driver and the
 * trace tools share.
 *
 * A trace is four header lines, then one operation per line:
 *     a <id> <bytes>    allocate <bytes> for block <id>
 *     r <id> <bytes>    reallocate block <id> to <bytes>
 *     f <id>            free block <id>
 * Two header variants exist, told apart by what the body computes:
 *     classic (CS:APP):  suggested heap size, number of ids, number of ops, weight (0 or 1)
 *     CMU 15-213:        weight (0-3), number of ids, number of ops, peak live bytes
 * trace_read() accepts a file only if it is valid throughout (see trace.c),
 * so a replay never meets an operation it cannot perform.
 */
#ifndef MALLOCLAB_TRACE_H
#define MALLOCLAB_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum op_kind { OP_ALLOC, OP_REALLOC, OP_FREE };

struct trace_op {
    size_t size;        /* bytes asked for (0 for a free) */
    uint32_t id;        /* block id, below trace.num_ids */
    uint32_t line;      /* line number in the file, from 1 */
    enum op_kind kind;
};

enum trace_format { TRACE_CLASSIC, TRACE_CMU15213 };

/* What a trace's weight lets count towards the score. */
enum trace_weight {
    WEIGHT_NONE,        /* replayed and checked, not scored */
    WEIGHT_BOTH,        /* utilization and throughput */
    WEIGHT_UTIL,        /* utilization only */
    WEIGHT_TPUT,        /* throughput only */
};

struct trace {
    char *path;                 /* as given to trace_read */
    const char *name;           /* the file name inside path */
    enum trace_format format;
    enum trace_weight weight;
    uint64_t header[4];         /* the four header numbers as read */
    size_t num_ids;
    size_t num_ops;
    struct trace_op *ops;       /* num_ops operations, in file order */
    size_t peak_live;           /* largest sum of live payload bytes, saturating at SIZE_MAX */
    size_t peak_op;             /* index of the first op after which peak_live is reached */
};

/* Longest line a trace may hold, in bytes (newline excluded). */
#define TRACE_MAX_LINE 1024

/* Room for one error message: "FILE:LINE: what is wrong". */
#define TRACE_ERR_MAX 1024

/* Read and validate the trace at `path` into *t. On success return 0; on
 * any problem return -1 with *t empty and `err` holding one line,
 * "FILE:LINE: what is wrong" (no newline). */
int trace_read(const char *path, struct trace *t, char err[TRACE_ERR_MAX]);

/* Parse a trace held in memory (`len` bytes, not NUL-terminated); `path`
 * only names it in messages. Same contract as trace_read. */
int trace_parse(const char *path, const char *buf, size_t len, struct trace *t,
                char err[TRACE_ERR_MAX]);

/* Release what trace_read allocated; *t becomes empty. */
void trace_free(struct trace *t);

/* "classic" or "15-213". */
const char *trace_format_name(enum trace_format f);

/* "not scored", "util+tput", "util only", "tput only". */
const char *trace_weight_name(enum trace_weight w);

/* Write op as it stands in a trace file ("a 12 448"), NUL-terminated. */
void trace_op_format(const struct trace_op *op, char *buf, size_t len);

#endif /* MALLOCLAB_TRACE_H */
