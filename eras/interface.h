/*
 * interface.h - what the driver learns about the interface mm.c was
 * written for.
 *
 * The build links one adapter with mm.c (eras/ERA/adapter.c; the table of
 * eras is eras/table.mk). The adapter turns the submission's functions into
 * this lab's (mm.h) and fills in `mm_interface`, which the driver reads
 * (driver/allocator.c). A program linked without an adapter, such as a
 * test, gets the lab's own interface.
 */
#ifndef MALLOCLAB_ERAS_INTERFACE_H
#define MALLOCLAB_ERAS_INTERFACE_H

#include <stdbool.h>
#include <stddef.h>

/* How the driver may read the submission's heap checker. */
enum mm_checker_kind {
    MM_CHECKER_NONE,        /* the interface has none */
    MM_CHECKER_VERDICT,     /* its result says whether the heap is consistent */
    MM_CHECKER_OUTPUT,      /* no usable result: it is called for what it prints,
                               and fails the replay only by ending the process */
};

struct mm_interface {
    const char *name;           /* as in eras/table.mk: "native", "csapp", ... */
    const char *about;          /* the handout, and how its interface differs */
    const char *chosen_by;      /* "detected in mm.c", or how it was forced */
    size_t alignment;           /* bytes every payload must be a multiple of */
    size_t max_heap;            /* bytes the era's heap could grow to; 0: MAX_HEAP */
    enum mm_checker_kind checker;
    const char *checker_about;  /* the checker's signature and how it is read */
    char *const *team;          /* &team.teamname where the interface has a team_t, or NULL */
    bool lab_extras;            /* mm_set_placement and mm_walk_heap may be defined */
};

/* The adapter's description; NULL-addressed (weak) without one. */
extern const struct mm_interface mm_interface;

#endif /* MALLOCLAB_ERAS_INTERFACE_H */
