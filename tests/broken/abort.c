/*
 * abort.c - the third mm_malloc calls abort(), as a failed assert does.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 3) {
        fprintf(stderr, "mm_malloc: planted abort\n");
        abort();
    }
    return base_malloc(size);
}
