/*
 * test_memlib.c - the simulated memory: growth, limits, reset, and the
 * faults that make an allocator's stray accesses visible.
 *
 * Each access that should fault is made in a forked child, which is
 * expected to die by SIGSEGV (or SIGBUS); the test itself survives. The
 * child restores the default action for those signals first, so that a
 * sanitizer runtime's handler cannot turn the fault into an ordinary exit.
 */
#include "memlib.h"

#include "check.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Arena used by most tests, in bytes: small, so that the limit is near,
 * and a multiple of every common page size (4, 16 and 64 KiB). */
static const size_t small_arena = (size_t)1 << 20;

/* The size one reset-and-regrow cycle grows the heap to, in bytes. */
static const size_t regrow_bytes = (size_t)1 << 20;

/* Reset-and-regrow cycles run by the repetition test (a count). */
static const int regrow_cycles = 1000;

/* Longest stderr text a test looks at, in bytes. */
enum { captured_max = 1024 };

static char *page_at(size_t n)
{
    return (char *)mem_heap_lo() + n * mem_pagesize();
}

/* ---- Probing for faults ---------------------------------------------- */

enum probe_result { PROBE_WROTE, PROBE_FAULTED, PROBE_OTHER };

static const char *probe_name(enum probe_result r)
{
    switch (r) {
    case PROBE_WROTE: return "the write succeeded";
    case PROBE_FAULTED: return "the write faulted";
    default: return "the probe failed (fork, or the child died otherwise)";
    }
}

/* Write one byte at `addr` in a child process and report what happened. */
static enum probe_result probe_write(void *addr)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        return PROBE_OTHER;
    if (pid == 0) {
        /* A faulting child must not leave a core file behind. */
        struct rlimit no_core = {0, 0};
        (void)setrlimit(RLIMIT_CORE, &no_core);
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        (void)sigaction(SIGSEGV, &dfl, NULL);
        (void)sigaction(SIGBUS, &dfl, NULL);
        *(volatile char *)addr = 0x5a;
        _exit(0);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return PROBE_OTHER;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return PROBE_WROTE;
    if (WIFSIGNALED(status)
        && (WTERMSIG(status) == SIGSEGV || WTERMSIG(status) == SIGBUS))
        return PROBE_FAULTED;
    return PROBE_OTHER;
}

/* Expect a write at `addr` to fault (EXPECT_FAULT) or to succeed. */
#define EXPECT_PROBE(addr, want, what)                                  \
    do {                                                                \
        enum probe_result r_ = probe_write(addr);                       \
        EXPECT(r_ == (want), "%s (%s, heap offset %td): %s", what,      \
               #addr, (char *)(addr) - (char *)mem_heap_lo(),           \
               probe_name(r_));                                         \
    } while (0)
#define EXPECT_FAULT(addr, what) EXPECT_PROBE(addr, PROBE_FAULTED, what)
#define EXPECT_WRITABLE(addr, what) EXPECT_PROBE(addr, PROBE_WROTE, what)

/* ---- Capturing stderr ------------------------------------------------ */

static FILE *capture_file;
static int saved_stderr = -1;

/* Send stderr to a temporary file until capture_end. */
static bool capture_begin(void)
{
    fflush(stderr);
    capture_file = tmpfile();
    if (capture_file == NULL)
        return false;
    saved_stderr = dup(STDERR_FILENO);
    if (saved_stderr < 0 || dup2(fileno(capture_file), STDERR_FILENO) < 0) {
        fclose(capture_file);
        capture_file = NULL;
        return false;
    }
    return true;
}

/* Restore stderr and copy what was written to it into `buf`. */
static void capture_end(char *buf, size_t size)
{
    buf[0] = '\0';
    if (capture_file == NULL)
        return;
    fflush(stderr);
    dup2(saved_stderr, STDERR_FILENO);
    close(saved_stderr);
    saved_stderr = -1;
    rewind(capture_file);
    size_t n = fread(buf, 1, size - 1, capture_file);
    buf[n] = '\0';
    fclose(capture_file);
    capture_file = NULL;
}

/* mem_sbrk(incr) with stderr captured into `msg`; errno as it left it. */
static void *sbrk_captured(intptr_t incr, char *msg, size_t size)
{
    bool captured = capture_begin();
    void *p = mem_sbrk(incr);
    int saved = errno;
    if (captured)
        capture_end(msg, size);
    else
        msg[0] = '\0';
    errno = saved;
    return p;
}

static bool contains(const char *text, const char *part)
{
    return strstr(text, part) != NULL;
}

/* A fresh arena of `size` bytes; false (and a failed expectation) if not. */
static bool fresh_arena(size_t size)
{
    int rc = mem_init(size);
    EXPECT(rc == 0, "mem_init(%zu) returned %d", size, rc);
    return rc == 0;
}

/* ---- Layout ------------------------------------------------------------ */

static void test_new_heap_is_empty_and_page_aligned(void)
{
    if (!fresh_arena(small_arena))
        return;
    char *lo = mem_heap_lo();
    EXPECT((uintptr_t)lo % mem_pagesize() == 0,
           "heap start %p, page size %zu", (void *)lo, mem_pagesize());
    EXPECT(mem_heapsize() == 0, "heap size %zu", mem_heapsize());
    EXPECT((char *)mem_heap_hi() == lo - 1, "lo %p, hi %p", (void *)lo,
           mem_heap_hi());
    EXPECT(mem_sbrk(0) == lo, "sbrk(0) %p, lo %p", mem_sbrk(0), (void *)lo);
    EXPECT(mem_max_heap() == small_arena, "max heap %zu", mem_max_heap());
}

static void test_arena_size_is_rounded_up_to_a_page(void)
{
    size_t page = mem_pagesize();
    if (!fresh_arena(3 * page + 1))
        return;
    EXPECT(mem_max_heap() == 4 * page, "max heap %zu for %zu asked, page %zu",
           mem_max_heap(), 3 * page + 1, page);
}

/* ---- Growth ------------------------------------------------------------ */

static void test_sbrk_results_are_contiguous(void)
{
    if (!fresh_arena(small_arena))
        return;
    char *lo = mem_heap_lo();
    char *a = mem_sbrk(16);
    char *b = mem_sbrk(32);
    char *c = mem_sbrk(5000); /* crosses into the second page */
    char *end = mem_sbrk(0);
    EXPECT(a == lo, "first sbrk %p, lo %p", (void *)a, (void *)lo);
    EXPECT(b == a + 16, "second sbrk %p, first %p", (void *)b, (void *)a);
    EXPECT(c == b + 32, "third sbrk %p, second %p", (void *)c, (void *)b);
    EXPECT(end == c + 5000, "break %p, third sbrk %p", (void *)end, (void *)c);
    EXPECT(mem_heapsize() == 5048, "heap size %zu", mem_heapsize());
    EXPECT((char *)mem_heap_hi() == lo + 5047, "hi at offset %td",
           (char *)mem_heap_hi() - lo);
}

static void test_many_small_sbrks_give_usable_memory(void)
{
    if (!fresh_arena(small_arena))
        return;
    char *lo = mem_heap_lo();
    size_t steps = 3 * mem_pagesize() / 16;
    for (size_t i = 0; i < steps; i++) {
        char *p = mem_sbrk(16);
        if (p != lo + 16 * i) {
            EXPECT(p == lo + 16 * i, "step %zu: sbrk %p, wanted %p", i,
                   (void *)p, (void *)(lo + 16 * i));
            return;
        }
        memset(p, (int)(i & 0xff), 16);
    }
    size_t bad = 0;
    for (size_t i = 0; i < steps * 16; i++)
        bad += (unsigned char)lo[i] != ((i / 16) & 0xff);
    EXPECT(bad == 0, "%zu bytes lost their value", bad);
    EXPECT(mem_heapsize() == steps * 16, "heap size %zu", mem_heapsize());
}

/* ---- Failures ---------------------------------------------------------- */

static void test_sbrk_past_the_arena_fails_with_enomem_and_says_why(void)
{
    if (!fresh_arena(small_arena))
        return;
    char *p = mem_sbrk((intptr_t)small_arena);
    EXPECT(p == mem_heap_lo(), "filling the arena returned %p", (void *)p);

    char msg[captured_max];
    errno = 0;
    void *q = sbrk_captured(4096, msg, sizeof msg);
    EXPECT(q == (void *)-1, "sbrk past the arena returned %p", q);
    EXPECT(errno == ENOMEM, "errno %d (%s)", errno, strerror(errno));
    EXPECT(mem_heapsize() == small_arena, "heap size %zu after the failure",
           mem_heapsize());

    char asked[32], would_be[32], limit[32];
    snprintf(asked, sizeof asked, "%d bytes", 4096);
    snprintf(would_be, sizeof would_be, "%zu bytes", small_arena + 4096);
    snprintf(limit, sizeof limit, "%zu bytes", small_arena);
    EXPECT(contains(msg, "mem_sbrk"), "message '%s'", msg);
    EXPECT(contains(msg, asked), "message '%s' lacks '%s'", msg, asked);
    EXPECT(contains(msg, would_be), "message '%s' lacks '%s'", msg, would_be);
    EXPECT(contains(msg, limit), "message '%s' lacks '%s'", msg, limit);
    EXPECT(contains(msg, "\n") && strchr(msg, '\n')[1] == '\0',
           "message '%s' is not one line", msg);
}

static void test_huge_increment_fails_without_overflow(void)
{
    if (!fresh_arena(small_arena))
        return;
    (void)mem_sbrk(100);
    char msg[captured_max];
    errno = 0;
    void *q = sbrk_captured(INTPTR_MAX, msg, sizeof msg);
    EXPECT(q == (void *)-1, "sbrk(INTPTR_MAX) returned %p", q);
    EXPECT(errno == ENOMEM, "errno %d (%s)", errno, strerror(errno));
    EXPECT(mem_heapsize() == 100, "heap size %zu", mem_heapsize());
}

static void test_negative_increment_fails_with_einval(void)
{
    if (!fresh_arena(small_arena))
        return;
    (void)mem_sbrk(64);
    char msg[captured_max];
    errno = 0;
    void *q = sbrk_captured(-16, msg, sizeof msg);
    EXPECT(q == (void *)-1, "sbrk(-16) returned %p", q);
    EXPECT(errno == EINVAL, "errno %d (%s)", errno, strerror(errno));
    EXPECT(contains(msg, "-16"), "message '%s'", msg);
    EXPECT(mem_heapsize() == 64, "heap size %zu", mem_heapsize());
}

static void test_sbrk_before_init_fails_with_enomem(void)
{
    mem_deinit();
    char msg[captured_max];
    errno = 0;
    void *q = sbrk_captured(16, msg, sizeof msg);
    EXPECT(q == (void *)-1, "sbrk before mem_init returned %p", q);
    EXPECT(errno == ENOMEM, "errno %d (%s)", errno, strerror(errno));
    EXPECT(contains(msg, "mem_init"), "message '%s'", msg);
    EXPECT(mem_heapsize() == 0, "heap size %zu", mem_heapsize());
    mem_reset_brk(); /* must not crash */
}

static void test_mem_init_rejects_impossible_sizes(void)
{
    char msg[captured_max];
    bool captured = capture_begin();
    int zero = mem_init(0);
    int huge = mem_init(SIZE_MAX);
    if (captured)
        capture_end(msg, sizeof msg);
    EXPECT(zero == -1, "mem_init(0) returned %d", zero);
    EXPECT(huge == -1, "mem_init(SIZE_MAX) returned %d", huge);
    EXPECT(!captured || contains(msg, "mem_init"), "message '%s'", msg);
}

static void test_mem_init_again_replaces_the_arena(void)
{
    if (!fresh_arena(small_arena))
        return;
    (void)mem_sbrk(1000);
    if (!fresh_arena(2 * small_arena))
        return;
    EXPECT(mem_heapsize() == 0, "heap size %zu", mem_heapsize());
    EXPECT(mem_max_heap() == 2 * small_arena, "max heap %zu", mem_max_heap());
    char *p = mem_sbrk(16);
    EXPECT(p == mem_heap_lo(), "sbrk %p, lo %p", (void *)p, mem_heap_lo());
}

/* ---- Reset ------------------------------------------------------------- */

static void test_reset_empties_the_heap_and_reuses_it(void)
{
    if (!fresh_arena(small_arena))
        return;
    char *lo = mem_heap_lo();
    char *p = mem_sbrk(10000);
    memset(p, 0xab, 10000);
    mem_reset_brk();
    EXPECT(mem_heapsize() == 0, "heap size %zu", mem_heapsize());
    EXPECT((char *)mem_heap_hi() == lo - 1, "hi at offset %td",
           (char *)mem_heap_hi() - lo);
    EXPECT(mem_heap_lo() == lo, "lo moved from %p to %p", (void *)lo,
           mem_heap_lo());
    char *q = mem_sbrk(10000);
    EXPECT(q == lo, "sbrk after reset %p, lo %p", (void *)q, (void *)lo);
    memset(q, 0x3c, 10000);
    EXPECT(q[0] == 0x3c && q[9999] == 0x3c, "bytes %#x %#x",
           (unsigned char)q[0], (unsigned char)q[9999]);
}

static void test_reset_and_regrow_many_times_succeeds(void)
{
    if (!fresh_arena(2 * regrow_bytes))
        return;
    char *lo = mem_heap_lo();
    for (int i = 0; i < regrow_cycles; i++) {
        mem_reset_brk();
        char *p = mem_sbrk((intptr_t)regrow_bytes);
        if (p != lo) {
            EXPECT(p == lo, "cycle %d: sbrk %p, lo %p", i, (void *)p,
                   (void *)lo);
            return;
        }
        p[0] = (char)i;
        p[regrow_bytes - 1] = (char)i;
    }
    EXPECT(mem_heapsize() == regrow_bytes, "heap size %zu", mem_heapsize());
}

/* ---- Faults ------------------------------------------------------------ */

static void test_write_below_the_break_succeeds(void)
{
    if (!fresh_arena(small_arena))
        return;
    char *lo = mem_heap_lo();
    (void)mem_sbrk(5000);
    EXPECT_WRITABLE(lo, "the heap's first byte");
    EXPECT_WRITABLE(lo + 4999, "the heap's last byte");
}

static void test_write_past_the_breaks_page_faults(void)
{
    if (!fresh_arena(small_arena))
        return;
    (void)mem_sbrk(100);
    EXPECT_FAULT(page_at(1), "the first byte of the page above the break");
    EXPECT_FAULT(page_at(5), "a page far above the break");
}

static void test_write_into_the_guard_page_faults(void)
{
    if (!fresh_arena(small_arena))
        return;
    (void)mem_sbrk(100);
    EXPECT_FAULT((char *)mem_heap_lo() - 1, "the byte below the heap");
    EXPECT_FAULT(page_at(0) - mem_pagesize(), "the guard page's first byte");
}

static void test_write_above_the_break_faults_after_reset(void)
{
    if (!fresh_arena(small_arena))
        return;
    (void)mem_sbrk((intptr_t)(3 * mem_pagesize()));
    EXPECT_WRITABLE(page_at(2), "the third page before the reset");
    mem_reset_brk();
    EXPECT_FAULT(page_at(2), "the formerly usable third page");
    EXPECT_FAULT(page_at(0), "the first page of the empty heap");
    (void)mem_sbrk(1);
    EXPECT_WRITABLE(page_at(0), "the first page after regrowing");
    EXPECT_FAULT(page_at(1), "the second page after regrowing one byte");
}

int main(void)
{
    RUN_TEST(test_new_heap_is_empty_and_page_aligned);
    RUN_TEST(test_arena_size_is_rounded_up_to_a_page);
    RUN_TEST(test_sbrk_results_are_contiguous);
    RUN_TEST(test_many_small_sbrks_give_usable_memory);
    RUN_TEST(test_sbrk_past_the_arena_fails_with_enomem_and_says_why);
    RUN_TEST(test_huge_increment_fails_without_overflow);
    RUN_TEST(test_negative_increment_fails_with_einval);
    RUN_TEST(test_sbrk_before_init_fails_with_enomem);
    RUN_TEST(test_mem_init_rejects_impossible_sizes);
    RUN_TEST(test_mem_init_again_replaces_the_arena);
    RUN_TEST(test_reset_empties_the_heap_and_reuses_it);
    RUN_TEST(test_reset_and_regrow_many_times_succeeds);
    RUN_TEST(test_write_below_the_break_succeeds);
    RUN_TEST(test_write_past_the_breaks_page_faults);
    RUN_TEST(test_write_into_the_guard_page_faults);
    RUN_TEST(test_write_above_the_break_faults_after_reset);
    mem_deinit();
    return check_summary();
}
