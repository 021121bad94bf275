/*
 * check.h - the tests' harness: no framework, a few lines.
 *
 *     static void test_calloc_overflow(void) { EXPECT(p == NULL, "got %p", p); }
 *     int main(void) { RUN_TEST(test_calloc_overflow); return check_summary(); }
 *
 * Each test prints "ok   NAME" or "FAIL NAME" with the failed expectations
 * under it; check_summary() prints "N passed, N failed" and returns the
 * exit status (0 when nothing failed).
 */
#ifndef MALLOCLAB_CHECK_H
#define MALLOCLAB_CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int check_passed, check_failed, check_failures_in_test;

/* Record a failed expectation; `fmt` describes what was found. */
static void check_fail(const char *file, int line, const char *expr,
                       const char *fmt, ...)
{
    va_list ap;
    printf("     %s:%d: expected %s: ", file, line, expr);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    check_failures_in_test++;
}

/* EXPECT(cond, fmt, ...): on failure, say what was found and go on. */
#define EXPECT(cond, ...) \
    ((cond) ? (void)0 : check_fail(__FILE__, __LINE__, #cond, __VA_ARGS__))

static void check_run(const char *name, void (*fn)(void))
{
    check_failures_in_test = 0;
    fn();
    if (check_failures_in_test == 0) {
        check_passed++;
        printf("ok   %s\n", name);
    } else {
        check_failed++;
        printf("FAIL %s\n", name);
    }
    fflush(stdout);
}

#define RUN_TEST(fn) check_run(#fn, fn)

static int check_summary(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif /* MALLOCLAB_CHECK_H */
