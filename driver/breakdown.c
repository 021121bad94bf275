/*
 * breakdown.c - where the memory went: measured at the peak, printed by -F.
 */
#include "breakdown.h"

#include "memlib.h"

void breakdown_at_peak(struct breakdown *b, const struct allocator *a,
                       const struct blockset *live, size_t payload)
{
    struct heapwalk w = {0};
    uintptr_t lo = (uintptr_t)mem_heap_lo();
    bool walked = heapwalk_take(&w, a, lo);
    heap_split_measure(walked || w.out_of_memory ? &w : NULL, live, payload, mem_heapsize(),
                       &b->at_peak);
    heapwalk_free(&w);
}

void breakdown_finish(struct breakdown *b, size_t final_heap)
{
    /* memlib's heap only grows; should it ever have shrunk (mem_reset_brk
     * called by mm.c), there is no honest split to give. */
    b->measured = final_heap >= b->at_peak.heap;
    b->growth = b->measured ? final_heap - b->at_peak.heap : 0;
}

/* "  123456  12.3%": bytes and their share of the final heap. */
static void part(FILE *out, size_t bytes, size_t heap)
{
    fprintf(out, " %10zu %5.1f%%", bytes, heap ? 100.0 * (double)bytes / (double)heap : 0.0);
}

void breakdown_report(FILE *out, const struct results *rs)
{
    fprintf(out, "\nWhere the memory went: the final heap, split at the moment of peak live "
                 "payload (bytes, %% of the final heap)\n");
    fprintf(out, "%-24s %-6s %10s %17s %17s %17s %17s %17s\n", "trace", "policy", "heap",
            "payload", "internal", "external", "structure", "growth");
    for (size_t i = 0; i < rs->nrows; i++) {
        for (size_t c = 0; c < rs->ncols; c++) {
            const struct run_result *r = results_cell(rs, i, c);
            const struct breakdown *b = &r->breakdown;
            if (!rs->col[c].shown || !rs->col[c].alloc->simulated)
                continue;
            fprintf(out, "%-24s %-6s ", rs->row[i].name, rs->col[c].label);
            if (!rs->row[i].loaded || !r->valid || !b->measured) {
                fprintf(out, "%10s   (not measured: the trace %s)\n", "-",
                        !rs->row[i].loaded ? "has an input error" : "failed a check");
                continue;
            }
            size_t heap = r->heap_size;
            const struct heap_split *s = &b->at_peak;
            fprintf(out, "%10zu", heap);
            part(out, s->payload, heap);
            if (s->divided) {
                part(out, s->internal, heap);
                part(out, s->external, heap);
                part(out, s->structure, heap);
                part(out, b->growth, heap);
                fprintf(out, "\n");
            } else {
                part(out, s->heap - s->payload, heap);
                fprintf(out, " overhead and free blocks, undivided (%s)", s->why);
                part(out, b->growth, heap);
                fprintf(out, " growth\n");
            }
        }
    }
    fprintf(out, "internal: allocated blocks beyond their payloads; external: free blocks; "
                 "structure: prologue, epilogue, padding (and blocks holding no payload); "
                 "growth: the heap grew by this after the peak\n");
}
