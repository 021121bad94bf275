/*
 * calls.c - a program for test_tracerec.sh: makes each kind of allocation
 * call once, with a size that marks it in the trace.
 *
 *     calls            every wrapped function, the sizes listed below
 *     calls unknown    frees and reallocs pointers the shim never saw
 *     calls kill       allocates 1201 bytes, then dies by SIGKILL
 */
#define _GNU_SOURCE

#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __GLIBC__
/* glibc's own entry point: a route to memory that the shim does not wrap. */
extern void *__libc_malloc(size_t size);
#endif

static void *must(void *p, const char *what)
{
    if (p == NULL) {
        fprintf(stderr, "calls: %s failed\n", what);
        exit(1);
    }
    return p;
}

static int every_call(void)
{
    void *m = must(malloc(1001), "malloc");
    void *c = must(calloc(2, 501), "calloc");               /* 1002 */
    void *pm = NULL;
    if (posix_memalign(&pm, 64, 1003) != 0)
        must(NULL, "posix_memalign");
    void *aa = must(aligned_alloc(64, 1088), "aligned_alloc");
    void *ma = must(memalign(128, 1005), "memalign");
    void *va = must(valloc(1006), "valloc");
    void *pv = must(pvalloc(1007), "pvalloc");
    void *rn = must(realloc(NULL, 1008), "realloc(NULL, n)");
    void *zero = must(malloc(0), "malloc(0)");
    void *ra = must(reallocarray(NULL, 10, 101), "reallocarray"); /* 1010 */
    void *gone = must(malloc(1009), "malloc");
    if (realloc(gone, 0) != NULL)                           /* glibc frees it */
        fprintf(stderr, "calls: realloc(p, 0) returned a block\n");
    rn = must(realloc(rn, 2008), "realloc");
    memset(rn, 1, 2008);
    void *leak = must(malloc(1099), "malloc");              /* never freed */
    memset(leak, 2, 1099);
    void *blocks[] = { m, c, pm, aa, ma, va, pv, rn, zero, ra };
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        free(blocks[i]);
    return 0;
}

static int unknown_pointers(void)
{
#ifdef __GLIBC__
    free(must(__libc_malloc(1101), "__libc_malloc"));
    void *p = must(realloc(must(__libc_malloc(1102), "__libc_malloc"), 1103), "realloc");
    free(p);
    return 0;
#else
    fprintf(stderr, "calls: 'unknown' needs glibc\n");
    return 1;
#endif
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (strcmp(mode, "unknown") == 0)
        return unknown_pointers();
    if (strcmp(mode, "kill") == 0) {
        void *volatile p = must(malloc(1201), "malloc");
        (void)p;
        raise(SIGKILL);
        return 1;
    }
    return every_call();
}
