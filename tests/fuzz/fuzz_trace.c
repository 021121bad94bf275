/*
 * fuzz_trace.c - a fuzz target for the trace parser, driver/trace.c.
 *
 * libFuzzer hands trace_parse() arbitrary bytes; whatever comes back must
 * keep the contract in trace.h, or the target aborts and the fuzzer keeps
 * the input. What is checked:
 *   on success  - against a model of the body written here, apart from the
 *                 parser: the counts match the header, every op's kind, id,
 *                 size and line are valid, ids are allocated once and
 *                 reallocated or freed only while live, peak_live and
 *                 peak_op are what the body reaches, the format and weight
 *                 follow from the header; and the trace, written back out
 *                 with trace_op_format(), parses to the same trace;
 *   on failure  - *t is empty; err is one line of plain text, NUL-terminated
 *                 inside its TRACE_ERR_MAX bytes, reading "PATH:LINE: what"
 *                 with LINE a line of the input.
 *
 * Built two ways (tests/fuzz/fuzz.mk):
 *   make fuzz   clang -fsanitize=fuzzer,address,undefined: tests/fuzz/fuzz_trace
 *   make test   $(CC) -DFUZZ_STANDALONE: tests/fuzz/replay_corpus, a main()
 *               that runs the same checks on each file, or each file in each
 *               folder, named on its command line, and also checks that
 *               trace_read() of the file agrees with trace_parse().
 */
#include "trace.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What fuzzed inputs are called in messages: inside a folder, so that
 * t->name is seen to skip it. */
static const char fuzz_path[] = "fuzz/input.rep";

enum { HEADER_LINES = 4 };

/* Stop at a broken invariant: name it, and abort so that the fuzzer keeps
 * the input and the replay fails. */
static void require(bool ok, const char *fmt, ...)
{
    if (ok)
        return;
    va_list ap;
    fputs("fuzz_trace: invariant broken: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

/* Lines in the input as the parser numbers them: a last line without a
 * newline counts too. */
static size_t count_lines(const uint8_t *data, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < size; i++)
        n += data[i] == '\n';
    return n + (size > 0 && data[size - 1] != '\n');
}

/* ---- The model of a valid body ------------------------------------------ */

/* Live bytes, kept exactly in 128 bits: sizes run up to 2^64 - 1, so the
 * sum overflows 64 bits; only the comparison with the parser saturates. */
struct wide {
    uint64_t hi, lo;
};

static void wide_add(struct wide *w, uint64_t v)
{
    w->lo += v;
    w->hi += w->lo < v;
}

static void wide_sub(struct wide *w, uint64_t v)
{
    w->hi -= w->lo < v;
    w->lo -= v;
}

static size_t wide_saturated(struct wide w)
{
    return w.hi != 0 || w.lo > SIZE_MAX ? SIZE_MAX : (size_t)w.lo;
}

enum model_state { MODEL_UNUSED, MODEL_LIVE, MODEL_FREED };

struct model_id {
    uint64_t size;             /* live payload bytes, 0 when not live */
    enum model_state state;
};

/* Replay t's operations on the model and compare what the parser found. */
static void check_body(const struct trace *t, size_t nlines)
{
    require(t->num_ops == t->header[2], "num_ops %zu is header line 3 (%" PRIu64 ")",
            t->num_ops, t->header[2]);
    require(t->num_ids == t->header[1], "num_ids %zu is header line 2 (%" PRIu64 ")",
            t->num_ids, t->header[1]);
    require(t->num_ids <= t->num_ops, "no more ids (%zu) than operations (%zu)",
            t->num_ids, t->num_ops);
    require(t->num_ops == 0 || t->ops != NULL, "%zu ops but no ops array", t->num_ops);

    struct model_id *ids = calloc(t->num_ids ? t->num_ids : 1, sizeof *ids);
    require(ids != NULL, "out of memory for the model of %zu ids", t->num_ids);
    struct wide live = {0, 0};
    size_t peak = 0, peak_op = 0;
    uint32_t prev_line = HEADER_LINES, max_id = 0;
    for (size_t i = 0; i < t->num_ops; i++) {
        const struct trace_op *op = &t->ops[i];
        require(op->kind == OP_ALLOC || op->kind == OP_REALLOC || op->kind == OP_FREE,
                "op %zu: kind %d is one of a, r, f", i, (int)op->kind);
        require(op->id < t->num_ids, "op %zu: id %" PRIu32 " is below num_ids %zu", i, op->id,
                t->num_ids);
        require(op->line > prev_line, "op %zu: line %" PRIu32 " comes after line %" PRIu32
                " (ops follow the header, in file order)", i, op->line, prev_line);
        require(op->line <= nlines, "op %zu: line %" PRIu32 " is in the input (%zu lines)", i,
                op->line, nlines);
        prev_line = op->line;
        if (op->id > max_id)
            max_id = op->id;

        struct model_id *m = &ids[op->id];
        switch (op->kind) {
        case OP_ALLOC:
            require(m->state == MODEL_UNUSED, "op %zu (line %" PRIu32 "): id %" PRIu32
                    " is allocated only once", i, op->line, op->id);
            break;
        case OP_REALLOC:
            require(op->size > 0, "op %zu (line %" PRIu32 "): realloc size is above 0", i,
                    op->line);
            require(m->state == MODEL_LIVE, "op %zu (line %" PRIu32 "): realloc of id %" PRIu32
                    " only while live", i, op->line, op->id);
            break;
        case OP_FREE:
            require(op->size == 0, "op %zu (line %" PRIu32 "): a free has size 0, not %zu", i,
                    op->line, op->size);
            require(m->state == MODEL_LIVE, "op %zu (line %" PRIu32 "): free of id %" PRIu32
                    " only while live", i, op->line, op->id);
            break;
        }
        wide_sub(&live, m->size);
        m->size = op->kind == OP_FREE ? 0 : op->size;
        m->state = op->kind == OP_FREE ? MODEL_FREED : MODEL_LIVE;
        wide_add(&live, m->size);
        size_t now = wide_saturated(live);
        if (now > peak) {
            peak = now;
            peak_op = i;
        }
    }
    free(ids);
    require(t->num_ops == 0 || (size_t)max_id + 1 == t->num_ids,
            "the largest id used (%" PRIu32 ") is num_ids - 1 (%zu - 1)", max_id, t->num_ids);
    require(t->peak_live == peak, "peak_live %zu is the body's peak, %zu", t->peak_live, peak);
    require(t->peak_op == peak_op, "peak_op %zu is the first op reaching the peak, %zu",
            t->peak_op, peak_op);

    static const enum trace_weight weights[4] = {WEIGHT_NONE, WEIGHT_BOTH, WEIGHT_UTIL,
                                                 WEIGHT_TPUT};
    if (t->header[0] <= 3 && t->header[3] == peak) {
        require(t->format == TRACE_CMU15213, "a 15-213 weight and the peak on line 4 make a "
                "15-213 header");
        require(t->weight == weights[t->header[0]], "weight %d follows line 1 (%" PRIu64 ")",
                (int)t->weight, t->header[0]);
    } else {
        require(t->header[3] <= 1, "line 4 (%" PRIu64 ") is a classic weight or the peak (%zu)",
                t->header[3], peak);
        require(t->format == TRACE_CLASSIC, "otherwise the header is classic");
        require(t->weight == (t->header[3] ? WEIGHT_BOTH : WEIGHT_NONE),
                "weight %d follows line 4 (%" PRIu64 ")", (int)t->weight, t->header[3]);
    }
    require(strcmp(trace_weight_name(t->weight), "?") != 0, "weight %d has a name",
            (int)t->weight);
}

/* ---- Writing the trace back out ----------------------------------------- */

/* t as a trace file, header as read and one op a line; *len its length. */
static char *render(const struct trace *t, size_t *len)
{
    enum { NUMBER_LINE = 22, OP_LINE = 48 };   /* bytes, with newline and NUL */
    size_t cap = HEADER_LINES * NUMBER_LINE + t->num_ops * OP_LINE;
    char *s = malloc(cap);
    require(s != NULL, "out of memory rendering %zu ops", t->num_ops);
    size_t n = 0;
    for (int h = 0; h < HEADER_LINES; h++)
        n += (size_t)snprintf(s + n, cap - n, "%" PRIu64 "\n", t->header[h]);
    for (size_t i = 0; i < t->num_ops; i++) {
        char *line = s + n;
        trace_op_format(&t->ops[i], line, cap - n);
        size_t full = strlen(line);
        require(full > 0 && full < OP_LINE - 1, "op %zu formats as one short line", i);

        /* A short buffer gets a NUL-terminated prefix. */
        char small[8];
        trace_op_format(&t->ops[i], small, sizeof small);
        size_t part = strnlen(small, sizeof small);
        require(part < sizeof small && part == (full < sizeof small ? full : sizeof small - 1)
                && memcmp(small, line, part) == 0,
                "op %zu formatted into %zu bytes is a NUL-terminated prefix of '%s'", i,
                sizeof small, line);
        n += full;
        s[n++] = '\n';
    }
    *len = n;
    return s;
}

/* Parse what render() wrote: the same trace must come back, with the
 * line numbers of a file without blank lines. */
static void check_round_trip(const char *path, const struct trace *t)
{
    size_t len;
    char *text = render(t, &len);
    struct trace u;
    char *err = malloc(TRACE_ERR_MAX);
    require(err != NULL, "out of memory");
    int rc = trace_parse(path, text, len, &u, err);
    require(rc == 0, "the trace written back out is accepted; found '%s'", err);
    require(memcmp(u.header, t->header, sizeof u.header) == 0, "the header survives");
    require(u.num_ids == t->num_ids && u.num_ops == t->num_ops, "the counts survive");
    require(u.peak_live == t->peak_live && u.peak_op == t->peak_op, "the peak survives");
    require(u.format == t->format && u.weight == t->weight, "the format and weight survive");
    for (size_t i = 0; i < u.num_ops; i++) {
        const struct trace_op *a = &t->ops[i], *b = &u.ops[i];
        require(a->kind == b->kind && a->id == b->id && a->size == b->size,
                "op %zu survives being written out", i);
        require(b->line == HEADER_LINES + 1 + i, "op %zu is on line %zu of the copy, not %"
                PRIu32, i, HEADER_LINES + 1 + i, b->line);
    }
    trace_free(&u);
    free(err);
    free(text);
}

/* ---- A refused input ---------------------------------------------------- */

static void check_error(const char *path, const struct trace *t, const char *err,
                        size_t nlines)
{
    struct trace empty;
    memset(&empty, 0, sizeof empty);
    require(memcmp(t, &empty, sizeof empty) == 0, "a refused trace is left empty");

    const char *nul = memchr(err, '\0', TRACE_ERR_MAX);
    require(nul != NULL, "err is NUL-terminated within TRACE_ERR_MAX (%d) bytes",
            TRACE_ERR_MAX);
    for (const char *p = err; p < nul; p++) {
        unsigned char c = (unsigned char)*p;
        require(c == '\t' || (c >= 0x20 && c < 0x7f),
                "err is one line of plain text; byte 0x%02x in column %zu of '%s'", c,
                (size_t)(p - err) + 1, err);
    }
    size_t plen = strlen(path);
    require(strncmp(err, path, plen) == 0 && err[plen] == ':', "err '%s' starts with '%s:'",
            err, path);
    const char *p = err + plen + 1;
    uint64_t line = 0;
    require(*p >= '0' && *p <= '9', "err '%s' names a line after the path", err);
    while (*p >= '0' && *p <= '9' && line < UINT32_MAX)
        line = line * 10 + (uint64_t)(*p++ - '0');
    require(p[0] == ':' && p[1] == ' ' && p[2] != '\0', "err '%s' reads 'PATH:LINE: what'",
            err);
    size_t last = nlines > 0 ? nlines : 1;     /* an empty file is faulted at line 1 */
    require(line >= 1 && line <= last, "err '%s' names a line of the input (1 to %zu)", err,
            last);
}

/* ---- The target ----------------------------------------------------------- */

/* Parse data as the file `path` and check the outcome; leave it in *t and
 * err (TRACE_ERR_MAX bytes, allocated exactly so that AddressSanitizer sees
 * a write past it). Returns what trace_parse returned. */
static int parse_and_check(const char *path, const uint8_t *data, size_t size,
                           struct trace *t, char *err)
{
    memset(err, 0xaa, TRACE_ERR_MAX);   /* so a missing NUL shows */
    int rc = trace_parse(path, (const char *)data, size, t, err);
    size_t nlines = count_lines(data, size);
    require(rc == 0 || rc == -1, "trace_parse returns 0 or -1, not %d", rc);
    if (rc != 0) {
        check_error(path, t, err, nlines);
        return rc;
    }
    require(err[0] == '\0', "an accepted trace leaves err empty, not '%.*s'", 64, err);
    require(t->path != NULL && strcmp(t->path, path) == 0, "t->path is the path given");
    const char *slash = strrchr(path, '/');
    size_t name_at = slash ? (size_t)(slash - path) + 1 : 0;
    require(t->name == t->path + name_at, "t->name is the file name inside t->path");
    check_body(t, nlines);
    check_round_trip(path, t);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct trace t;
    char *err = malloc(TRACE_ERR_MAX);
    require(err != NULL, "out of memory");
    parse_and_check(fuzz_path, data, size, &t, err);
    trace_free(&t);
    free(err);
    return 0;
}

/* ---- The replay, without libFuzzer --------------------------------------- */

#ifdef FUZZ_STANDALONE

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

/* Read the whole of path into a block of exactly its size. Returns NULL,
 * with a message on stderr, if it cannot. */
static uint8_t *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "replay_corpus: cannot open '%s': %s\n", path, strerror(errno));
        return NULL;
    }
    size_t len = 0, cap = 4096;
    uint8_t *buf = malloc(cap);
    while (buf != NULL) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap || ferror(f))
            break;
        cap *= 2;
        uint8_t *bigger = realloc(buf, cap);
        if (bigger == NULL)
            free(buf);
        buf = bigger;
    }
    bool bad = buf == NULL || ferror(f);
    fclose(f);
    uint8_t *exact = bad ? NULL : malloc(len ? len : 1);
    if (exact == NULL) {
        fprintf(stderr, "replay_corpus: cannot read '%s'\n", path);
        free(buf);
        return NULL;
    }
    if (len > 0)
        memcpy(exact, buf, len);
    free(buf);
    *size = len;
    return exact;
}

/* Check one file; print "accepted ..." or "rejected ...". Returns 0, or 2
 * if the file cannot be read. A broken invariant aborts. */
static int replay_file(const char *path)
{
    size_t size;
    uint8_t *data = read_file(path, &size);
    if (data == NULL)
        return 2;
    struct trace t, r;
    char *err = malloc(TRACE_ERR_MAX), *read_err = malloc(TRACE_ERR_MAX);
    require(err != NULL && read_err != NULL, "out of memory");
    int rc = parse_and_check(path, data, size, &t, err);

    int read_rc = trace_read(path, &r, read_err);
    require(read_rc == rc && (rc == 0 || strcmp(err, read_err) == 0),
            "trace_read agrees with trace_parse on '%s': %d '%s' against %d '%s'", path,
            read_rc, read_rc ? read_err : "", rc, rc ? err : "");
    require(r.num_ops == t.num_ops, "trace_read finds as many ops as trace_parse");
    for (size_t i = 0; i < r.num_ops; i++)
        require(r.ops[i].kind == t.ops[i].kind && r.ops[i].id == t.ops[i].id
                && r.ops[i].size == t.ops[i].size && r.ops[i].line == t.ops[i].line,
                "trace_read and trace_parse agree on op %zu", i);

    if (rc == 0)
        printf("accepted %s: %zu ops, %zu ids, %s header, %s, peak %zu bytes\n", path,
               t.num_ops, t.num_ids, trace_format_name(t.format), trace_weight_name(t.weight),
               t.peak_live);
    else
        printf("rejected %s\n", err);
    trace_free(&t);
    trace_free(&r);
    free(err);
    free(read_err);
    free(data);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay every file in dir whose name does not start with '.', in name
 * order. */
static int replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "replay_corpus: cannot open folder '%s': %s\n", dir, strerror(errno));
        return 2;
    }
    size_t n = 0, cap = 0;
    char **paths = NULL;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **bigger = realloc(paths, cap * sizeof *paths);
            require(bigger != NULL, "out of memory listing '%s'", dir);
            paths = bigger;
        }
        size_t len = strlen(dir) + 1 + strlen(e->d_name) + 1;
        paths[n] = malloc(len);
        require(paths[n] != NULL, "out of memory listing '%s'", dir);
        snprintf(paths[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 0)
        qsort(paths, n, sizeof *paths, compare_names);
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISREG(st.st_mode) && replay_file(paths[i]) != 0)
            status = 2;
        free(paths[i]);
    }
    free(paths);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|FOLDER...\n"
                "Run the trace parser's fuzz checks on each file, or each file in each folder.\n",
                argv[0]);
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        bool dir = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode);
        if ((dir ? replay_dir(argv[i]) : replay_file(argv[i])) != 0)
            status = 2;
    }
    return status;
}

#endif /* FUZZ_STANDALONE */
