/*
 * table.c - the run's rows (the traces) and columns (the allocators and
 * policies), from the command line.
 */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#include "allocator.h"
#include "isolate.h"
#include "profile.h"

static const char *const default_traces[] = {DEFAULT_TRACES};

int table_make_rows(const struct options *o, struct results *rs)
{
    const char *const *names = default_traces;
    size_t n = sizeof default_traces / sizeof default_traces[0];
    if (rs->profile != NULL && rs->profile->traces != NULL) {
        names = (const char *const *)rs->profile->traces;
        n = rs->profile->ntraces;
    }
    if (o->nfiles)
        n = o->nfiles;
    rs->row = calloc(n, sizeof *rs->row);
    if (rs->row == NULL)
        return -1;
    rs->nrows = n;
    for (size_t i = 0; i < n; i++) {
        char *path;
        if (o->nfiles) {
            path = strdup(o->files[i]);
        } else {
            size_t len = strlen(o->trace_dir) + strlen(names[i]) + 2;
            path = malloc(len);
            if (path != NULL)
                snprintf(path, len, "%s/%s", o->trace_dir, names[i]);
        }
        if (path == NULL)
            return -1;
        rs->row[i].path = path;
        const char *slash = strrchr(path, '/');
        rs->row[i].name = slash ? slash + 1 : path;
    }
    return 0;
}

int table_make_columns(struct options *o, struct results *rs, const struct command_line *cl,
                       const char *prog)
{
    const struct allocator *mm = allocator_mm();
    size_t max_cols = 2;
    for (const char *p = o->policies; p && *p; p++)
        max_cols += *p == ',';
    rs->col = calloc(max_cols, sizeof *rs->col);
    if (rs->col == NULL)
        return OPTIONS_EXIT_USAGE;
    if (o->max_heap == 0)
        o->max_heap = allocator_max_heap(mm);
    if (o->verbose)
        allocator_describe(stdout, mm);
    /* Another era's interface: what it lacks is said once, then skipped. */
    bool policies = o->policies != NULL && mm->set_placement == NULL &&
                    strcmp(o->policies, "libc") != 0;
    if (allocator_lacks(mm, o->check_heap, policies)) {
        if (mm->checkheap == NULL)
            o->check_heap = false;
        for (char *name = policies ? strtok(o->policies, ",") : NULL; name;
             name = strtok(NULL, ","))
            o->libc |= strcmp(name, "libc") == 0;
        if (policies)
            o->policies = NULL;
    }
    if (o->policies != NULL) {
        if (mm->set_placement == NULL && strcmp(o->policies, "libc") != 0)
            return options_usage_error(cl, prog, "-p needs mm_set_placement, which "
                                       "mm.c does not define");
        for (char *name = strtok(o->policies, ","); name; name = strtok(NULL, ",")) {
            if (strcmp(name, "libc") == 0) {
                o->libc = true;         /* shown, in its usual place at the end */
                continue;
            }
            bool known = o->in_process ? mm->set_placement(name) == 0
                                       : isolate_knows_policy(mm, name, o->time_limit);
            if (!known)
                return options_usage_error(cl, prog, "mm.c does not know placement "
                                           "policy '%s' (mm_set_placement returned an error)",
                                           name);
            rs->col[rs->ncols++] = (struct column){name, mm, name, true};
        }
        if (rs->ncols == 0 && !o->libc)
            return options_usage_error(cl, prog, "-p wants policy names such as "
                                       "first,next,best");
    } else {
        rs->col[rs->ncols++] = (struct column){"mm", mm, NULL, true};
    }
    if (o->check_heap && mm->checkheap == NULL)
        return options_usage_error(cl, prog, "-c needs mm_checkheap, which mm.c "
                                   "does not define");
    const struct profile *curve = rs->profile ? rs->profile : profile_builtin();
    bool needs_reference = o->stop_line == 0 && profile_needs_libc(curve, o->icount);
    if (o->libc || needs_reference)
        rs->col[rs->ncols++] = (struct column){"libc", allocator_libc(), NULL, o->libc};
    return -1;
}

void table_free(struct results *rs)
{
    for (size_t i = 0; rs->row && i < rs->nrows; i++)
        free((char *)rs->row[i].path);
    free(rs->row);
    free(rs->col);
    free(rs->cell);
}
