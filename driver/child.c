/*
 * child.c - a run's child: its signal handlers and exit hook, the
 * sandbox, the checked replay and, when the parent says "go", the timed
 * replays; one record to the parent for each stage.
 */
#include "child.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "fingerprint.h"
#include "memlib.h"
#include "record.h"
#include "sandbox.h"
#include "timeline.h"
#include "timing.h"

/* Signal handlers need this much stack of their own: a stack overflow in
 * the allocator leaves none on the main stack (in bytes). */
enum { HANDLER_STACK = 64 * 1024 };

/* Memory the driver keeps ready for itself in a sandboxed child, where it
 * can no longer ask the kernel for more: a base, and so much per
 * operation and per id of the trace (bytes). */
static const size_t reserve_base = 4u << 20, reserve_per_op = 16, reserve_per_id = 256;

/* The child's state, for its signal handlers. */
static int report_fd = -1;
static uint64_t report_token;
static struct run_progress own_progress;        /* when no shared memory could be had */
static struct run_progress *child_progress = &own_progress;
static volatile sig_atomic_t reported;

static void send_report(struct report *rep)
{
    if (reported)
        return;
    reported = 1;
    rep->magic = report_magic;
    rep->token = report_token;
    rep->phase = child_progress->phase;
    rep->op = child_progress->op;
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
    if (signo == SIGSYS) {
        rep.syscall_nr = info->si_syscall;
        rep.syscall_arch = info->si_arch;
    }
    send_report(&rep);
    _exit(3);
}

/* exit() before the run finished: report it, with the status when the C
 * library tells it (glibc's on_exit), and end the process at once, after
 * stdio's flush: what exit() would still do (a sanitizer's leak check, say)
 * may need system calls the sandbox refuses. */
static void on_exit_status(int status, void *unused)
{
    (void)unused;
    if (child_progress->phase == PHASE_DONE)
        return;
    struct report rep;
    memset(&rep, 0, sizeof rep);
    rep.kind = REPORT_EXIT;
    rep.exit_status = status;
    send_report(&rep);
    if (status >= 0) {
        fflush(NULL);
        _exit(status);
    }
}

#if !defined(__GLIBC__)
static void on_exit_hook(void)
{
    on_exit_status(-1, NULL);
}
#endif

/* The child's own process group, so that everything the run starts can be
 * killed with it; and the child dies with the driver. */
static void child_detach(pid_t parent)
{
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(4);               /* the driver is already gone */
}

/* SIGALRM after `secs` seconds; 0 disarms it. */
static void arm_alarm(double secs)
{
    struct itimerval limit = {0};
    limit.it_value.tv_sec = (time_t)secs;
    limit.it_value.tv_usec = (suseconds_t)((secs - (double)(time_t)secs) * 1e6);
    if (secs > 0 && limit.it_value.tv_sec == 0 && limit.it_value.tv_usec == 0)
        limit.it_value.tv_usec = 1;
    setitimer(ITIMER_REAL, &limit, NULL);
}

static void child_setup(void)
{
    static char handler_stack[HANDLER_STACK];
    stack_t ss = {.ss_sp = handler_stack, .ss_size = sizeof handler_stack};
    sigaltstack(&ss, NULL);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fatal_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigfillset(&sa.sa_mask);
    static const int fatal[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGALRM, SIGSYS};
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
        sigaction(fatal[i], &sa, NULL);
#if defined(__GLIBC__)
    on_exit(on_exit_status, NULL);
#else
    atexit(on_exit_hook);
#endif
}

/* Make sure the driver's own allocations in a sandboxed child never need
 * the kernel: the C library's malloc grows its heap once, now, by more
 * than the run will use, and keeps it. */
static void reserve_driver_memory(const struct trace *t)
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, -1);
#endif
    void *volatile room = malloc(reserve_base + t->num_ops * reserve_per_op +
                                 t->num_ids * reserve_per_id);
    free(room);
}

/* Everything the child does that the sandbox would refuse, then the
 * sandbox. Returns false, with a message in r, when it cannot be entered. */
static bool enter_sandbox(const struct trace *t, const struct run_settings *s, int go_fd,
                          struct run_result *r)
{
    int fds[5] = {STDOUT_FILENO, STDERR_FILENO, report_fd};
    size_t n = 3;
    if (s->timeline_dir != NULL && s->stop_at_line == 0)
        n += (size_t)timeline_open(t, s, fds + n);
    reserve_driver_memory(t);
    if (sandbox_enter(fds, n, go_fd) == 0)
        return true;
    run_fail_at(r, t, t->num_ops, FAIL_DRIVER);
    run_say(r, "cannot enter the sandbox: %s", strerror(errno));
    return false;
}

/* The checked replay under the time limit, then, when the parent says
 * "go" through go_fd, the timed replays under their own limit, which must
 * place the blocks where the checked replay did (fingerprint.h). */
static _Noreturn void run_child(const struct trace *t, const struct run_settings *s,
                                double time_limit, int go_fd, bool sandboxed)
{
    child_setup();
    struct run_settings cs = *s;
    cs.progress = child_progress;
    struct report *rep = calloc(1, sizeof *rep);
    struct placement placed;
    if (rep == NULL || !run_placement_init(&placed, t))
        _exit(4);
    rep->kind = REPORT_CHECKED;
    rep->result.ops = t->num_ops;           /* what the parent checks, should the */
    rep->result.peak_live = t->peak_live;   /* sandbox fail before run_check */
    rep->result.util_applies = s->alloc->simulated;
    if (sandboxed && !enter_sandbox(t, s, go_fd, &rep->result)) {
        child_progress->phase = PHASE_DONE;
        send_report(rep);
        _exit(0);
    }
    arm_alarm(time_limit);
    run_check(t, &cs, &placed, &rep->result);
    arm_alarm(0);
    bool timing = run_wants_timing(&cs, &rep->result);
    if (!timing)
        child_progress->phase = PHASE_DONE;
    fflush(NULL);                   /* whatever mm.c printed */
    send_report(rep);
    char go;
    if (!timing || read(go_fd, &go, 1) != 1)
        _exit(0);                   /* nothing to time, or the parent decided otherwise */

    reported = 0;
    arm_alarm(timing_limit(rep->result.check_secs));
    rep->kind = REPORT_RESULT;
    time_replays(t, &cs, &placed, &rep->result);
    child_progress->phase = PHASE_DONE;
    fflush(NULL);
    send_report(rep);
    _exit(0);
}

void child_run(const struct child_link *link, const struct trace *t, const struct run_settings *s,
               double time_limit)
{
    report_fd = link->report_fd;
    report_token = link->token;
    if (link->progress != NULL)
        child_progress = link->progress;
    child_detach(link->parent);
    run_child(t, s, time_limit, link->go_fd, link->sandboxed);
}

void child_knows_policy(pid_t parent, const struct allocator *a, const char *name,
                        double time_limit, bool sandboxed)
{
    child_detach(parent);
    child_setup();
    arm_alarm(time_limit);
    report_fd = STDERR_FILENO;
    reported = 1;           /* a crash here is not a run's: no report */
    int fd = STDERR_FILENO, out = STDOUT_FILENO;
    int fds[2] = {fd, out};
    if (sandboxed && sandbox_enter(fds, 2, -1) != 0)
        _exit(2);
    int known = a->set_placement(name) == 0;
    child_progress->phase = PHASE_DONE;
    fflush(NULL);
    _exit(known ? 0 : 1);
}
