/*
 * isolate.c - one run per child process; crashes, hangs and exits become
 * that run's failure, explained.
 *
 * What the child may send, one record through the pipe:
 *   REPORT_RESULT   the run finished; its result record follows
 *   REPORT_SIGNAL   a fatal signal (SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL)
 *   REPORT_TIMEOUT  the time limit passed (SIGALRM in the child)
 *   REPORT_EXIT     something called exit() before the run finished
 * The handlers only read plain variables and call write() and _exit(),
 * which are async-signal-safe. memlib's arena is mapped before the fork, so
 * heap addresses mean the same in both processes; the parent turns the
 * report into words.
 *
 * With -D a run happens in the driver's own process instead, so that a
 * debugger stops at a crash; only an exit() is caught there.
 */
#include "isolate.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "memlib.h"

/* Extra time the parent allows past the limit before it kills a child
 * that has not reported, in seconds. */
static const double grace_secs = 2.0;

/* Addresses below this are read as a NULL pointer plus an offset, in bytes. */
static const uintptr_t null_zone = 65536;

/* Signal handlers need this much stack of their own: a stack overflow in
 * the allocator leaves none on the main stack (in bytes). */
enum { HANDLER_STACK = 64 * 1024 };

static const uint32_t report_magic = 0x6d616c6cu;  /* "mall" */

enum report_kind { REPORT_RESULT = 1, REPORT_SIGNAL, REPORT_TIMEOUT, REPORT_EXIT };

struct report {
    uint32_t magic;
    int kind;                   /* enum report_kind */
    int signo;
    uintptr_t fault_addr;       /* for SIGSEGV and SIGBUS */
    int fault_code;             /* their si_code */
    uintptr_t heap_lo, brk;     /* the heap when it happened */
    int phase;                  /* enum run_phase */
    int op;                     /* index of the operation being checked */
    struct run_result result;   /* for REPORT_RESULT */
};

/* ---- The child ------------------------------------------------------------ */

/* The child's state, for its signal handlers. */
static int report_fd = -1;
static struct run_progress child_progress;
static volatile sig_atomic_t reported;

static void send_report(struct report *rep)
{
    if (reported)
        return;
    reported = 1;
    rep->magic = report_magic;
    rep->phase = child_progress.phase;
    rep->op = child_progress.op;
    rep->heap_lo = (uintptr_t)mem_heap_lo();
    rep->brk = rep->heap_lo + mem_heapsize();
    const char *p = (const char *)rep;
    size_t left = sizeof *rep;
    while (left > 0) {
        ssize_t n = write(report_fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        left -= (size_t)n;
    }
}

static void on_fatal_signal(int signo, siginfo_t *info, void *context)
{
    (void)context;
    struct report rep;
    memset(&rep, 0, sizeof rep);
    rep.kind = signo == SIGALRM ? REPORT_TIMEOUT : REPORT_SIGNAL;
    rep.signo = signo;
    if (signo == SIGSEGV || signo == SIGBUS) {
        rep.fault_addr = (uintptr_t)info->si_addr;
        rep.fault_code = info->si_code;
    }
    send_report(&rep);
    _exit(3);
}

static void on_exit_hook(void)
{
    if (child_progress.phase == PHASE_DONE)
        return;
    struct report rep;
    memset(&rep, 0, sizeof rep);
    rep.kind = REPORT_EXIT;
    send_report(&rep);
}

static void child_setup(double time_limit)
{
    static char handler_stack[HANDLER_STACK];
    stack_t ss = {.ss_sp = handler_stack, .ss_size = sizeof handler_stack};
    sigaltstack(&ss, NULL);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fatal_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigfillset(&sa.sa_mask);
    static const int fatal[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGALRM};
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
        sigaction(fatal[i], &sa, NULL);
    atexit(on_exit_hook);

    struct itimerval limit = {0};
    limit.it_value.tv_sec = (time_t)time_limit;
    limit.it_value.tv_usec = (suseconds_t)((time_limit - (double)(time_t)time_limit) * 1e6);
    if (limit.it_value.tv_sec == 0 && limit.it_value.tv_usec == 0)
        limit.it_value.tv_usec = 1;
    setitimer(ITIMER_REAL, &limit, NULL);
}

static void run_child(const struct trace *t, const struct run_settings *s, double time_limit)
{
    child_setup(time_limit);
    struct run_settings cs = *s;
    cs.progress = &child_progress;
    struct report *rep = calloc(1, sizeof *rep);
    if (rep == NULL)
        _exit(4);
    rep->kind = REPORT_RESULT;
    run_trace(t, &cs, &rep->result);
    child_progress.phase = PHASE_DONE;
    fflush(NULL);                   /* whatever mm.c printed */
    send_report(rep);
    _exit(0);
}

/* ---- The parent ------------------------------------------------------------ */

bool isolate_describe_address(uintptr_t addr, uintptr_t heap_lo, uintptr_t brk,
                              size_t arena, char *buf, size_t len)
{
    size_t page = mem_pagesize();
    if (addr < null_zone)
        snprintf(buf, len, "NULL pointer + %" PRIuPTR, addr);
    else if (addr < heap_lo && heap_lo - addr <= page)
        snprintf(buf, len, "in the guard page below the heap (%" PRIuPTR
                 " bytes below its first byte)", heap_lo - addr);
    else if (addr >= brk && addr - heap_lo < arena)
        snprintf(buf, len, "%" PRIuPTR " byte%s past the end of the heap (break at heap+0x%"
                 PRIxPTR ")", addr - brk + 1, addr == brk ? "" : "s", brk - heap_lo);
    else if (addr >= heap_lo && addr < brk)
        snprintf(buf, len, "inside the heap at heap+0x%" PRIxPTR, addr - heap_lo);
    else {
        snprintf(buf, len, "0x%" PRIxPTR ", outside the heap, not near it", addr);
        return false;
    }
    return true;
}

/* Start the failure message with the operation that was running. */
static void say_where(const struct trace *t, const struct report *rep, enum failure_kind kind,
                      struct run_result *r)
{
    if (rep != NULL && rep->phase == PHASE_CHECK && rep->op >= 0 && (size_t)rep->op < t->num_ops) {
        run_fail_at(r, t, (size_t)rep->op, kind);
        return;
    }
    run_fail_at(r, t, t->num_ops, kind);
    if (rep == NULL)
        run_say(r, "(which operation was running is unknown: the process left no report) ");
    else if (rep->phase == PHASE_START)
        run_say(r, "while the heap was being set up (mm_set_placement, mm_init): ");
    else if (rep->phase == PHASE_FINAL_CHECK)
        run_say(r, "after the last operation, while the blocks left live were verified: ");
    else if (rep->phase == PHASE_TIME)
        run_say(r, "while the trace was being timed (it had passed every check): ");
}

/* "SIGSEGV": the names people search for. */
static const char *signal_name(int signo)
{
    static const struct { int signo; const char *name; } names[] = {
        {SIGSEGV, "SIGSEGV"}, {SIGBUS, "SIGBUS"}, {SIGABRT, "SIGABRT"}, {SIGFPE, "SIGFPE"},
        {SIGILL, "SIGILL"}, {SIGKILL, "SIGKILL"}, {SIGTERM, "SIGTERM"}, {SIGALRM, "SIGALRM"},
        {SIGPIPE, "SIGPIPE"}, {SIGTRAP, "SIGTRAP"}, {SIGSYS, "SIGSYS"}, {SIGXCPU, "SIGXCPU"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].signo == signo)
            return names[i].name;
    return "a signal";
}

static void explain_signal(const struct report *rep, struct run_result *r)
{
    static const char wild[] = "a wild pointer, often a size or pointer read from damaged "
                               "memory (a header, a footer, a free-list link)";
    run_say(r, "the process crashed with %s (%s)", signal_name(rep->signo), strsignal(rep->signo));
    if ((rep->signo == SIGSEGV || rep->signo == SIGBUS) && rep->fault_code == SI_KERNEL) {
        /* The processor refused the address itself (on x86-64: not a
         * canonical address), so the kernel could not say which. A 32-bit
         * process has no such addresses: its wild pointers land below. */
        run_say(r, " on an address no program can use: %s", wild);
    } else if (rep->signo == SIGSEGV || rep->signo == SIGBUS) {
        char where[160];
        bool near = isolate_describe_address(rep->fault_addr, rep->heap_lo, rep->brk,
                                             mem_max_heap(), where, sizeof where);
        run_say(r, " touching address %s%s%s", where, near ? "" : ": ", near ? "" : wild);
    } else if (rep->signo == SIGABRT) {
        run_say(r, ": abort() was called, perhaps by a failed assert (see its message above)");
    }
}

void isolate_run(const struct trace *t, const struct run_settings *s, double time_limit,
                 struct run_result *r)
{
    memset(r, 0, sizeof *r);
    r->ops = t->num_ops;
    r->peak_live = t->peak_live;
    r->util_applies = s->alloc->simulated;

    int fds[2];
    fflush(NULL);
    if (pipe(fds) != 0) {
        snprintf(r->message, sizeof r->message, "%s: cannot make a pipe: %s", t->path,
                 strerror(errno));
        r->failure = FAIL_DRIVER;
        return;
    }
    double started = run_clock();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(r->message, sizeof r->message, "%s: cannot start a process: %s", t->path,
                 strerror(errno));
        r->failure = FAIL_DRIVER;
        close(fds[0]);
        close(fds[1]);
        return;
    }
    if (pid == 0) {
        close(fds[0]);
        report_fd = fds[1];
        run_child(t, s, time_limit);
    }
    close(fds[1]);

    /* Read one report, waiting no longer than the limit and the grace. */
    struct report *rep = calloc(1, sizeof *rep);
    size_t got = 0;
    bool killed = false;
    while (rep != NULL && got < sizeof *rep) {
        double left = time_limit + grace_secs - (run_clock() - started);
        if (left <= 0) {
            kill(pid, SIGKILL);
            killed = true;
            break;
        }
        struct pollfd pfd = {.fd = fds[0], .events = POLLIN};
        int ready = poll(&pfd, 1, (int)(left * 1000) + 1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            continue;
        ssize_t n = read(fds[0], (char *)rep + got, sizeof *rep - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;              /* the child is gone */
        got += (size_t)n;
    }
    close(fds[0]);
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    double secs = run_clock() - started;

    bool complete = rep != NULL && got == sizeof *rep && rep->magic == report_magic;
    if (complete && rep->kind == REPORT_RESULT) {
        *r = rep->result;
    } else if (complete && rep->kind == REPORT_SIGNAL) {
        say_where(t, rep, FAIL_CRASH, r);
        r->failed_signal = rep->signo;
        r->fault_addr = rep->fault_addr;
        explain_signal(rep, r);
    } else if (complete && rep->kind == REPORT_TIMEOUT) {
        say_where(t, rep, FAIL_TIMEOUT, r);
        run_say(r, "did not finish within the time limit of %g s (-s): stopped after %.1f s "
               "(an infinite loop?)", time_limit, secs);
    } else if (complete && rep->kind == REPORT_EXIT) {
        say_where(t, rep, FAIL_EXIT, r);
        run_say(r, "the process ended early: exit(%d) was called before the trace finished",
               WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
    } else {
        say_where(t, NULL, killed ? FAIL_TIMEOUT : WIFSIGNALED(wstatus) ? FAIL_CRASH : FAIL_EXIT, r);
        r->failed_signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
        if (killed)
            run_say(r, "did not finish within the time limit of %g s (-s) and did not respond; "
                   "killed after %.1f s", time_limit, secs);
        else if (WIFSIGNALED(wstatus))
            run_say(r, "the process was killed by %s (%s)", signal_name(WTERMSIG(wstatus)),
                   strsignal(WTERMSIG(wstatus)));
        else if (WIFEXITED(wstatus))
            run_say(r, "the process ended early with exit status %d (_exit called?)",
                   WEXITSTATUS(wstatus));
        else
            run_say(r, "the process ended without a report");
    }
    free(rep);
}

/* ---- In this process (-D) ---------------------------------------------------- */

/* The run going on in this process, for the exit hook. */
static const struct trace *here_trace;
static const char *here_label;
static struct run_progress here_progress;

/* An exit() inside the allocator would end the driver with the allocator's
 * status, perhaps 0, and no word: say what happened, and end with status 1
 * (a trace failed). */
static void on_exit_here(void)
{
    if (here_trace == NULL || here_progress.phase == PHASE_DONE)
        return;
    static struct run_result r;
    struct report rep = {.kind = REPORT_EXIT, .phase = here_progress.phase,
                         .op = here_progress.op};
    say_where(here_trace, &rep, FAIL_EXIT, &r);
    run_say(&r, "the process ended early: exit() was called before the trace finished");
    fflush(stdout);
    fprintf(stderr, "FAIL [%s] %s\n", here_label, r.message);
    _exit(1);
}

void isolate_run_here(const struct trace *t, const struct run_settings *s, struct run_result *r)
{
    static bool hooked;
    if (!hooked)
        hooked = atexit(on_exit_here) == 0;
    struct run_settings hs = *s;
    here_progress.phase = PHASE_START;
    here_progress.op = 0;
    hs.progress = &here_progress;
    here_label = s->label != NULL ? s->label : "mm";
    here_trace = t;
    run_trace(t, &hs, r);
    here_trace = NULL;
}
