/*
 * table.h - the run's table (results.h) laid out from the command line:
 * one row per trace, one column per allocator and policy. Running its
 * cells is rows.h's job.
 */
#ifndef MALLOCLAB_TABLE_H
#define MALLOCLAB_TABLE_H

#include "command.h"
#include "options.h"
#include "results.h"

/* The rows: -f files, or the default list (the profile's, if it has one)
 * inside the trace directory. 0, or -1 when out of memory. */
int table_make_rows(const struct options *o, struct results *rs);

/* The columns: each -p policy (or mm.c's default), then libc when it is
 * shown (-l) or is the throughput reference. Returns -1 to go on, or an
 * exit status after a message (a usage error of `cl`, run as `prog`).
 * Settles what o leaves open for mm.c's interface: -M's default, and the
 * -c and -p that an era's interface cannot do. */
int table_make_columns(struct options *o, struct results *rs, const struct command_line *cl,
                       const char *prog);

/* Free what the two made (the rows' paths, rows, columns) and the cells. */
void table_free(struct results *rs);

#endif /* MALLOCLAB_TABLE_H */
