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

    if (c->failure == FAIL_CHECKHEAP && c->failed_op < r->failed_op) {
        char opbuf[64];
        trace_op_format(&t->ops[c->failed_op], opbuf, sizeof opbuf);
        size_t gap = r->failed_op - c->failed_op;
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
