/*
 * allocator.c - mm.c and the C library behind one table of functions.
 */
#include "allocator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "config.h"
#include "mm.h"

/* mm.c need only define the four classic functions. The optional ones are
 * weak references: their address is NULL when mm.c leaves them out, so a
 * student's file from an older lab still links. */
#pragma weak mm_calloc
#pragma weak mm_checkheap
#pragma weak mm_set_placement
#pragma weak mm_walk_heap

/* The adapter of the interface mm.c was written for (eras/); a program
 * linked without one has the lab's own. */
#pragma weak mm_interface

static const struct mm_interface native = {
    .name = "native",
    .about = "mm.h of this lab",
    .chosen_by = "no adapter linked",
    .alignment = ALIGNMENT,
    .max_heap = 0,
    .checker = MM_CHECKER_VERDICT,
    .checker_about = "bool mm_checkheap(int lineno): false means the heap is inconsistent",
    .lab_extras = true,
};

const struct allocator *allocator_mm(void)
{
    static struct allocator mm = {
        .name = "mm",
        .simulated = true,
        .init = mm_init,
        .malloc = mm_malloc,
        .free = mm_free,
        .realloc = mm_realloc,
    };
    const struct mm_interface *in = &mm_interface != NULL ? &mm_interface : &native;
    mm.interface = in;
    mm.alignment = in->alignment;
    /* An adapter defines mm_checkheap for the driver whatever the
     * submission has; whether to call it is the interface's to say. */
    mm.checkheap = in->checker != MM_CHECKER_NONE ? mm_checkheap : NULL;
    mm.set_placement = in->lab_extras ? mm_set_placement : NULL;
    mm.walk_heap = in->lab_extras ? mm_walk_heap : NULL;
    return &mm;
}

/* Keep the comparison fair: after the warm-up replay glibc already holds
 * the memory a trace needs, and these settings stop it from handing freed
 * memory back to the kernel (trimming the top of the heap, or unmapping
 * large blocks) between replays, so neither side is timed faulting fresh
 * pages in. memlib likewise keeps its pages after mem_reset_brk. */
static int libc_init(void)
{
#if defined(__GLIBC__)
    static int tuned;
    if (!tuned) {
        mallopt(M_TRIM_THRESHOLD, -1);      /* never trim the heap's top */
        mallopt(M_MMAP_MAX, 0);             /* large blocks from the heap, not mmap */
        tuned = 1;
    }
#endif
    return 0;
}

const struct allocator *allocator_libc(void)
{
    static const struct allocator libc = {
        .name = "libc",
        .simulated = false,
        .alignment = ALIGNMENT,
        .init = libc_init,
        .malloc = malloc,
        .free = free,
        .realloc = realloc,
    };
    return &libc;
}

size_t allocator_max_heap(const struct allocator *a)
{
    return a->interface != NULL && a->interface->max_heap != 0 ? a->interface->max_heap
                                                               : (size_t)MAX_HEAP;
}

void allocator_describe(FILE *out, const struct allocator *a)
{
    const struct mm_interface *in = a->interface;
    fprintf(out, "Interface: %s (%s), %s; payloads aligned to %zu bytes", in->name, in->about,
            in->chosen_by, a->alignment);
    if (in->max_heap != 0)
        fprintf(out, ", heap up to %zu MB as its driver allowed", in->max_heap >> 20);
    if (in->team != NULL)
        fprintf(out, "; team '%s'", *in->team != NULL ? *in->team : "(null)");
    fprintf(out, "\n");
}

bool allocator_lacks(const struct allocator *a, bool check_heap, bool policies)
{
    const struct mm_interface *in = a->interface;
    bool native = strcmp(in->name, "native") == 0;
    if (check_heap && in->checker == MM_CHECKER_OUTPUT)
        fprintf(stderr, "mdriver: note: the %s interface's checker is %s; -c calls it after "
                "every operation, and it can fail a trace only by ending the process\n",
                in->name, in->checker_about);
    if (native)
        return false;
    if (check_heap && a->checkheap == NULL)
        fprintf(stderr, "mdriver: note: the %s interface has no mm_checkheap (%s); -c goes on "
                "with the driver's own checks only\n", in->name, in->checker_about);
    if (policies)
        fprintf(stderr, "mdriver: note: the %s interface has no mm_set_placement; -p goes on "
                "with mm.c's own policy only\n", in->name);
    return true;
}
