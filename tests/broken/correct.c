/*
 * correct.c - the base allocator as it is: correct, so every valid trace
 * must pass (including one that reallocates ids 128 and above, which a
 * driver keeping ids or patterns in a signed char would get wrong).
 */
#include "base.h"

int mm_init(void) { return base_init(); }
void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
