/*
 * traceinfo.c - inspect trace files: what each asks of an allocator, and
 * the best utilization an allocator could reach on it.
 *
 *     tools/traceinfo [-hqt] [-a ALIGN] [-o OVERHEAD] TRACE...
 *
 * Traces are read and checked by the driver's one parser (driver/trace.c);
 * an invalid trace gets the parser's "FILE:LINE: ..." message on stderr,
 * and the other traces are still reported.
 *
 * The bound. The lab's utilization is peak live payload / final heap size,
 * and the heap never shrinks. Give every block OVERHEAD bytes of
 * bookkeeping and a size that is a multiple of ALIGN (so that the next
 * payload is aligned too): a block for n bytes then takes at least
 *     round_up(n + OVERHEAD, ALIGN)
 * bytes, and the heap holds at least the footprint, the largest sum of
 * that over the blocks live at one time. So
 *     best util = peak live payload / footprint
 * is what such an allocator reaches with perfect packing: no free space
 * between blocks, no minimum block size, no heap sentinels. A real heap is
 * only larger. (An allocator with less bookkeeping a block, or none, is
 * not bounded by it.)
 *
 * Exit status: 0 every trace valid; 1 out of memory, or the report could
 * not be written; 2 an invalid trace, or bad usage (2 wins over 1).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "options.h"
#include "trace.h"

enum { EXIT_VALID = 0, EXIT_FAILED = 1, EXIT_INVALID = 2 };

#define STRINGIFY(x) STRINGIFY_(x)
#define STRINGIFY_(x) #x

/* Per-block bookkeeping assumed by default, in bytes: one header word. A
 * boundary-tag allocator can keep footers in free blocks only, so a
 * header is all an allocated block must carry. */
static const size_t default_overhead = 8;

/* Largest -a and -o accepted, in bytes. */
static const uint64_t max_align = (uint64_t)1 << 20;
static const uint64_t max_overhead = (uint64_t)1 << 20;

/* ---- Options ------------------------------------------------------------- */

/* The options, their arguments and their help: usage is printed from this
 * table, and getopt's option string is built from it (options.h). */
static const struct option_spec option_table[] = {
    {'h', NULL, "print this help and exit"},
    {'q', NULL, "quiet: only check the traces; print nothing for a valid one"},
    {'t', NULL, "a Markdown table, one row per trace (by file name), instead of "
     "key: value lines"},
    {'a', "ALIGN", "block alignment in bytes, a power of two "
     "(default " STRINGIFY(ALIGNMENT) ", ALIGNMENT in config.h)"},
    {'o', "OVERHEAD", "bookkeeping bytes per block (default 8: a header word; "
     "16 for a header and a footer, as mm.c has)"},
};

static void print_epilogue(FILE *out)
{
    fprintf(out, "best util = peak live payload / footprint. The footprint is the most\n"
                 "bytes the live blocks ever take at one time, a block for SIZE bytes\n"
                 "taking round_up(SIZE + OVERHEAD, ALIGN) bytes (by default ALIGN %d and\n"
                 "OVERHEAD %zu). That is the utilization of an allocator with that overhead\n"
                 "per block and that alignment, perfect packing and no fragmentation: no\n"
                 "free space, no minimum block size, no heap sentinels. A real heap is only\n"
                 "larger, and the lab's heap never shrinks, so no allocator with that\n"
                 "overhead and alignment scores higher on the trace.\n\n"
                 "Request sizes are over the a and r operations; the median is the lower\n"
                 "median. Operations are counted from 1 in file order; lines are the\n"
                 "file's own.\n\n"
                 "Exit status: 0 every trace valid, 1 out of memory or the report could\n"
                 "not be written, 2 an invalid trace or bad usage.\n", ALIGNMENT, default_overhead);
}

static const struct command_line command_line = {
    .name = "traceinfo",
    .options = option_table,
    .num_options = sizeof option_table / sizeof option_table[0],
    .operands = "TRACE...",
    .about = "Checks each trace with the driver's parser and says what it asks of an "
             "allocator: operations by kind, request sizes, the peak live payload and "
             "when it is first reached, live blocks, whether every block is freed by the "
             "end, and the best utilization an allocator could reach on it.",
    .epilogue = print_epilogue,
};

struct options {
    size_t align;
    size_t overhead;
    bool quiet, table;
};

/* Parse argv into *o; returns -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, struct options *o)
{
    char optstring[OPTSTRING_SIZE];
    options_getopt_string(&command_line, optstring);

    *o = (struct options){.align = ALIGNMENT, .overhead = default_overhead};
    uint64_t v;
    int c;
    while ((c = getopt(argc, argv, optstring)) != -1) {
        switch (c) {
        case 'h': options_usage(stdout, &command_line, NULL); return EXIT_VALID;
        case 'q': o->quiet = true; break;
        case 't': o->table = true; break;
        case 'a':
            if (!parse_unsigned(optarg, max_align, &v) || v == 0 || (v & (v - 1)) != 0)
                return options_usage_error(&command_line, NULL, "-a wants a power of two up "
                                           "to 1048576 (bytes), not '%s'", optarg);
            o->align = (size_t)v;
            break;
        case 'o':
            if (!parse_unsigned(optarg, max_overhead, &v))
                return options_usage_error(&command_line, NULL, "-o wants a number of bytes "
                                           "from 0 to 1048576, not '%s'", optarg);
            o->overhead = (size_t)v;
            break;
        case ':':
            return options_usage_error(&command_line, NULL, "option -%c needs an argument",
                                       optopt);
        default:
            return options_usage_error(&command_line, NULL, "unknown option -%c", optopt);
        }
    }
    if (optind == argc)
        return options_usage_error(&command_line, NULL, "no trace given");
    return -1;
}

/* ---- The figures ------------------------------------------------------------ */

/* What traceinfo reports about one valid trace. "After operation i" means
 * once ops[i] is done; i indexes t->ops. */
struct figures {
    size_t count[3];            /* operations by kind, indexed by enum op_kind */
    size_t requests;            /* a and r operations */
    size_t size_min, size_median, size_max;  /* over them, in bytes; lower median */
    size_t peak_blocks;         /* blocks live at the payload peak (t->peak_op) */
    size_t max_blocks;          /* most blocks live at one time */
    size_t max_blocks_op;       /* first operation after which they are */
    size_t end_blocks;          /* blocks still live at the end: 0 = balanced */
    size_t end_bytes;           /* and their payload */
    size_t footprint;           /* most bytes the live blocks take (see the top) */
    size_t footprint_op;        /* first operation after which they do */
    bool overflow;              /* the footprint does not fit a size_t */
};

static int compare_sizes(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Bytes a block for `size` payload bytes takes at the least; false when
 * that does not fit a size_t. `align` is a power of two. */
static bool block_bytes(size_t size, size_t overhead, size_t align, size_t *out)
{
    if (size > SIZE_MAX - overhead - (align - 1))
        return false;
    *out = (size + overhead + align - 1) & ~(align - 1);
    return true;
}

/* Per-id state during the walk. */
struct block_state {
    size_t payload;             /* bytes asked for by its latest a or r */
    size_t bytes;               /* what it takes: block_bytes(payload) */
    bool live;
};

/* Walk the operations as a replay would; the trace is valid, so every
 * free and realloc names a live block. Returns -1 when out of memory. */
static int compute_figures(const struct trace *t, const struct options *o, struct figures *f)
{
    *f = (struct figures){0};
    size_t *sizes = malloc((t->num_ops ? t->num_ops : 1) * sizeof *sizes);
    struct block_state *ids = calloc(t->num_ids ? t->num_ids : 1, sizeof *ids);
    if (sizes == NULL || ids == NULL) {
        free(sizes);
        free(ids);
        return -1;
    }
    size_t blocks = 0, footprint = 0;
    for (size_t i = 0; i < t->num_ops; i++) {
        const struct trace_op *op = &t->ops[i];
        struct block_state *id = &ids[op->id];
        f->count[op->kind]++;
        if (op->kind == OP_ALLOC)
            blocks++;
        else if (op->kind == OP_FREE)
            blocks--;
        footprint -= id->bytes;
        id->live = op->kind != OP_FREE;
        id->payload = id->live ? op->size : 0;
        id->bytes = 0;
        if (id->live) {
            sizes[f->requests++] = op->size;
            /* Once the footprint overflows it is no longer tracked. */
            if (f->overflow || !block_bytes(op->size, o->overhead, o->align, &id->bytes) ||
                id->bytes > SIZE_MAX - footprint)
                f->overflow = true;
            else
                footprint += id->bytes;
        }
        if (i == t->peak_op)
            f->peak_blocks = blocks;
        if (blocks > f->max_blocks) {
            f->max_blocks = blocks;
            f->max_blocks_op = i;
        }
        if (!f->overflow && footprint > f->footprint) {
            f->footprint = footprint;
            f->footprint_op = i;
        }
    }
    for (size_t i = 0; i < t->num_ids; i++) {
        if (ids[i].live) {
            f->end_blocks++;
            f->end_bytes = ids[i].payload > SIZE_MAX - f->end_bytes ? SIZE_MAX
                                                                    : f->end_bytes + ids[i].payload;
        }
    }
    if (f->requests > 0) {
        qsort(sizes, f->requests, sizeof *sizes, compare_sizes);
        f->size_min = sizes[0];
        f->size_median = sizes[(f->requests - 1) / 2];
        f->size_max = sizes[f->requests - 1];
    }
    free(sizes);
    free(ids);
    return 0;
}

/* ---- Reports ------------------------------------------------------------------ */

/* The weight as the header writes it: line 4 (classic) or line 1 (15-213). */
static uint64_t header_weight(const struct trace *t)
{
    return t->format == TRACE_CLASSIC ? t->header[3] : t->header[0];
}

/* "after operation 12 (line 16)": operation i of t counted from 1. */
static void print_when(const struct trace *t, size_t i)
{
    printf("first after operation %zu (line %" PRIu32 ")", i + 1, t->ops[i].line);
}

/* The start of a "key: value" line; the values line up. */
static void print_key(const char *key)
{
    printf("%-15s ", key);
}

/* One trace as aligned "key: value" lines. */
static void print_report(const struct trace *t, const struct figures *f,
                         const struct options *o)
{
    print_key("trace:");
    printf("%s\n", t->path);
    print_key("format:");
    printf("%s, weight %" PRIu64 " (%s)\n", trace_format_name(t->format), header_weight(t),
           trace_weight_name(t->weight));
    print_key("operations:");
    printf("%zu (a %zu, r %zu, f %zu)\n", t->num_ops, f->count[OP_ALLOC], f->count[OP_REALLOC],
           f->count[OP_FREE]);
    print_key("ids:");
    printf("%zu\n", t->num_ids);

    print_key("request sizes:");
    if (f->requests == 0)
        printf("none (no a or r operation)\n");
    else
        printf("min %zu, lower median %zu, max %zu bytes\n", f->size_min, f->size_median,
               f->size_max);

    print_key("peak live:");
    if (t->peak_live == 0) {
        printf("0 bytes\n");
    } else {
        printf("%zu bytes%s, ", t->peak_live, t->peak_live == SIZE_MAX ? " or more" : "");
        print_when(t, t->peak_op);
        printf("\n");
    }

    print_key("live blocks:");
    if (t->peak_live != 0)
        printf("%zu at the peak; ", f->peak_blocks);
    printf("at most %zu", f->max_blocks);
    if (f->max_blocks != 0) {
        printf(", ");
        print_when(t, f->max_blocks_op);
    }
    printf("\n");

    print_key("balanced:");
    if (f->end_blocks == 0)
        printf("yes\n");
    else
        printf("no: %zu block%s (%zu bytes) still live at the end\n", f->end_blocks,
               f->end_blocks == 1 ? "" : "s", f->end_bytes);

    print_key("footprint:");
    if (f->overflow) {
        printf("more than %zu bytes (-a %zu -o %zu)\n", (size_t)SIZE_MAX, o->align,
               o->overhead);
    } else {
        printf("%zu bytes at most (-a %zu -o %zu)", f->footprint, o->align, o->overhead);
        if (f->footprint != 0) {
            printf(", ");
            print_when(t, f->footprint_op);
        }
        printf("\n");
    }

    print_key("best util:");
    if (f->overflow || t->peak_live == SIZE_MAX)
        printf("unknown: the sizes overflow 64 bits\n");
    else if (f->footprint == 0)
        printf("none: nothing is ever live\n");
    else
        printf("%.2f%% (peak live / footprint)\n",
               100.0 * (double)t->peak_live / (double)f->footprint);
}

/* ---- The table (-t) -------------------------------------------------------------- */

enum { NUM_COLUMNS = 15, CELL_MAX = 48 };

/* One row per valid trace; the cells are kept until every width is known. */
struct table {
    char (*rows)[NUM_COLUMNS][CELL_MAX];
    size_t num_rows, cap;
};

static const struct column {
    const char *title;
    bool numeric;               /* right-aligned */
} columns[NUM_COLUMNS] = {
    {"trace", false},    {"format", false},     {"weight", true},      {"ops", true},
    {"ids", true},       {"a", true},           {"r", true},           {"f", true},
    {"min size", true},  {"median size", true}, {"max size", true},    {"peak live", true},
    {"peak blocks", true}, {"balanced", false}, {NULL, true},          /* best util: see below */
};

/* Add t's row; -1 when out of memory. */
static int table_add(struct table *tab, const struct trace *t, const struct figures *f)
{
    if (tab->num_rows == tab->cap) {
        size_t cap = tab->cap ? 2 * tab->cap : 16;
        void *rows = realloc(tab->rows, cap * sizeof *tab->rows);
        if (rows == NULL)
            return -1;
        tab->rows = rows;
        tab->cap = cap;
    }
    char (*cell)[CELL_MAX] = tab->rows[tab->num_rows++];
    snprintf(cell[0], CELL_MAX, "%s", t->name);
    snprintf(cell[1], CELL_MAX, "%s", trace_format_name(t->format));
    snprintf(cell[2], CELL_MAX, "%" PRIu64, header_weight(t));
    snprintf(cell[3], CELL_MAX, "%zu", t->num_ops);
    snprintf(cell[4], CELL_MAX, "%zu", t->num_ids);
    snprintf(cell[5], CELL_MAX, "%zu", f->count[OP_ALLOC]);
    snprintf(cell[6], CELL_MAX, "%zu", f->count[OP_REALLOC]);
    snprintf(cell[7], CELL_MAX, "%zu", f->count[OP_FREE]);
    if (f->requests == 0) {
        for (int c = 8; c <= 10; c++)
            snprintf(cell[c], CELL_MAX, "-");
    } else {
        snprintf(cell[8], CELL_MAX, "%zu", f->size_min);
        snprintf(cell[9], CELL_MAX, "%zu", f->size_median);
        snprintf(cell[10], CELL_MAX, "%zu", f->size_max);
    }
    snprintf(cell[11], CELL_MAX, "%zu", t->peak_live);
    snprintf(cell[12], CELL_MAX, "%zu", f->max_blocks);
    snprintf(cell[13], CELL_MAX, "%s", f->end_blocks == 0 ? "yes" : "no");
    if (f->overflow || t->peak_live == SIZE_MAX || f->footprint == 0)
        snprintf(cell[14], CELL_MAX, "-");
    else
        snprintf(cell[14], CELL_MAX, "%.2f%%",
                 100.0 * (double)t->peak_live / (double)f->footprint);
    return 0;
}

static void print_row(const char *const text[NUM_COLUMNS], const int width[NUM_COLUMNS])
{
    for (int c = 0; c < NUM_COLUMNS; c++)
        printf(columns[c].numeric ? "| %*s " : "| %-*s ", width[c], text[c]);
    printf("|\n");
}

/* The table in Markdown, columns padded to line up. */
static void table_print(const struct table *tab, const struct options *o)
{
    char util_title[CELL_MAX];
    snprintf(util_title, sizeof util_title, "best util (-a %zu -o %zu)", o->align, o->overhead);
    const char *text[NUM_COLUMNS];
    int width[NUM_COLUMNS];
    for (int c = 0; c < NUM_COLUMNS; c++) {
        text[c] = columns[c].title ? columns[c].title : util_title;
        width[c] = (int)strlen(text[c]);
        for (size_t r = 0; r < tab->num_rows; r++)
            if ((int)strlen(tab->rows[r][c]) > width[c])
                width[c] = (int)strlen(tab->rows[r][c]);
    }
    print_row(text, width);
    for (int c = 0; c < NUM_COLUMNS; c++) {
        printf("|%c", columns[c].numeric ? '-' : ':');
        for (int i = 0; i < width[c]; i++)
            putchar('-');
        printf("%c", columns[c].numeric ? ':' : '-');
    }
    printf("|\n");
    for (size_t r = 0; r < tab->num_rows; r++) {
        for (int c = 0; c < NUM_COLUMNS; c++)
            text[c] = tab->rows[r][c];
        print_row(text, width);
    }
}

/* ---- Main ------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    struct options o;
    int status = parse_options(argc, argv, &o);
    if (status >= 0)
        return status;

    status = EXIT_VALID;
    struct table tab = {0};
    bool printed = false;
    for (int i = optind; i < argc; i++) {
        struct trace t;
        char err[TRACE_ERR_MAX];
        if (trace_read(argv[i], &t, err) != 0) {
            fflush(stdout);
            fprintf(stderr, "%s\n", err);
            status = EXIT_INVALID;
            continue;
        }
        struct figures f;
        if (o.quiet) {
            /* valid: nothing to say */
        } else if (compute_figures(&t, &o, &f) != 0 || (o.table && table_add(&tab, &t, &f) != 0)) {
            fflush(stdout);
            fprintf(stderr, "%s: out of memory inspecting trace '%s'\n", command_line.name, argv[i]);
            if (status == EXIT_VALID)
                status = EXIT_FAILED;
        } else if (!o.table) {
            if (printed)
                printf("\n");
            print_report(&t, &f, &o);
            printed = true;
        }
        trace_free(&t);
    }
    if (o.table && !o.quiet)
        table_print(&tab, &o);
    free(tab.rows);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write the report: %s\n", command_line.name, strerror(errno));
        if (status == EXIT_VALID)
            status = EXIT_FAILED;
    }
    return status;
}
