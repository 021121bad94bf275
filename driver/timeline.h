/*
 * timeline.h - the heap over time, for the plots.
 *
 * After a trace has passed its checks, one more replay (untimed, unchecked)
 * samples the heap at a bounded number of points and writes, into the
 * run's timeline directory:
 *
 *   timeline/TRACE.LABEL.dat   rows "op heap_bytes live_bytes free_gaps largest_gap_bytes",
 *                              at most TIMELINE_SAMPLES rows plus the peak and the last
 *                              operation; op counts the operations done (1 .. ops)
 *   heapmap/TRACE.LABEL.dat    blocks of rows "op offset_bytes fraction", one block per
 *                              sampled time, one row per bucket of the final heap: the
 *                              share of that bucket covered by live payload
 *
 * TRACE is the trace's file name without ".rep". Free gaps are seen from
 * the driver: the spaces between live payloads (and the heap's ends) of at
 * least 2 * ALIGNMENT bytes, room for more than one block's header and
 * footer. Both are computed from the payloads the driver tracks, so they
 * work for any allocator.
 */
#ifndef MALLOCLAB_TIMELINE_H
#define MALLOCLAB_TIMELINE_H

#include "run.h"

/* Make DIR/timeline and DIR/heapmap (and DIR); 0 on success, -1 with a
 * message on stderr. */
int timeline_make_dirs(const char *dir);

/* Open the two files for `t` ahead of timeline_record, with buffers of
 * their own, for a process that will not be allowed to open files by then
 * (sandbox.h). Their descriptors go into fds[0..1]; returns how many (0
 * when they could not be opened: timeline_record then says why). */
int timeline_open(const struct trace *t, const struct run_settings *s, int fds[2]);

/* Sample and write the files (those timeline_open opened, if it did); a failure to write is reported in r->message
 * without making the run invalid. */
void timeline_record(const struct trace *t, const struct run_settings *s, struct run_result *r);

#endif /* MALLOCLAB_TIMELINE_H */
