/*
 * viewer.h - the heap in the browser (-H FILE.html): one self-contained
 * page per run.
 *
 * For each of mm.c's policies the trace is replayed once more, checked as
 * before, with the recorder on (viewrec.h); the page gets the trace, what
 * each operation did, mm.c's blocks over time, the breakdown (-F) and the
 * failure, as one JSON object, embedded once in viewer/viewer.html with
 * viewer.css and viewer.js (the build embeds them: viewer/viewer.mk). The
 * page fetches nothing: it works from file://.
 */
#ifndef MALLOCLAB_VIEWER_H
#define MALLOCLAB_VIEWER_H

#include <stdbool.h>

#include "results.h"
#include "trace.h"

/* Operations up to which the page has mm.c's blocks after every one; a
 * longer trace gets VIEWER_SAMPLES snapshots, exact again near a failure
 * (BENCHMARKS.md has the measurements behind these numbers). */
#define VIEWER_EXACT_OPS 20000
#define VIEWER_SAMPLES 200
#define VIEWER_FAILURE_WINDOW 500

/* Write the page for row `row` of rs (trace t, already run, with
 * mm_checkheap after every operation when check_heap) to `path`.
 * 0 on success; -1 with a message on stderr. */
int viewer_write(const char *path, const struct trace *t, const struct results *rs, size_t row,
                 bool check_heap, double time_limit, bool isolated);

#endif /* MALLOCLAB_VIEWER_H */
