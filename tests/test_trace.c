/*
 * test_trace.c - the trace parser (driver/trace.c): what it accepts, what
 * it computes from a valid trace, and the message each input error gets.
 *
 * Traces are parsed from strings with trace_parse; each error must name the
 * trace and the right line ("t.rep:LINE: ") and say what is wrong.
 */
#include "trace.h"

#include "check.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The name every in-memory trace is parsed under. */
#define NAME "t.rep"

static int parse_n(const char *text, size_t len, struct trace *t, char *err)
{
    return trace_parse(NAME, text, len, t, err);
}

static int parse(const char *text, struct trace *t, char *err)
{
    return parse_n(text, strlen(text), t, err);
}

/* Parse `len` bytes of `text`, expecting a refusal at `line` whose message
 * contains `phrase`. */
static void expect_refused_n(const char *text, size_t len, unsigned line, const char *phrase)
{
    struct trace t;
    char err[TRACE_ERR_MAX];
    char prefix[64];
    snprintf(prefix, sizeof prefix, NAME ":%u: ", line);
    int rc = parse_n(text, len, &t, err);
    EXPECT(rc == -1, "trace_parse returned %d for a bad trace", rc);
    EXPECT(strncmp(err, prefix, strlen(prefix)) == 0, "message '%s', not starting '%s'", err,
           prefix);
    EXPECT(strstr(err, phrase) != NULL, "message '%s', without '%s'", err, phrase);
    EXPECT(strchr(err, '\n') == NULL, "message '%s' is not one line", err);
    EXPECT(t.ops == NULL && t.num_ops == 0 && t.path == NULL,
           "a refused trace is not left empty (%zu ops)", t.num_ops);
    if (rc == 0)
        trace_free(&t);
}

static void expect_refused(const char *text, unsigned line, const char *phrase)
{
    expect_refused_n(text, strlen(text), line, phrase);
}

/* Parse text expecting success; returns false (after saying why) if not. */
static bool expect_parsed(const char *text, size_t len, struct trace *t)
{
    char err[TRACE_ERR_MAX];
    int rc = parse_n(text, len, t, err);
    EXPECT(rc == 0, "trace_parse returned %d: %s", rc, err);
    return rc == 0;
}

/* ---- Valid traces ----------------------------------------------------- */

/* CS:APP's header: heap size, ids, ops, weight 1. Live bytes: 100, 300,
 * 500, 300, 350, 50: the peak, 500, is reached by op 2 (r 0 300). */
static const char classic[] =
    "20000\n3\n6\n1\n"
    "a 0 100\na 1 200\nr 0 300\nf 1\na 2 50\nf 0\n";

static void test_classic_trace_is_read_with_its_counts_and_peak(void)
{
    struct trace t;
    if (!expect_parsed(classic, strlen(classic), &t))
        return;
    EXPECT(t.format == TRACE_CLASSIC, "format %s", trace_format_name(t.format));
    EXPECT(t.weight == WEIGHT_BOTH, "weight %s", trace_weight_name(t.weight));
    EXPECT(t.num_ids == 3, "num_ids %zu", t.num_ids);
    EXPECT(t.num_ops == 6, "num_ops %zu", t.num_ops);
    EXPECT(t.peak_live == 500, "peak_live %zu", t.peak_live);
    EXPECT(t.peak_op == 2, "peak_op %zu", t.peak_op);
    EXPECT(t.header[0] == 20000 && t.header[3] == 1, "header %llu .. %llu",
           (unsigned long long)t.header[0], (unsigned long long)t.header[3]);
    EXPECT(strcmp(t.path, NAME) == 0 && strcmp(t.name, NAME) == 0, "path '%s', name '%s'",
           t.path, t.name);
    const struct trace_op *op = &t.ops[2];
    EXPECT(op->kind == OP_REALLOC && op->id == 0 && op->size == 300 && op->line == 7,
           "op 2 is kind %d id %u size %zu line %u", (int)op->kind, (unsigned)op->id, op->size,
           (unsigned)op->line);
    op = &t.ops[3];
    EXPECT(op->kind == OP_FREE && op->id == 1 && op->size == 0 && op->line == 8,
           "op 3 is kind %d id %u size %zu line %u", (int)op->kind, (unsigned)op->id, op->size,
           (unsigned)op->line);
    trace_free(&t);
    EXPECT(t.ops == NULL && t.path == NULL && t.num_ops == 0, "trace_free left %zu ops",
           t.num_ops);
}

static void test_classic_weight_0_is_not_scored(void)
{
    static const char text[] = "20000\n1\n2\n0\na 0 8\nf 0\n";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.format == TRACE_CLASSIC, "format %s", trace_format_name(t.format));
    EXPECT(t.weight == WEIGHT_NONE, "weight %s", trace_weight_name(t.weight));
    trace_free(&t);
}

/* 15-213's header: weight, ids, ops, peak live bytes. Live: 4096, 4136,
 * 8232, 8592, 8656, 4560, 8656, 8672 (op 7), then less. */
static const char cmu[] =
    "2\n5\n11\n8672\n"
    "a 0 4096\na 1 40\na 2 4096\nr 1 400\na 3 64\nf 0\nr 2 8192\na 4 16\nf 3\nf 1\nf 4\n";

static void test_15213_trace_is_read_with_its_weight_and_peak(void)
{
    struct trace t;
    if (!expect_parsed(cmu, strlen(cmu), &t))
        return;
    EXPECT(t.format == TRACE_CMU15213, "format %s", trace_format_name(t.format));
    EXPECT(t.weight == WEIGHT_UTIL, "weight %s", trace_weight_name(t.weight));
    EXPECT(t.num_ids == 5, "num_ids %zu", t.num_ids);
    EXPECT(t.num_ops == 11, "num_ops %zu", t.num_ops);
    EXPECT(t.peak_live == 8672, "peak_live %zu", t.peak_live);
    EXPECT(t.peak_op == 7, "peak_op %zu", t.peak_op);
    trace_free(&t);
}

/* Each 15-213 weight: 0 none, 1 both, 2 util, 3 tput. */
static void test_15213_weights_0_to_3_are_told_apart(void)
{
    static const enum trace_weight want[4] = {WEIGHT_NONE, WEIGHT_BOTH, WEIGHT_UTIL,
                                              WEIGHT_TPUT};
    for (int w = 0; w < 4; w++) {
        char text[64];
        snprintf(text, sizeof text, "%d\n1\n2\n24\na 0 24\nf 0\n", w);
        struct trace t;
        if (!expect_parsed(text, strlen(text), &t))
            continue;
        EXPECT(t.format == TRACE_CMU15213, "weight %d: format %s", w, trace_format_name(t.format));
        EXPECT(t.weight == want[w], "weight %d read as %s", w, trace_weight_name(t.weight));
        trace_free(&t);
    }
}

/* The peak is the largest sum of live payload bytes, the first time it
 * is reached; a realloc replaces its block's size rather than adding. */
static void test_peak_is_first_op_reaching_largest_live_sum(void)
{
    static const char text[] = "1\n2\n6\n300\na 0 100\nr 0 300\nr 0 50\na 1 250\nf 0\nf 1\n";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.peak_live == 300, "peak_live %zu", t.peak_live);
    EXPECT(t.peak_op == 1, "peak_op %zu (op 3 only equals the peak)", t.peak_op);
    trace_free(&t);
}

static void test_crlf_line_endings_are_accepted(void)
{
    static const char text[] = "1\r\n2\r\n4\r\n48\r\na 0 16\r\na 1 32\r\nf 0\r\nf 1\r\n";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.num_ops == 4 && t.ops[1].size == 32, "%zu ops, op 1 size %zu", t.num_ops,
           t.ops[1].size);
    trace_free(&t);
}

static void test_missing_final_newline_is_accepted(void)
{
    static const char text[] = "1\n2\n4\n48\na 0 16\na 1 32\nf 0\nf 1";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.num_ops == 4 && t.ops[3].kind == OP_FREE && t.ops[3].id == 1,
           "%zu ops, the last one kind %d id %u", t.num_ops, (int)t.ops[3].kind,
           (unsigned)t.ops[3].id);
    trace_free(&t);
}

/* Blank and whitespace-only lines, in the header and the body, are
 * skipped but still counted: line numbers stay those of the file. */
static void test_blank_lines_are_ignored_but_counted(void)
{
    static const char text[] = "\n1\n2\n\n4\n48\n \t\na 0 16\n\n\ta 1\t32 \nf 0\n\nf 1\n\n";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.num_ops == 4, "num_ops %zu", t.num_ops);
    EXPECT(t.ops[0].line == 8 && t.ops[1].line == 10 && t.ops[3].line == 13,
           "lines %u %u %u, want 8 10 13", (unsigned)t.ops[0].line, (unsigned)t.ops[1].line,
           (unsigned)t.ops[3].line);
    trace_free(&t);
    expect_refused("1\n\n2\n4\n48\n\na 0 16\n\nq 1 32\nf 0\nf 1\n", 9, "unknown operation");
}

static void test_trace_of_no_operations_is_accepted(void)
{
    static const char text[] = "1\n0\n0\n0\n";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.num_ops == 0 && t.num_ids == 0 && t.peak_live == 0, "%zu ops, %zu ids, peak %zu",
           t.num_ops, t.num_ids, t.peak_live);
    trace_free(&t);
}

/* malloc(0) is a legal request; only realloc to 0 is refused. */
static void test_allocation_of_0_bytes_is_accepted(void)
{
    static const char text[] = "1\n1\n2\n0\na 0 0\nf 0\n";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.ops[0].kind == OP_ALLOC && t.ops[0].size == 0, "op 0 size %zu", t.ops[0].size);
    trace_free(&t);
}

/* 2^64 - 1 is the largest number; 2^64 is refused (below). */
static void test_largest_64_bit_number_is_accepted(void)
{
    static const char text[] = "18446744073709551615\n1\n2\n1\na 0 8\nf 0\n";
    struct trace t;
    if (!expect_parsed(text, strlen(text), &t))
        return;
    EXPECT(t.header[0] == UINT64_MAX, "header line 1 read as %llu",
           (unsigned long long)t.header[0]);
    trace_free(&t);
}

/* A line of exactly TRACE_MAX_LINE bytes is allowed (padding spaces). */
static void test_line_of_max_length_is_accepted(void)
{
    char text[TRACE_MAX_LINE + 64];
    int n = snprintf(text, sizeof text, "1\n1\n2\n8\n");
    memset(text + n, ' ', TRACE_MAX_LINE);
    memcpy(text + n, "a 0 8", 5);
    size_t len = (size_t)n + TRACE_MAX_LINE;
    memcpy(text + len, "\nf 0\n", 5);
    len += 5;
    struct trace t;
    if (!expect_parsed(text, len, &t))
        return;
    trace_free(&t);
}

/* ---- Input errors: each names its line -------------------------------- */

static void test_unknown_operation_is_refused(void)
{
    expect_refused("1\n2\n3\n48\na 0 16\nx 1 32\nf 0\n", 6, "unknown operation 'x'");
    expect_refused("1\n2\n3\n48\na 0 16\nA 1 32\nf 0\n", 6, "unknown operation 'A'");
    expect_refused("1\n2\n3\n48\na 0 16\nalloc 1 32\nf 0\n", 6, "unknown operation 'alloc'");
}

/* The message quotes the whole line, not just its first field. */
static void test_missing_field_is_refused(void)
{
    expect_refused("1\n2\n3\n48\na 0 16\na 1\nf 0\n", 6, "'a 1' is missing its size in bytes");
    expect_refused("1\n2\n3\n48\na 0 16\nr 0\nf 0\n", 6, "'r 0' is missing its size in bytes");
    expect_refused("1\n1\n2\n16\na 0 16\nf\n", 6, "'f' is missing its block id");
    expect_refused("1\n1\n2\n16\na\nf 0\n", 5, "'a' is missing its block id");
}

static void test_extra_field_is_refused(void)
{
    expect_refused("1\n1\n2\n16\na 0 16\nf 0 16\n", 6, "extra field '16' after 'f 0'");
    expect_refused("1\n1\n2\n16\na 0 16 4\nf 0\n", 5, "extra field '4' after 'a 0 16'");
}

static void test_negative_number_is_refused(void)
{
    expect_refused("1\n2\n3\n48\na 0 16\na 1 -32\nf 0\n", 6, "size '-32' is negative");
    expect_refused("1\n2\n3\n48\na 0 16\nf -0\nf 0\n", 6, "block id '-0' is negative");
    expect_refused("-1\n2\n3\n48\n", 1, "is negative");
}

static void test_unparsable_number_is_refused(void)
{
    expect_refused("1\n2\n3\n48\na 0 16\na 1 32k\nf 0\n", 6, "size '32k' is not a number");
    expect_refused("1\n2\n3\n48\na 0 16\na 1 0x20\nf 0\n", 6, "size '0x20' is not a number");
    expect_refused("1\n2\n3\n48\na 0 16\na one 32\nf 0\n", 6, "block id 'one' is not a number");
    expect_refused("1\n2\n3\n48\na 0 16\na 1 +32\nf 0\n", 6, "is not a number");
    expect_refused("1\ntwo\n3\n48\n", 2, "header line 2 (number of ids) 'two' is not a number");
}

static void test_number_over_64_bits_is_refused(void)
{
    expect_refused("1\n2\n3\n48\na 0 16\na 1 18446744073709551616\nf 0\n", 6,
                   "size '18446744073709551616' is too large");
    expect_refused("1\n2\n3\n48\na 0 16\na 1 99999999999999999999999\nf 0\n", 6, "too large");
    expect_refused("18446744073709551616\n2\n3\n48\n", 1, "too large");
}

static void test_id_out_of_range_is_refused(void)
{
    expect_refused("1\n2\n3\n48\na 0 16\na 2 32\nf 0\n", 6,
                   "block id 2 is out of range: the header (line 2) declares 2 ids, so ids run "
                   "from 0 to 1");
    expect_refused("1\n2\n3\n48\na 0 16\na 4294967295 32\nf 0\n", 6, "block id 4294967295 is too "
                   "large");
}

/* With no ids declared, no id is in range: the message must not wrap
 * around to "ids run from 0 to 18446744073709551615". */
static void test_id_out_of_range_of_0_ids_is_refused_plainly(void)
{
    struct trace t;
    char err[TRACE_ERR_MAX];
    expect_refused("1\n0\n1\n16\na 0 16\n", 5, "out of range");
    if (parse("1\n0\n1\n16\na 0 16\n", &t, err) == 0)
        trace_free(&t);
    EXPECT(strstr(err, "18446744073709551615") == NULL, "message '%s' wraps around", err);
}

static void test_free_of_never_allocated_id_is_refused(void)
{
    expect_refused("1\n2\n3\n48\na 0 16\nf 1\na 1 32\n", 6,
                   "free of block id 1, which has not been allocated");
    expect_refused("1\n2\n3\n48\na 0 16\nr 1 8\na 1 32\n", 6,
                   "realloc of block id 1, which has not been allocated");
}

static void test_free_of_freed_id_is_refused(void)
{
    expect_refused("1\n1\n3\n16\na 0 16\nf 0\nf 0\n", 7,
                   "free of block id 0, which was already freed at line 6");
}

static void test_realloc_of_freed_id_is_refused(void)
{
    expect_refused("1\n1\n3\n16\na 0 16\nf 0\nr 0 32\n", 7,
                   "realloc of block id 0, which was already freed at line 6");
}

static void test_id_allocated_twice_is_refused(void)
{
    expect_refused("1\n1\n2\n16\na 0 16\na 0 32\n", 6,
                   "block id 0 is allocated again while live (allocated at line 5)");
    expect_refused("1\n1\n3\n16\na 0 16\nf 0\na 0 32\n", 7,
                   "block id 0 is allocated again after its free at line 6");
}

static void test_realloc_to_0_is_refused(void)
{
    expect_refused("1\n1\n3\n16\na 0 16\nr 0 0\nf 0\n", 6, "realloc to 0 bytes");
}

static void test_short_header_is_refused(void)
{
    expect_refused("1\n2\n3\n", 3, "file ends inside the header: expected 4 header lines, "
                   "found 3");
    expect_refused("1\n", 1, "found 1");
    expect_refused("\n\n", 2, "found 0");
}

/* Line 4 missing, the body starting early: the first op is not a number. */
static void test_header_running_into_the_body_is_refused(void)
{
    expect_refused("1\n1\n2\na 0 16\nf 0\n", 4, "header line 4");
}

static void test_header_line_with_two_numbers_is_refused(void)
{
    expect_refused("1\n2 3\n4\n48\na 0 16\na 1 32\nf 0\nf 1\n", 2,
                   "header line 2 (number of ids) holds '2 3 ...': expected one number");
}

static void test_op_count_disagreeing_with_header_is_refused(void)
{
    expect_refused("1\n2\n4\n48\na 0 16\na 1 32\nf 0\n", 3,
                   "the header says 4 operations, but the trace has 3");
    expect_refused("1\n2\n2\n48\na 0 16\na 1 32\nf 0\n", 3,
                   "the header says 2 operations, but the trace has 3");
}

static void test_ids_not_all_used_is_refused(void)
{
    expect_refused("1\n3\n4\n48\na 0 16\na 1 32\nf 0\nf 1\n", 2,
                   "the header declares 3 ids, but the largest id used is 1");
}

static void test_more_ids_than_ops_is_refused(void)
{
    expect_refused("1\n5\n3\n48\na 0 16\na 1 32\nf 0\n", 2,
                   "the header declares 5 ids, more than the 3 operations could allocate");
    expect_refused("1\n1\n0\n0\n", 2, "more than the 0 operations");
}

static void test_line_4_neither_weight_nor_peak_is_refused(void)
{
    expect_refused("1\n2\n4\n99\na 0 16\na 1 32\nf 0\nf 1\n", 4,
                   "header line 4 is 99: neither a classic weight (0 or 1) nor");
    /* A peak that is right, but a line-1 weight out of 0-3. */
    expect_refused("4\n2\n4\n48\na 0 16\na 1 32\nf 0\nf 1\n", 4, "the peak live payload the "
                   "body reaches (48 bytes)");
}

static void test_empty_file_is_refused(void)
{
    expect_refused("", 1, "empty file");
}

static void test_binary_file_is_refused(void)
{
    static const char nul[] = "1\n1\n2\n16\na 0 16\nf \0\n";
    expect_refused_n(nul, sizeof nul - 1, 6, "byte 0x00 in column 3");
    expect_refused_n("\0\0\0\0", 4, 1, "byte 0x00 in column 1");
    expect_refused("1\n1\n2\n16\na 0 16\x80\nf 0\n", 5, "byte 0x80 in column 7");
    expect_refused("\xff\xd8\xff\xe0", 1, "is this a trace file?");
}

static void test_first_problem_in_file_order_is_reported(void)
{
    /* line 5 frees an id never allocated; line 7 uses an id out of range */
    expect_refused("1\n4\n4\n16\nf 3\na 0 16\na 9 16\nf 0\n", 5,
                   "free of block id 3, which has not been allocated");
}

static void test_lone_carriage_returns_are_refused_by_name(void)
{
    /* Old Mac line endings: the whole file is one line. */
    expect_refused("1\r1\r2\r16\ra 0 16\rf 0\r", 1, "a carriage return inside the line, in column 2");
}

static void test_line_longer_than_max_is_refused(void)
{
    char text[TRACE_MAX_LINE + 64];
    int n = snprintf(text, sizeof text, "1\n1\n2\n8\n");
    memset(text + n, ' ', TRACE_MAX_LINE + 1);
    memcpy(text + n, "a 0 8", 5);
    size_t len = (size_t)n + TRACE_MAX_LINE + 1;
    memcpy(text + len, "\nf 0\n", 5);
    len += 5;
    expect_refused_n(text, len, 5, "longer than any trace line may be");
}

/* Of two errors in the body, the earlier one is reported. */
static void test_first_body_error_is_reported(void)
{
    expect_refused("1\n2\n4\n48\na 0 16\nf 1\nf 0\nf 0\n", 6, "has not been allocated");
}

/* ---- Reading files ---------------------------------------------------- */

static void test_missing_file_gives_a_clear_message(void)
{
    struct trace t;
    char err[TRACE_ERR_MAX];
    int rc = trace_read("tests/no/such/file.rep", &t, err);
    EXPECT(rc == -1, "trace_read returned %d", rc);
    EXPECT(strcmp(err, "cannot open trace 'tests/no/such/file.rep': No such file or directory")
           == 0, "message '%s'", err);
    EXPECT(t.ops == NULL && t.path == NULL, "trace not left empty");
}

static void test_directory_gives_a_clear_message(void)
{
    struct trace t;
    char err[TRACE_ERR_MAX];
    int rc = trace_read(".", &t, err);
    EXPECT(rc == -1, "trace_read returned %d", rc);
    EXPECT(strstr(err, "'.'") != NULL && strstr(err, "directory") != NULL, "message '%s'", err);
    EXPECT(t.ops == NULL && t.path == NULL, "trace not left empty");
}

/* A file is read whole and parsed like the same bytes in memory. */
static void test_file_is_read_and_named_in_messages(void)
{
    char dir[] = "/tmp/test_trace.XXXXXX", path[64];
    if (mkdtemp(dir) == NULL) {
        EXPECT(0, "mkdtemp failed");
        return;
    }
    snprintf(path, sizeof path, "%s/c.rep", dir);
    FILE *f = fopen(path, "w");
    EXPECT(f != NULL, "cannot write %s", path);
    if (f != NULL) {
        fputs(cmu, f);
        fclose(f);
        struct trace t;
        char err[TRACE_ERR_MAX];
        int rc = trace_read(path, &t, err);
        EXPECT(rc == 0, "trace_read returned %d: %s", rc, err);
        if (rc == 0) {
            EXPECT(t.num_ops == 11 && t.peak_live == 8672, "%zu ops, peak %zu", t.num_ops,
                   t.peak_live);
            EXPECT(strcmp(t.path, path) == 0 && strcmp(t.name, "c.rep") == 0,
                   "path '%s', name '%s'", t.path, t.name);
            trace_free(&t);
        }
        f = fopen(path, "w");
        if (f != NULL) {
            fputs("1\n1\n2\n16\na 0 16\nf 0 x\n", f);
            fclose(f);
        }
        char prefix[80];
        snprintf(prefix, sizeof prefix, "%s:6: extra field", path);
        rc = trace_read(path, &t, err);
        EXPECT(rc == -1 && strncmp(err, prefix, strlen(prefix)) == 0, "rc %d, message '%s'", rc,
               err);
        remove(path);
    }
    rmdir(dir);
}

static void test_op_is_written_as_in_a_trace(void)
{
    char buf[64];
    struct trace_op a = {.kind = OP_ALLOC, .id = 12, .size = 448};
    struct trace_op r = {.kind = OP_REALLOC, .id = 300, .size = 1};
    struct trace_op f = {.kind = OP_FREE, .id = 7};
    trace_op_format(&a, buf, sizeof buf);
    EXPECT(strcmp(buf, "a 12 448") == 0, "'%s'", buf);
    trace_op_format(&r, buf, sizeof buf);
    EXPECT(strcmp(buf, "r 300 1") == 0, "'%s'", buf);
    trace_op_format(&f, buf, sizeof buf);
    EXPECT(strcmp(buf, "f 7") == 0, "'%s'", buf);
}

int main(void)
{
    RUN_TEST(test_classic_trace_is_read_with_its_counts_and_peak);
    RUN_TEST(test_classic_weight_0_is_not_scored);
    RUN_TEST(test_15213_trace_is_read_with_its_weight_and_peak);
    RUN_TEST(test_15213_weights_0_to_3_are_told_apart);
    RUN_TEST(test_peak_is_first_op_reaching_largest_live_sum);
    RUN_TEST(test_crlf_line_endings_are_accepted);
    RUN_TEST(test_missing_final_newline_is_accepted);
    RUN_TEST(test_blank_lines_are_ignored_but_counted);
    RUN_TEST(test_trace_of_no_operations_is_accepted);
    RUN_TEST(test_allocation_of_0_bytes_is_accepted);
    RUN_TEST(test_largest_64_bit_number_is_accepted);
    RUN_TEST(test_line_of_max_length_is_accepted);

    RUN_TEST(test_unknown_operation_is_refused);
    RUN_TEST(test_missing_field_is_refused);
    RUN_TEST(test_extra_field_is_refused);
    RUN_TEST(test_negative_number_is_refused);
    RUN_TEST(test_unparsable_number_is_refused);
    RUN_TEST(test_number_over_64_bits_is_refused);
    RUN_TEST(test_id_out_of_range_is_refused);
    RUN_TEST(test_id_out_of_range_of_0_ids_is_refused_plainly);
    RUN_TEST(test_free_of_never_allocated_id_is_refused);
    RUN_TEST(test_free_of_freed_id_is_refused);
    RUN_TEST(test_realloc_of_freed_id_is_refused);
    RUN_TEST(test_id_allocated_twice_is_refused);
    RUN_TEST(test_realloc_to_0_is_refused);
    RUN_TEST(test_short_header_is_refused);
    RUN_TEST(test_header_running_into_the_body_is_refused);
    RUN_TEST(test_header_line_with_two_numbers_is_refused);
    RUN_TEST(test_op_count_disagreeing_with_header_is_refused);
    RUN_TEST(test_ids_not_all_used_is_refused);
    RUN_TEST(test_more_ids_than_ops_is_refused);
    RUN_TEST(test_line_4_neither_weight_nor_peak_is_refused);
    RUN_TEST(test_empty_file_is_refused);
    RUN_TEST(test_binary_file_is_refused);
    RUN_TEST(test_lone_carriage_returns_are_refused_by_name);
    RUN_TEST(test_first_problem_in_file_order_is_reported);
    RUN_TEST(test_line_longer_than_max_is_refused);
    RUN_TEST(test_first_body_error_is_reported);

    RUN_TEST(test_missing_file_gives_a_clear_message);
    RUN_TEST(test_directory_gives_a_clear_message);
    RUN_TEST(test_file_is_read_and_named_in_messages);
    RUN_TEST(test_op_is_written_as_in_a_trace);
    return check_summary();
}
