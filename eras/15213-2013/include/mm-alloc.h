/*
 * The allocation functions of CMU 15-213's mm.h (2013 to 2023): built
 * with -DDRIVER, mm.c defines them as mm_malloc and friends (its own
 * `#define malloc mm_malloc` lines map them); otherwise as malloc and
 * friends, to replace the C library's. Written for this lab.
 */
#include <stdio.h>

#ifdef DRIVER
extern void *mm_malloc(size_t size);
extern void mm_free(void *ptr);
extern void *mm_realloc(void *ptr, size_t size);
extern void *mm_calloc(size_t nmemb, size_t size);
#else
extern void *malloc(size_t size);
extern void free(void *ptr);
extern void *realloc(void *ptr, size_t size);
extern void *calloc(size_t nmemb, size_t size);
#endif
