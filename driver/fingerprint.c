/*
 * fingerprint.c - naming the first block placed differently when timed.
 */
#include "fingerprint.h"

#include <stdlib.h>

#include "memlib.h"

/* Replay t once more, unchecked, and return the first operation whose
 * block lands elsewhere than in the checked replay (t->num_ops if none);
 * -1 when mm_init fails. */
static long first_difference(const struct trace *t, const struct run_settings *s,
                             const struct placement *checked)
{
    const struct allocator *a = s->alloc;
    void **ptr = calloc(t->num_ids ? t->num_ids : 1, sizeof *ptr);
    if (ptr == NULL || checked->after == NULL) {
        free(ptr);
        return (long)t->num_ops;
    }
    mem_restart();
    long found = -1;
    if ((s->policy == NULL || a->set_placement(s->policy) == 0) && a->init() == 0) {
        found = (long)t->num_ops;
        for (size_t i = 0; i < t->num_ops; i++) {
            const struct trace_op *op = &t->ops[i];
            switch (op->kind) {
            case OP_ALLOC: ptr[op->id] = a->malloc(op->size); break;
            case OP_REALLOC: ptr[op->id] = a->realloc(ptr[op->id], op->size); break;
            case OP_FREE: a->free(ptr[op->id]); break;
            }
            if ((uintptr_t)ptr[op->id] != checked->after[i]) {
                found = (long)i;
                break;
            }
        }
    }
    free(ptr);
    return found;
}

void fingerprint_explain(const struct trace *t, const struct run_settings *s,
                         const struct placement *checked, struct run_result *r)
{
    const char *refused = mem_refused_call();
    if (refused != NULL) {
        run_fail_at(r, t, t->num_ops, FAIL_FORBIDDEN);
        run_say(r, "while the trace was being timed, mm.c called %s, which is the driver's, "
                "not the allocator's: mm.c may only grow the heap with mem_sbrk; the call was "
                "refused", refused);
        return;
    }
    long op = first_difference(t, s, checked);
    if (op >= 0 && (size_t)op < t->num_ops) {
        run_fail_at(r, t, (size_t)op, FAIL_TIMED_DIFFERS);
        run_say(r, "mm.c placed blocks differently when timed than when checked (first "
                "difference at operation %ld, this line): the timed replays must be the "
                "replay that was checked, so an allocator must place blocks the same way "
                "every time it replays a trace (be deterministic)", op + 1);
    } else {
        run_fail_at(r, t, t->num_ops, FAIL_TIMED_DIFFERS);
        run_say(r, "mm.c placed blocks differently when timed than when checked (the "
                "fingerprints of the placements differ%s): the timed replays must be the "
                "replay that was checked, so an allocator must place blocks the same way "
                "every time it replays a trace (be deterministic)",
                op < 0 ? "; then mm_init failed" :
                " although one more replay placed them as checked: its behaviour depends on "
                "something other than the trace");
    }
}
