/*
 * trace.c - the one trace parser, shared by the driver and the tools.
 *
 * A file is accepted only if it is valid throughout, so that no allocator
 * call is ever made for a trace that would go wrong half-way. Valid means:
 *   - text: no NUL or control bytes, no line longer than TRACE_MAX_LINE;
 *   - four header lines holding one unsigned number each;
 *   - operation lines `a ID BYTES`, `r ID BYTES` (BYTES > 0), `f ID`,
 *     numbers unsigned decimal that fit 64 bits; blank lines are ignored;
 *   - ids below the header's count, the largest one used being count - 1,
 *     and no more ids than operations;
 *   - each id allocated once, reallocated and freed only while live;
 *   - exactly as many operations as the header says;
 *   - line 4 either a classic weight (0 or 1) or, with a 15-213 weight
 *     (0-3) on line 1, the peak live payload that the body reaches.
 * The first problem in file order is reported as "FILE:LINE: what is wrong".
 */
#include "trace.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Largest trace file read, in bytes: far above any real trace, and low
 * enough that a mistaken path (a disk image, say) is refused at once. */
static const size_t max_file_size = (size_t)1 << 30;

enum { HEADER_LINES = 4, MAX_FIELDS = 4 };

/* Per-id state while the body is checked. */
enum id_state { ID_UNUSED, ID_LIVE, ID_FREED };

struct id_info {
    uint32_t line;        /* where it was allocated, or freed once freed */
    unsigned char state;  /* enum id_state */
};

/* ---- Messages ----------------------------------------------------------- */

/* Write "PATH:LINE: message" into err and return -1. */
static int fail_at(char *err, const char *path, size_t line, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(err, TRACE_ERR_MAX, "%s:%zu: ", path, line);
    if (n < 0 || n >= TRACE_ERR_MAX)
        return -1;
    va_start(ap, fmt);
    vsnprintf(err + n, TRACE_ERR_MAX - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

const char *trace_format_name(enum trace_format f)
{
    return f == TRACE_CMU15213 ? "15-213" : "classic";
}

const char *trace_weight_name(enum trace_weight w)
{
    switch (w) {
    case WEIGHT_NONE: return "not scored";
    case WEIGHT_BOTH: return "util+tput";
    case WEIGHT_UTIL: return "util only";
    case WEIGHT_TPUT: return "tput only";
    }
    return "?";
}

void trace_op_format(const struct trace_op *op, char *buf, size_t len)
{
    switch (op->kind) {
    case OP_ALLOC:
        snprintf(buf, len, "a %" PRIu32 " %zu", op->id, op->size);
        break;
    case OP_REALLOC:
        snprintf(buf, len, "r %" PRIu32 " %zu", op->id, op->size);
        break;
    case OP_FREE:
        snprintf(buf, len, "f %" PRIu32, op->id);
        break;
    }
}

/* ---- Lines and fields --------------------------------------------------- */

/* One line of the file, split into whitespace-separated fields. The fields
 * point into a private copy, NUL-terminated. */
struct line {
    size_t number;
    int nfields;
    char *field[MAX_FIELDS + 1];    /* one more than allowed: to see extras */
    char text[TRACE_MAX_LINE + 1];
};

/* Take the next line from buf[*pos..len) into *ln. Returns 1 for a line,
 * 0 at the end of the buffer, -1 (with err set) for a bad line. */
static int next_line(const char *path, const char *buf, size_t len, size_t *pos,
                     struct line *ln, char *err)
{
    if (*pos >= len)
        return 0;
    ln->number++;
    size_t start = *pos, end = start;
    while (end < len && buf[end] != '\n')
        end++;
    *pos = end < len ? end + 1 : end;
    if (end > start && buf[end - 1] == '\r')
        end--;                                  /* CRLF line ending */
    size_t n = end - start;
    if (n > TRACE_MAX_LINE)
        return fail_at(err, path, ln->number,
                       "line is %zu bytes long, longer than any trace line may be (%d)",
                       n, TRACE_MAX_LINE);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[start + i];
        if (c == '\r')
            return fail_at(err, path, ln->number,
                           "a carriage return inside the line, in column %zu: lines end with "
                           "a line feed (\\n) or CR LF (\\r\\n), not a lone CR", i + 1);
        if ((c < 0x20 && c != '\t') || c >= 0x7f)
            return fail_at(err, path, ln->number,
                           "byte 0x%02x in column %zu: a trace is plain text; is this a trace file?",
                           c, i + 1);
    }
    memcpy(ln->text, buf + start, n);
    ln->text[n] = '\0';

    ln->nfields = 0;
    char *s = ln->text;
    while (ln->nfields <= MAX_FIELDS) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '\0')
            break;
        ln->field[ln->nfields++] = s;
        while (*s != '\0' && *s != ' ' && *s != '\t')
            s++;
        if (*s != '\0')
            *s++ = '\0';
    }
    return 1;
}

/* Parse an unsigned decimal number that fits 64 bits. `what` names it in
 * the message ("block size", "header line 2"). */
static int parse_number(const char *path, size_t line, const char *what,
                        const char *s, uint64_t *out, char *err)
{
    if (*s == '-')
        return fail_at(err, path, line, "%s '%s' is negative", what, s);
    if (*s < '0' || *s > '9')
        return fail_at(err, path, line, "%s '%s' is not a number", what, s);
    uint64_t v = 0;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p < '0' || *p > '9')
            return fail_at(err, path, line, "%s '%s' is not a number", what, s);
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return fail_at(err, path, line, "%s '%s' is too large (the most is %" PRIu64 ")",
                           what, s, UINT64_MAX);
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* ---- The parser ----------------------------------------------------------- */

static int parse_header(const char *path, const char *buf, size_t len, size_t *pos,
                        struct line *ln, struct trace *t, char *err)
{
    static const char *const names[HEADER_LINES] = {
        "header line 1 (suggested heap size, or 15-213 weight)",
        "header line 2 (number of ids)",
        "header line 3 (number of operations)",
        "header line 4 (weight, or 15-213 peak live bytes)",
    };
    int h = 0;
    while (h < HEADER_LINES) {
        int r = next_line(path, buf, len, pos, ln, err);
        if (r < 0)
            return -1;
        if (r == 0) {
            if (len == 0)
                return fail_at(err, path, 1, "empty file: a trace starts with %d header lines",
                               HEADER_LINES);
            return fail_at(err, path, ln->number,
                           "file ends inside the header: expected %d header lines, found %d",
                           HEADER_LINES, h);
        }
        if (ln->nfields == 0)
            continue;
        if (ln->nfields > 1)
            return fail_at(err, path, ln->number, "%s holds '%s %s ...': expected one number",
                           names[h], ln->field[0], ln->field[1]);
        if (parse_number(path, ln->number, names[h], ln->field[0], &t->header[h], err) < 0)
            return -1;
        h++;
    }
    return 0;
}

/* Parse one operation line into *op. */
static int parse_op(const char *path, const struct line *ln, struct trace_op *op, char *err)
{
    const char *name = ln->field[0];
    int want;
    if (strcmp(name, "a") == 0) {
        op->kind = OP_ALLOC;
        want = 3;
    } else if (strcmp(name, "r") == 0) {
        op->kind = OP_REALLOC;
        want = 3;
    } else if (strcmp(name, "f") == 0) {
        op->kind = OP_FREE;
        want = 2;
    } else {
        return fail_at(err, path, ln->number,
                       "unknown operation '%s': expected a (allocate), r (realloc) or f (free)",
                       name);
    }
    /* The fields, not ln->text: splitting cut the text after the first. */
    if (ln->nfields < want)
        return fail_at(err, path, ln->number, "'%s%s%s' is missing its %s", name,
                       ln->nfields == 2 ? " " : "", ln->nfields == 2 ? ln->field[1] : "",
                       ln->nfields == 1 ? "block id" : "size in bytes");
    if (ln->nfields > want)
        return fail_at(err, path, ln->number, "extra field '%s' after '%s %s%s%s'",
                       ln->field[want], name, ln->field[1], want == 3 ? " " : "",
                       want == 3 ? ln->field[2] : "");

    uint64_t id, size = 0;
    if (parse_number(path, ln->number, "block id", ln->field[1], &id, err) < 0)
        return -1;
    if (id > UINT32_MAX - 1)
        return fail_at(err, path, ln->number, "block id %" PRIu64 " is too large (the most is %"
                       PRIu32 ")", id, UINT32_MAX - 1);
    if (want == 3) {
        if (parse_number(path, ln->number, "size", ln->field[2], &size, err) < 0)
            return -1;
        if (size > SIZE_MAX)
            return fail_at(err, path, ln->number, "size %" PRIu64 " does not fit a size_t", size);
        if (op->kind == OP_REALLOC && size == 0)
            return fail_at(err, path, ln->number,
                           "realloc to 0 bytes: what it does differs between allocators; "
                           "use 'f %" PRIu64 "' to free the block", id);
    }
    op->id = (uint32_t)id;
    op->size = (size_t)size;
    op->line = (uint32_t)ln->number;
    return 0;
}

static int parse_body(const char *path, const char *buf, size_t len, size_t *pos,
                      struct line *ln, struct trace *t, char *err)
{
    size_t cap = 0;
    for (;;) {
        int r = next_line(path, buf, len, pos, ln, err);
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;
        if (ln->nfields == 0)
            continue;
        if (ln->number > UINT32_MAX)
            return fail_at(err, path, ln->number, "too many lines for a trace");
        if (t->num_ops == cap) {
            cap = cap ? 2 * cap : 1024;
            struct trace_op *ops = realloc(t->ops, cap * sizeof *ops);
            if (ops == NULL)
                return fail_at(err, path, ln->number, "out of memory reading the trace");
            t->ops = ops;
        }
        if (parse_op(path, ln, &t->ops[t->num_ops], err) < 0)
            return -1;
        t->num_ops++;
    }
}

/* Check the header's counts against the body, then walk the operations as
 * a replay would, tracking which ids are live and the live payload. */
static int check_body(const char *path, struct trace *t, char *err)
{
    if (t->header[2] != t->num_ops)
        return fail_at(err, path, 3,
                       "the header says %" PRIu64 " operations, but the trace has %zu",
                       t->header[2], t->num_ops);
    /* More ids than operations is a header error (line 2); it also bounds
     * the per-id tables below by the size of the file. */
    uint64_t num_ids = t->header[1];
    if (num_ids > t->num_ops)
        return fail_at(err, path, 2,
                       "the header declares %" PRIu64 " ids, more than the %zu operations could "
                       "allocate", num_ids, t->num_ops);
    t->num_ids = (size_t)num_ids;

    struct id_info *ids = calloc(t->num_ids ? t->num_ids : 1, sizeof *ids);
    size_t *sizes = calloc(t->num_ids ? t->num_ids : 1, sizeof *sizes);
    if (ids == NULL || sizes == NULL) {
        free(ids);
        free(sizes);
        return fail_at(err, path, 2, "out of memory for %zu ids", t->num_ids);
    }
    /* One walk in file order, so that the first problem is the one reported. */
    int rc = 0;
    uint32_t max_id = 0;
    size_t live = 0;     /* saturating: giant traces ask for more than 2^64 */
    t->peak_live = 0;
    t->peak_op = 0;
    for (size_t i = 0; i < t->num_ops && rc == 0; i++) {
        const struct trace_op *op = &t->ops[i];
        if (op->id >= num_ids) {
            if (num_ids == 0)
                rc = fail_at(err, path, op->line,
                             "block id %" PRIu32 " is out of range: the header (line 2) declares "
                             "0 ids, so no id may be used", op->id);
            else
                rc = fail_at(err, path, op->line,
                             "block id %" PRIu32 " is out of range: the header (line 2) declares %"
                             PRIu64 " ids, so ids run from 0 to %" PRIu64,
                             op->id, num_ids, num_ids - 1);
            break;
        }
        if (op->id > max_id)
            max_id = op->id;
        struct id_info *id = &ids[op->id];
        if (op->kind == OP_ALLOC) {
            if (id->state == ID_LIVE) {
                rc = fail_at(err, path, op->line,
                             "block id %" PRIu32 " is allocated again while live (allocated at "
                             "line %" PRIu32 "); an id is allocated once", op->id, id->line);
                break;
            }
            if (id->state == ID_FREED) {
                rc = fail_at(err, path, op->line,
                             "block id %" PRIu32 " is allocated again after its free at line %"
                             PRIu32 "; an id is allocated once", op->id, id->line);
                break;
            }
            id->state = ID_LIVE;
            id->line = op->line;
        } else if (id->state != ID_LIVE) {
            const char *verb = op->kind == OP_FREE ? "free" : "realloc";
            if (id->state == ID_UNUSED)
                rc = fail_at(err, path, op->line,
                             "%s of block id %" PRIu32 ", which has not been allocated", verb,
                             op->id);
            else
                rc = fail_at(err, path, op->line,
                             "%s of block id %" PRIu32 ", which was already freed at line %" PRIu32,
                             verb, op->id, id->line);
            break;
        }
        if (live != SIZE_MAX)           /* once saturated, the peak is known */
            live -= sizes[op->id];
        if (op->kind == OP_FREE) {
            sizes[op->id] = 0;
            id->state = ID_FREED;
            id->line = op->line;
        } else {
            sizes[op->id] = op->size;
            live = op->size > SIZE_MAX - live ? SIZE_MAX : live + op->size;
        }
        if (live > t->peak_live) {
            t->peak_live = live;
            t->peak_op = i;
        }
    }
    free(ids);
    free(sizes);
    if (rc == 0 && t->num_ops > 0 && num_ids != (uint64_t)max_id + 1)
        rc = fail_at(err, path, 2,
                     "the header declares %" PRIu64 " ids, but the largest id used is %" PRIu32,
                     num_ids, max_id);
    return rc;
}

/* Tell the two header variants apart by what the body computes. */
static int detect_format(const char *path, struct trace *t, char *err)
{
    if (t->header[0] <= 3 && t->header[3] == t->peak_live) {
        static const enum trace_weight weights[4] = {WEIGHT_NONE, WEIGHT_BOTH, WEIGHT_UTIL,
                                                     WEIGHT_TPUT};
        t->format = TRACE_CMU15213;
        t->weight = weights[t->header[0]];
        return 0;
    }
    if (t->header[3] <= 1) {
        t->format = TRACE_CLASSIC;
        t->weight = t->header[3] == 1 ? WEIGHT_BOTH : WEIGHT_NONE;
        return 0;
    }
    return fail_at(err, path, 4,
                   "header line 4 is %" PRIu64 ": neither a classic weight (0 or 1) nor, "
                   "with a 15-213 weight (0-3) on line 1, the peak live payload the body "
                   "reaches (%zu bytes)", t->header[3], t->peak_live);
}

int trace_parse(const char *path, const char *buf, size_t len, struct trace *t,
                char err[TRACE_ERR_MAX])
{
    memset(t, 0, sizeof *t);
    err[0] = '\0';
    struct line *ln = malloc(sizeof *ln);
    t->path = malloc(strlen(path) + 1);
    if (ln == NULL || t->path == NULL) {
        free(ln);
        trace_free(t);
        snprintf(err, TRACE_ERR_MAX, "%s: out of memory", path);
        return -1;
    }
    strcpy(t->path, path);
    const char *slash = strrchr(t->path, '/');
    t->name = slash ? slash + 1 : t->path;

    ln->number = 0;
    size_t pos = 0;
    int rc = parse_header(path, buf, len, &pos, ln, t, err);
    if (rc == 0)
        rc = parse_body(path, buf, len, &pos, ln, t, err);
    if (rc == 0)
        rc = check_body(path, t, err);
    if (rc == 0)
        rc = detect_format(path, t, err);
    free(ln);
    if (rc != 0)
        trace_free(t);
    return rc;
}

int trace_read(const char *path, struct trace *t, char err[TRACE_ERR_MAX])
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, TRACE_ERR_MAX, "cannot open trace '%s': %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        snprintf(err, TRACE_ERR_MAX, "cannot read trace '%s': it is a directory", path);
        return -1;
    }
    /* Read to the end, whatever the file is (a pipe has no size). */
    size_t len = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    int rc = 0;
    while (buf != NULL) {
        len += fread(buf + len, 1, cap - len, f);
        if (ferror(f)) {
            snprintf(err, TRACE_ERR_MAX, "cannot read trace '%s': %s", path, strerror(errno));
            rc = -1;
            break;
        }
        if (len < cap)
            break;
        if (cap >= max_file_size) {
            snprintf(err, TRACE_ERR_MAX, "cannot read trace '%s': larger than %zu MiB; "
                     "is this a trace file?", path, max_file_size >> 20);
            rc = -1;
            break;
        }
        cap *= 2;
        char *bigger = realloc(buf, cap);
        if (bigger == NULL)
            free(buf);
        buf = bigger;
    }
    fclose(f);
    if (buf == NULL) {
        snprintf(err, TRACE_ERR_MAX, "cannot read trace '%s': out of memory", path);
        return -1;
    }
    if (rc == 0)
        rc = trace_parse(path, buf, len, t, err);
    free(buf);
    return rc;
}

void trace_free(struct trace *t)
{
    free(t->path);
    free(t->ops);
    memset(t, 0, sizeof *t);
}
