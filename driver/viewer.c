/*
 * viewer.c - record each policy's replay and write the viewer page.
 */
#include "viewer.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diagnose.h"
#include "memlib.h"
#include "viewrec.h"
#include "viewer_assets.h"      /* made by viewer/viewer.mk from viewer/ */

/* The recording's time limit, as a multiple of the run's (-s). */
static const double record_time_factor = 4.0;

/* The recording's shared buffer: reserved, not committed, in bytes. */
static const size_t record_bytes = (size_t)1 << 30;

/* ---- JSON ---------------------------------------------------------------- */

/* A JSON string; '<', '>' and '&' escaped too, so that no text can end the
 * <script> element the data sits in. */
static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* A header or footer word: a number where a double holds it exactly,
 * else a hex string. */
static void json_word(FILE *f, int64_t w)
{
    uint64_t u = (uint64_t)w;
    if (u <= ((uint64_t)1 << 53))
        fprintf(f, ",%" PRIu64, u);
    else
        fprintf(f, ",\"0x%" PRIx64 "\"", u);
}

static void json_trace(FILE *f, const struct trace *t)
{
    static const char kinds[] = {[OP_ALLOC] = 'a', [OP_REALLOC] = 'r', [OP_FREE] = 'f'};
    fprintf(f, "\"trace\":{\"name\":");
    json_string(f, t->name);
    fprintf(f, ",\"path\":");
    json_string(f, t->path);
    fprintf(f, ",\"ops\":%zu,\"peak\":%zu,\"peak_live\":%zu,\"kind\":\"", t->num_ops,
            t->peak_live > 0 ? t->peak_op + 1 : 0, t->peak_live);
    for (size_t i = 0; i < t->num_ops; i++)
        fputc(kinds[t->ops[i].kind], f);
    fprintf(f, "\",\"id\":[");
    for (size_t i = 0; i < t->num_ops; i++)
        fprintf(f, "%s%" PRIu32, i ? "," : "", t->ops[i].id);
    fprintf(f, "],\"size\":[");
    for (size_t i = 0; i < t->num_ops; i++)
        fprintf(f, "%s%zu", i ? "," : "", t->ops[i].size);
    fprintf(f, "],\"line_step\":[");    /* each line less the one before: mostly 1 */
    for (size_t i = 0; i < t->num_ops; i++)
        fprintf(f, "%s%" PRIu32, i ? "," : "", t->ops[i].line - (i ? t->ops[i - 1].line : 0));
    fprintf(f, "]}");
}

static void json_breakdown(FILE *f, const struct run_result *r)
{
    const struct breakdown *b = &r->breakdown;
    const struct heap_split *s = &b->at_peak;
    fprintf(f, "\"breakdown\":{\"measured\":%s,\"divided\":%s,\"heap\":%zu,\"payload\":%zu,"
            "\"internal\":%zu,\"external\":%zu,\"structure\":%zu,\"growth\":%zu,\"why\":",
            b->measured && r->valid ? "true" : "false", s->divided ? "true" : "false",
            r->heap_size, s->payload, s->internal, s->external, s->structure, b->growth);
    json_string(f, s->divided ? "" : s->why);
    fputc('}', f);
}

/* One block of a frame, as the page reads it: offset, size, flags, then
 * the header unless it is size | allocated, the footer unless it equals
 * the header (or there is none), the next free block if reported. */
enum { PAGE_ALLOCATED = 1, PAGE_HAS_FOOTER = 2, PAGE_HAS_NEXT = 4, PAGE_HEADER = 8,
       PAGE_FOOTER = 16 };

static void json_block(FILE *f, const int64_t *w, bool *lists)
{
    int64_t off = w[0], size = w[1], flags = w[2], header = w[3], footer = w[4], next = w[5];
    bool allocated = flags & VREC_ALLOCATED, has_footer = flags & VREC_HAS_FOOTER;
    bool plain_header = header == (size | (allocated ? 1 : 0));
    bool plain_footer = !has_footer || footer == header;
    int out = (allocated ? PAGE_ALLOCATED : 0) | (has_footer ? PAGE_HAS_FOOTER : 0) |
              (flags & VREC_HAS_NEXT ? PAGE_HAS_NEXT : 0) | (plain_header ? 0 : PAGE_HEADER) |
              (plain_footer ? 0 : PAGE_FOOTER);
    fprintf(f, ",%" PRId64 ",%" PRId64 ",%d", off, size, out);
    if (!plain_header)
        json_word(f, header);
    if (!plain_footer)
        json_word(f, footer);
    if (flags & VREC_HAS_NEXT) {
        fprintf(f, ",%" PRId64, next);
        *lists = true;
    }
}

/* The records of one replay, as the policy's "ptr", "heapsz", "frames"
 * and "fail" fields. Returns false when the recording is damaged. */
static bool json_records(FILE *f, const struct viewrec *v, bool *lists)
{
    const int64_t *w = v->buf + 1;
    size_t n = viewrec_used(v), i;
    int64_t last_heap = -1, recorded = -1;
    fprintf(f, "\"ptr\":[");
    bool first = true;
    for (i = 0; i < n;) {       /* pass 1: the operations */
        if (w[i] == VREC_OP) {
            if (w[i + 1] > 0)
                fprintf(f, "%s%" PRId64, first ? "" : ",", w[i + 2]), first = false;
            recorded = w[i + 1];
            i += 4;
        } else if (w[i] == VREC_FRAME) {
            size_t removed = (size_t)w[i + 9];
            size_t added = (size_t)w[i + 10 + removed];
            i += 11 + removed + added * VREC_BLOCK_WORDS;
        } else if (w[i] == VREC_FAIL) {
            i += 5;
        } else {
            return false;
        }
    }
    fprintf(f, "],\"recorded\":%" PRId64 ",\"heapsz\":[", recorded);
    first = true;
    for (i = 0; i < n;) {       /* pass 2: the heap's size when it changed */
        if (w[i] == VREC_OP) {
            if (w[i + 3] != last_heap)
                fprintf(f, "%s[%" PRId64 ",%" PRId64 "]", first ? "" : ",", w[i + 1], w[i + 3]),
                    first = false;
            last_heap = w[i + 3];
            i += 4;
        } else if (w[i] == VREC_FRAME) {
            size_t removed = (size_t)w[i + 9];
            i += 11 + removed + (size_t)w[i + 10 + removed] * VREC_BLOCK_WORDS;
        } else {
            i += 5;
        }
    }
    fprintf(f, "],\"frames\":[");
    first = true;
    const int64_t *fail = NULL;
    for (i = 0; i < n;) {       /* pass 3: mm.c's blocks */
        if (w[i] == VREC_OP) {
            i += 4;
        } else if (w[i] == VREC_FAIL) {
            fail = &w[i];
            i += 5;
        } else {
            const int64_t *fr = &w[i];
            size_t removed = (size_t)fr[9], added = (size_t)fr[10 + removed];
            fprintf(f, "%s[", first ? "" : ",\n");
            first = false;
            for (int k = 1; k <= 8; k++)
                fprintf(f, "%s%" PRId64, k > 1 ? "," : "", fr[k]);
            fprintf(f, ",[");
            for (size_t k = 0; k < removed; k++)
                fprintf(f, "%s%" PRId64, k ? "," : "", fr[10 + k]);
            fprintf(f, "],[0");     /* a leading 0 keeps every block's comma alike */
            for (size_t k = 0; k < added; k++)
                json_block(f, &fr[11 + removed + k * VREC_BLOCK_WORDS], lists);
            fprintf(f, "]]");
            i += 11 + removed + added * VREC_BLOCK_WORDS;
        }
    }
    fprintf(f, "],\"fail\":");
    if (fail != NULL)
        fprintf(f, "{\"op\":%" PRId64 ",\"kind\":%" PRId64 ",\"from\":%" PRId64 ",\"to\":%"
                PRId64 "}", fail[1], fail[2], fail[3], fail[4]);
    else
        fprintf(f, "null");
    fprintf(f, ",\"truncated\":%s", v->full ? "true" : "false");
    return true;
}

/* Replay column c for the page and write its JSON object. */
static int json_policy(FILE *f, const struct trace *t, const struct column *col,
                       const struct run_result *r, bool check_heap, double time_limit,
                       bool isolated)
{
    struct viewrec v;
    if (viewrec_open(&v, record_bytes) != 0)
        return -1;
    v.exact_limit = VIEWER_EXACT_OPS;
    v.samples = VIEWER_SAMPLES;
    if (!r->valid && r->failed_op < t->num_ops) {
        v.window_hi = r->failed_op + 1;
        v.window_lo = v.window_hi > VIEWER_FAILURE_WINDOW ? v.window_hi - VIEWER_FAILURE_WINDOW : 0;
    }
    struct run_settings s = {.alloc = col->alloc, .policy = col->policy, .label = col->label,
                             .check_heap = check_heap && col->alloc->checkheap != NULL,
                             .viewrec = &v};
    struct run_result *again = malloc(sizeof *again);
    if (again == NULL) {
        viewrec_close(&v);
        fprintf(stderr, "mdriver: out of memory\n");
        return -1;
    }
    /* Walking the heap after every operation is slower than the checks:
     * the recording gets more time than the run did. */
    diagnose_run(t, &s, record_time_factor * time_limit, isolated, again);
    free(again);

    bool crash = r->failure == FAIL_CRASH || r->failure == FAIL_TIMEOUT || r->failure == FAIL_EXIT;
    fprintf(f, "{\"label\":");
    json_string(f, col->label);
    fprintf(f, ",\"walk\":%s,\"valid\":%s,\"util\":%.6f,\"heap\":%zu,\"failure\":",
            col->alloc->walk_heap != NULL ? "true" : "false", r->valid ? "true" : "false",
            r->valid ? r->util : 0.0, r->heap_size);
    json_string(f, r->valid ? "" : failure_kind_name(r->failure));
    fprintf(f, ",\"failed_op\":%lld,\"crash\":%s,\"first_bad_line\":%u,\"message\":",
            !r->valid && r->failed_op < t->num_ops ? (long long)r->failed_op : -1LL,
            crash ? "true" : "false", r->first_bad_line);
    json_string(f, r->message);
    fputc(',', f);
    json_breakdown(f, r);
    fputc(',', f);
    bool lists = false;
    bool ok = json_records(f, &v, &lists);
    fprintf(f, ",\"lists\":%s}", lists ? "true" : "false");
    viewrec_close(&v);
    if (!ok) {
        fprintf(stderr, "mdriver: the viewer's recording of '%s' under %s is damaged\n", t->path,
                col->label);
        return -1;
    }
    return 0;
}

/* Write `len` bytes of the template from `from` up to `marker` (or its end
 * when marker is NULL); returns where the text after the marker starts. */
static const char *copy_until(FILE *f, const char *from, const char *marker)
{
    const char *at = marker ? strstr(from, marker) : from + strlen(from);
    fwrite(from, 1, (size_t)(at - from), f);
    return marker ? at + strlen(marker) : at;
}

int viewer_write(const char *path, const struct trace *t, const struct results *rs, size_t row,
                 bool check_heap, double time_limit, bool isolated)
{
    static const char *const markers[] = {"/*@CSS@*/", "/*@DATA@*/", "/*@JS@*/"};
    for (size_t i = 0; i < 3; i++)
        if (strstr(viewer_html, markers[i]) == NULL) {
            fprintf(stderr, "mdriver: the viewer's template lacks %s (viewer/viewer.html)\n",
                    markers[i]);
            return -1;
        }
    size_t drawn = 0;
    for (size_t c = 0; c < rs->ncols; c++)
        drawn += rs->col[c].shown && rs->col[c].alloc->simulated;
    if (drawn == 0) {
        fprintf(stderr, "mdriver: -H draws mm.c's heap, and this run has no mm.c policy "
                        "(the C library's heap is not the lab's to show)\n");
        return -1;
    }
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    const char *rest = copy_until(f, viewer_html, markers[0]);
    fputs(viewer_css, f);
    rest = copy_until(f, rest, markers[1]);
    fprintf(f, "{\"version\":1,\"alignment\":%d,\"page\":%zu,\"exact_limit\":%d,", ALIGNMENT,
            mem_pagesize(), VIEWER_EXACT_OPS);
    json_trace(f, t);
    fprintf(f, ",\n\"policies\":[");
    int status = 0;
    size_t shown = 0;
    for (size_t c = 0; c < rs->ncols && status == 0; c++) {
        const struct column *col = &rs->col[c];
        if (!col->shown || !col->alloc->simulated)
            continue;
        if (shown++)
            fputs(",\n", f);
        status = json_policy(f, t, col, results_cell(rs, row, c), check_heap,
                             time_limit, isolated);
    }
    fprintf(f, "]}");
    rest = copy_until(f, rest, markers[2]);
    fputs(viewer_js, f);
    copy_until(f, rest, NULL);
    if (fclose(f) != 0 && status == 0) {
        fprintf(stderr, "mdriver: cannot write '%s': %s\n", path, strerror(errno));
        status = -1;
    }
    return status;
}
