/*
 * icount.h - throughput counted, not timed (mdriver -I).
 *
 * Wall-clock throughput differs between machines and between runs. Under
 * -I the driver instead counts the instructions the allocator executes in
 * one replay of a trace, with valgrind's callgrind: the same mm.c, built
 * the same way, gets the same count every time.
 *
 * How: for each trace and column that passed its checks, the driver runs
 * itself again under callgrind, as `mdriver -P -f TRACE [-p POLICY]`. That
 * process replays the trace twice, like the timed replays do: once to warm
 * up (uncounted), then once with every malloc, free and realloc made
 * through the wrappers icount_malloc, icount_free and icount_realloc.
 * Callgrind collects only inside those wrappers (--toggle-collect); the
 * wrappers' own few instructions are then taken off, so the count is
 * exactly what mm_malloc, mm_free and mm_realloc executed, with everything
 * they called (mem_sbrk, memcpy). mm_init is not counted, as it is not
 * timed. Lazy binding is turned off (LD_BIND_NOW), so that the first call
 * through the PLT is not counted either.
 *
 * The count becomes seconds on a nominal machine running
 * ICOUNT_NOMINAL_IPS instructions per second (config.h), so Kops and the
 * performance index keep their meaning and are computed by score.c as
 * always; the reference is the C library's malloc counted the same way in
 * the same run, or ICOUNT_REFERENCE_IPO.
 */
#ifndef MALLOCLAB_ICOUNT_H
#define MALLOCLAB_ICOUNT_H

#include <stddef.h>

#include "run.h"

/* Room for a message from icount_available. */
#define ICOUNT_ERR_MAX 768

/* Whether valgrind can be run; if not, 0 and a message in err. */
int icount_available(char err[ICOUNT_ERR_MAX]);

/* Count the instructions of one replay of `t` (at `t->path`) under
 * callgrind, for the column with `policy` (mm_set_placement's name, or
 * NULL) of allocator s->alloc, with an arena of `max_heap` bytes, stopped
 * after `time_limit` seconds. Fills r->instructions and, in nominal
 * seconds, r->secs, and sets r->timed; on a failure sets r->valid false
 * with a message. */
void icount_run(const struct trace *t, const struct run_settings *s, size_t max_heap,
                double time_limit, struct run_result *r);

/* mdriver -P: the process callgrind watches. One warm-up replay, then one
 * through the counting wrappers. 0 on success; -1 with a message on stderr
 * when the allocator could not be initialised. */
int icount_replay(const struct trace *t, const struct run_settings *s);

/* Read a callgrind output file (written with --compress-strings=no and
 * --compress-pos=no, event Ir): the instructions executed outside the
 * functions whose names start with "icount_". 0 on success, -1 when the
 * file cannot be read or is not what was expected. */
int icount_parse(const char *path, unsigned long long *instructions);

#endif /* MALLOCLAB_ICOUNT_H */
