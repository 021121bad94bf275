/*
 * diagnose.c - the first bad operation.
 */
#include "diagnose.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isolate.h"
#include "memlib.h"

void diagnose_run(const struct trace *t, const struct run_settings *s, double time_limit,
                  bool isolated, struct run_result *r)
{
    if (isolated)
        isolate_run(t, s, time_limit, r);
    else
        isolate_run_here(t, s, r);
}

void diagnose_first_bad_op(const struct trace *t, const struct run_settings *s,
                           double time_limit, bool isolated, struct run_result *r)
{
    if (s->check_heap || s->alloc->checkheap == NULL || r->failed_op >= t->num_ops ||
        r->failure == FAIL_OUT_OF_MEMORY || r->failure == FAIL_DRIVER ||
        r->failure == FAIL_CHECKHEAP)
        return;
    struct run_settings checked = *s;
    checked.check_heap = true;
    checked.time_it = false;
    checked.timeline_dir = NULL;
    checked.dump = false;
    struct run_result *c = malloc(sizeof *c);
    if (c == NULL)
        return;
    diagnose_run(t, &checked, time_limit, isolated, c);

    const struct mm_interface *in = s->alloc->interface;
    bool verdict = in == NULL || in->checker == MM_CHECKER_VERDICT;
    if (!verdict) {
        /* A checker without a usable result fails a replay only by ending
         * the process; the checked replay differs by its calls alone. */
        if (c->failed_op < r->failed_op && c->failed_op < t->num_ops) {
            char opbuf[64];
            trace_op_format(&t->ops[c->failed_op], opbuf, sizeof opbuf);
            run_say(r, "\n    first bad operation: called after every operation, mm_checkheap (%s) "
                    "ended the replay at line %" PRIu32 ": '%s', %zu operation%s before this "
                    "failure (what it printed is above; ./mdriver -c -f %s stops there)",
                    in->checker_about, t->ops[c->failed_op].line, opbuf,
                    r->failed_op - c->failed_op, r->failed_op - c->failed_op == 1 ? "" : "s",
                    t->path);
        } else {
            run_say(r, "\n    mm_checkheap (%s), called after every operation before this one, "
                    "did not end the replay; whatever it printed is above", in->checker_about);
        }
    } else if (c->failure == FAIL_CHECKHEAP && c->failed_op < r->failed_op) {
        char opbuf[64];
        trace_op_format(&t->ops[c->failed_op], opbuf, sizeof opbuf);
        size_t gap = r->failed_op - c->failed_op;
        r->first_bad_line = t->ops[c->failed_op].line;
        run_say(r, "\n    first bad operation: the heap was already inconsistent after line %"
               PRIu32 ": '%s', %zu operation%s before this failure was detected "
               "(mm_checkheap's own message is above; ./mdriver -c -f %s stops there)",
               t->ops[c->failed_op].line, opbuf, gap, gap == 1 ? "" : "s", t->path);
    } else if (c->failed_op >= r->failed_op && c->failure != FAIL_CHECKHEAP) {
        /* The replay stops at this operation's failure before mm_checkheap
         * could look at what it did. */
        run_say(r, "\n    mm_checkheap found the heap consistent after every operation before "
               "this one: the bug is in this operation, or in something it does not check");
    }
    free(c);
}

void diagnose_show_heap(const struct trace *t, const struct run_settings *s,
                        const struct run_result *r, double time_limit, bool isolated)
{
    if (r->detail[0] != '\0') {
        fprintf(stderr, "%s\n", r->detail);
        return;
    }
    if (r->failed_op == 0 || r->failed_op >= t->num_ops) {
        fprintf(stderr, "    (no heap dump: the failure did not happen at an operation)\n");
        return;
    }
    struct run_settings step = *s;
    step.stop_at_line = t->ops[r->failed_op - 1].line;
    step.dump_focus = r->fault_addr >= (uintptr_t)mem_heap_lo() &&
                      r->fault_addr - (uintptr_t)mem_heap_lo() < mem_max_heap() ? r->fault_addr : 0;
    step.time_it = false;
    step.timeline_dir = NULL;
    struct run_result *before = malloc(sizeof *before);
    if (before == NULL)
        return;
    diagnose_run(t, &step, time_limit, isolated, before);
    if (before->stopped)
        fprintf(stderr, "    Replayed up to line %u, just before the operation that failed:%s\n",
                step.stop_at_line, before->detail);
    else
        fprintf(stderr, "    (no heap dump: replaying up to line %u did not get there again)\n",
                step.stop_at_line);
    free(before);
}
