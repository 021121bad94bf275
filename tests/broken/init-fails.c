/*
 * init-fails.c - mm_init returns -1. The sh tests also use it to show that
 * no allocator function is called for a trace with an input error.
 */
#include "base.h"

int mm_init(void) { return -1; }
void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
