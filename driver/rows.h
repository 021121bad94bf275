/*
 * rows.h - running the table (table.h): every row's trace under every
 * column, and what each cell's result then calls for.
 *
 * Row by row, each cell is checked and timed (diagnose.h, isolate.h), then
 * finished: its instructions counted (-I), its failure explained (-d, -S),
 * its figures said (-V); a row's -H page follows its cells. With -j N,
 * every trace is read first and the checks of all the cells run N at a
 * time, then the timing, one at a time (parallel.h); what each cell calls
 * for follows, in the order of the rows, as without -j.
 */
#ifndef MALLOCLAB_ROWS_H
#define MALLOCLAB_ROWS_H

#include <stdbool.h>

#include "command.h"
#include "results.h"

/* Run every cell of rs as o asks (-j, -P) and fill it. Returns false when
 * a check failed; sets *input_error when a trace could not be read or the
 * -H page not written. */
bool rows_run(struct options *o, struct results *rs, bool *input_error);

#endif /* MALLOCLAB_ROWS_H */
