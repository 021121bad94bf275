/*
 * isolate.c - one run per child process, from the parent's side: the
 * child started, each of its stages waited for, under its time limit, and
 * the child reaped; crashes, hangs and exits become that run's failure,
 * explained. What the child does is child.c's.
 *
 * A run has two stages, each ending with one record the child sends
 * through the pipe:
 *   checking  the checked replay, under the time limit (-s). It ends with
 *             REPORT_CHECKED and its result; then, when the trace is to be
 *             timed, the child waits until the parent says "go" (-j times
 *             the traces one at a time, after all the checks).
 *   timing    the timed replays, under a limit derived from the checked
 *             replay's duration (timing_limit); ends with REPORT_RESULT.
 * Either stage may end instead with
 *   REPORT_SIGNAL   a fatal signal (SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL,
 *                   or SIGSYS: a system call the sandbox refused)
 *   REPORT_TIMEOUT  the stage's time limit passed (SIGALRM in the child)
 *   REPORT_EXIT     something called exit() before the run finished
 * memlib's arena is mapped before the fork, so heap addresses mean the
 * same in both processes; the parent turns the report into words.
 *
 * The child keeps its progress (struct run_progress) in memory shared
 * with the parent, which can show it on a status line (progress.h).
 *
 * The graded code runs in the child, so every record is checked before it
 * is believed (record.h: the record, its token, its checks). The child
 * runs in a process group of its own: all of it is killed when the run
 * ends.
 *
 * With -D a run happens in the driver's own process instead, so that a
 * debugger stops at a crash; only an exit() is caught there, and there is
 * no sandbox.
 */
#include "isolate.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child.h"
#include "memlib.h"
#include "progress.h"
#include "record.h"
#include "sandbox.h"
#include "timing.h"

/* Extra time the parent allows past the limit before it kills a child
 * that has not reported, in seconds. */
static const double grace_secs = 2.0;

/* Addresses below this are read as a NULL pointer plus an offset, in bytes. */
static const uintptr_t null_zone = 65536;

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
    else if (rep->phase == PHASE_DONE)
        run_say(r, "after the trace had been replayed: ");
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

/* The system call the sandbox refused, named. */
static void explain_syscall(const struct report *rep, struct run_result *r)
{
    const char *name = sandbox_syscall_name(rep->syscall_nr, rep->syscall_arch);
    if (name != NULL)
        run_say(r, "mm.c made the system call %s, which the lab does not allow", name);
    else if (sandbox_syscall_name(0, rep->syscall_arch) == NULL)
        run_say(r, "mm.c made a system call of another architecture (number %d, through "
                "int 0x80?), which the lab does not allow", rep->syscall_nr);
    else
        run_say(r, "mm.c made system call number %d, which the lab does not allow",
                rep->syscall_nr);
    run_say(r, ": an allocator gets its memory from mem_sbrk and answers each request as it "
            "comes, with no files, processes, signals or memory of its own");
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

/* Wait for the child to end (killing it after `grace` seconds), kill
 * whatever is left in its process group, and reap it. Returns its status. */
static int reap_pid(pid_t pid, double grace)
{
    double deadline = run_clock() + grace;
    for (;;) {
        siginfo_t info;
        memset(&info, 0, sizeof info);
        int rc = waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT);
        if ((rc == 0 && info.si_pid == pid) || (rc < 0 && errno != EINTR))
            break;
        if (run_clock() > deadline) {
            kill(pid, SIGKILL);
            deadline += grace;
        }
        struct timespec nap = {0, 1000000};
        nanosleep(&nap, NULL);
    }
    /* The child is a zombie, so its process group's id is still its own. */
    kill(-pid, SIGKILL);
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    /* What the run started died with it; the driver is their subreaper
     * (adopt_orphans), so they are its children now. Reap them, or they
     * stay behind as zombies where init does not reap. */
    while (waitpid(-pid, NULL, 0) > 0 || errno == EINTR)
        ;
    return wstatus;
}

/* Make this process the parent of whatever its runs leave orphaned, so
 * that reap() can collect them: once is enough. */
static void adopt_orphans(void)
{
    static bool done;
    if (!done)
        prctl(PR_SET_CHILD_SUBREAPER, 1);
    done = true;
}

/* ---- A child, from the parent's side ---------------------------------------- */

enum stage {
    STAGE_CHECK,        /* the checked replay is running */
    STAGE_WAITING,      /* checked and valid; waiting to be timed */
    STAGE_TIME,         /* the timed replays are running */
    STAGE_OVER,         /* the result is in, the child reaped */
};

struct isolate_child {
    const struct trace *t;
    struct run_settings s;
    struct run_result *r;
    double time_limit;          /* -s, for the checked replay */
    double stage_limit;         /* the running stage's limit, in seconds */
    double stage_started;
    enum stage stage;
    pid_t pid;
    uint64_t token;             /* what its reports must carry */
    int report_fd, go_fd;       /* -1 once closed */
    struct run_progress *progress;  /* shared with the child, or NULL */
    struct report rep;          /* being read */
    size_t got;
    struct isolate_child *next_live;
};

/* The children not yet reaped: a new child closes their pipes, so that
 * each child's pipes have only the parent at the other end. */
static struct isolate_child *live_children;

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Reap the child and what it started, and forget it. */
static void reap(struct isolate_child *c, int *wstatus)
{
    close_fd(&c->report_fd);
    close_fd(&c->go_fd);
    *wstatus = reap_pid(c->pid, grace_secs);
    for (struct isolate_child **p = &live_children; *p != NULL; p = &(*p)->next_live)
        if (*p == c) {
            *p = c->next_live;
            break;
        }
    c->stage = STAGE_OVER;
}

/* Stage `stage` ended without its record: say how, from the wait status. */
static void explain_lost(struct isolate_child *c, enum stage stage, bool killed, int wstatus,
                         double secs)
{
    struct run_result *r = c->r;
    const struct trace *t = c->t;
    enum failure_kind kind = killed ? FAIL_TIMEOUT : WIFSIGNALED(wstatus) ? FAIL_CRASH : FAIL_EXIT;
    const struct report timing = {.phase = PHASE_TIME};
    say_where(t, stage == STAGE_TIME ? &timing : NULL, kind, r);
    r->failed_signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
    if (killed && stage == STAGE_TIME)
        run_say(r, "the timed replays did not finish within %.1f s and did not respond; "
                "killed after %.1f s", c->stage_limit, secs);
    else if (killed)
        run_say(r, "did not finish within the time limit of %g s (-s) and did not respond; "
                "killed after %.1f s", c->time_limit, secs);
    else if (WIFSIGNALED(wstatus))
        run_say(r, "the process was killed by %s (%s)", signal_name(WTERMSIG(wstatus)),
                strsignal(WTERMSIG(wstatus)));
    else if (WIFEXITED(wstatus))
        run_say(r, "the process ended early with exit status %d (_exit called?)",
                WEXITSTATUS(wstatus));
    else
        run_say(r, "the process ended without a report");
}

/* A complete record arrived: the stage's result, or how it failed. */
static void take_report(struct isolate_child *c, double secs)
{
    const struct report *rep = &c->rep;
    struct run_result *r = c->r;
    const struct trace *t = c->t;
    int wstatus = 0;
    if (!record_believable(&c->rep, c->token, t, &c->s, r)) {
        reap(c, &wstatus);
        return;
    }
    if (rep->kind == REPORT_CHECKED || rep->kind == REPORT_RESULT) {
        *r = rep->result;
        if (rep->kind == REPORT_CHECKED && run_wants_timing(&c->s, r)) {
            c->stage = STAGE_WAITING;
            c->got = 0;
            return;
        }
        reap(c, &wstatus);
        return;
    }
    bool timing = c->stage == STAGE_TIME;
    double limit = c->stage_limit;
    reap(c, &wstatus);
    if (rep->kind == REPORT_SIGNAL && rep->signo == SIGSYS) {
        say_where(t, rep, FAIL_FORBIDDEN, r);
        explain_syscall(rep, r);
    } else if (rep->kind == REPORT_SIGNAL) {
        say_where(t, rep, FAIL_CRASH, r);
        r->failed_signal = rep->signo;
        r->fault_addr = rep->fault_addr;
        explain_signal(rep, r);
    } else if (rep->kind == REPORT_TIMEOUT && timing) {
        say_where(t, rep, FAIL_TIMEOUT, r);
        run_say(r, "the timed replays did not finish within %.1f s, the limit derived from "
                "the checked replay's %.3f s (TIMING_HANG_* in config.h; -s limits the checked "
                "replay): an infinite loop that only a timed replay reaches?", limit,
                r->check_secs);
    } else if (rep->kind == REPORT_TIMEOUT) {
        say_where(t, rep, FAIL_TIMEOUT, r);
        run_say(r, "did not finish within the time limit of %g s (-s): stopped after %.1f s "
               "(an infinite loop?)", c->time_limit, secs);
    } else {
        say_where(t, rep, FAIL_EXIT, r);
        run_say(r, "the process ended early: exit(%d) was called before the trace finished",
               rep->exit_status >= 0 ? rep->exit_status
                                     : WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
    }
}

struct isolate_child *isolate_start(const struct trace *t, const struct run_settings *s,
                                    double time_limit, struct run_result *r)
{
    memset(r, 0, sizeof *r);
    r->ops = t->num_ops;
    r->peak_live = t->peak_live;
    r->util_applies = s->alloc->simulated;
    struct isolate_child *c = calloc(1, sizeof *c);
    int report[2] = {-1, -1}, go[2] = {-1, -1};
    if (c == NULL || pipe(report) != 0 || pipe(go) != 0) {
        snprintf(r->message, sizeof r->message, "%s: cannot make a pipe: %s", t->path,
                 c == NULL ? "out of memory" : strerror(errno));
        r->failure = FAIL_DRIVER;
        goto failed;
    }
    c->progress = mmap(NULL, sizeof *c->progress, PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (c->progress == MAP_FAILED)
        c->progress = NULL;
    char why[SANDBOX_WHY_MAX];
    bool sandboxed = s->alloc->simulated && sandbox_available(why);
    c->token = record_token();
    fflush(NULL);
    c->stage_started = run_clock();
    pid_t parent = getpid();
    adopt_orphans();
    c->pid = fork();
    if (c->pid < 0) {
        snprintf(r->message, sizeof r->message, "%s: cannot start a process: %s", t->path,
                 strerror(errno));
        r->failure = FAIL_DRIVER;
        goto failed;
    }
    if (c->pid == 0) {
        for (struct isolate_child *o = live_children; o != NULL; o = o->next_live) {
            close_fd(&o->report_fd);
            close_fd(&o->go_fd);
        }
        close(report[0]);
        close(go[1]);
        const struct child_link link = {parent, report[1], go[0], c->token, c->progress,
                                        sandboxed};
        child_run(&link, t, s, time_limit);
    }
    setpgid(c->pid, c->pid);    /* also here: no race with the child's own call */
    close(report[1]);
    close(go[0]);
    c->t = t;
    c->s = *s;
    c->r = r;
    c->time_limit = c->stage_limit = time_limit;
    c->stage = STAGE_CHECK;
    c->report_fd = report[0];
    c->go_fd = go[1];
    c->next_live = live_children;
    live_children = c;
    return c;

failed:
    for (int i = 0; i < 2; i++) {
        if (report[i] >= 0)
            close(report[i]);
        if (go[i] >= 0)
            close(go[i]);
    }
    if (c != NULL && c->progress != NULL)
        munmap(c->progress, sizeof *c->progress);
    free(c);
    return NULL;
}

bool isolate_running(const struct isolate_child *c)
{
    return c->stage == STAGE_CHECK || c->stage == STAGE_TIME;
}

bool isolate_waiting(const struct isolate_child *c)
{
    return c->stage == STAGE_WAITING;
}

int isolate_fd(const struct isolate_child *c)
{
    return isolate_running(c) ? c->report_fd : -1;
}

double isolate_deadline(const struct isolate_child *c)
{
    return c->stage_started + c->stage_limit + grace_secs;
}

const struct run_progress *isolate_progress(const struct isolate_child *c)
{
    static const struct run_progress none;
    return c->progress != NULL ? c->progress : &none;
}

double isolate_started(const struct isolate_child *c)
{
    return c->stage_started;
}

bool isolate_wait(struct isolate_child *c, double wait)
{
    double until = run_clock() + wait;
    while (isolate_running(c)) {
        double now = run_clock(), left = isolate_deadline(c) - now;
        enum stage stage = c->stage;
        int wstatus;
        if (left <= 0) {
            kill(c->pid, SIGKILL);
            reap(c, &wstatus);
            explain_lost(c, stage, true, wstatus, now - c->stage_started);
            return true;
        }
        double slice = until - now < left ? until - now : left;
        struct pollfd pfd = {.fd = c->report_fd, .events = POLLIN};
        int ready = poll(&pfd, 1, slice > 0 ? (int)(slice * 1000) + 1 : 0);
        if (ready < 0 && errno != EINTR)
            slice = 0;
        if (ready > 0) {
            ssize_t n = read(c->report_fd, (char *)&c->rep + c->got, sizeof c->rep - c->got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {           /* the child is gone without a whole record */
                reap(c, &wstatus);
                explain_lost(c, stage, false, wstatus, run_clock() - c->stage_started);
                return true;
            }
            c->got += (size_t)n;
            if (c->got == sizeof c->rep) {
                if (c->rep.magic != report_magic) {
                    kill(c->pid, SIGKILL);
                    reap(c, &wstatus);
                    explain_lost(c, stage, false, wstatus, run_clock() - c->stage_started);
                } else {
                    take_report(c, run_clock() - c->stage_started);
                }
                return true;
            }
            continue;
        }
        if (slice <= 0 || run_clock() >= until)
            return false;
    }
    return true;
}

void isolate_time(struct isolate_child *c)
{
    if (c->stage != STAGE_WAITING)
        return;
    c->stage = STAGE_TIME;
    c->stage_limit = timing_limit(c->r->check_secs);
    c->stage_started = run_clock();
    c->got = 0;
    /* A child that is gone would make the write raise SIGPIPE: hold it
     * back, and take it off the pending ones. */
    sigset_t pipe_signal, old;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    sigprocmask(SIG_BLOCK, &pipe_signal, &old);
    char go = 'g';
    ssize_t sent = write(c->go_fd, &go, 1);
    if (sent < 0 && errno == EPIPE) {
        const struct timespec now = {0};
        sigtimedwait(&pipe_signal, NULL, &now);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (sent != 1) {
        int wstatus;
        reap(c, &wstatus);
        explain_lost(c, STAGE_TIME, false, wstatus, 0);
    }
}

void isolate_end(struct isolate_child *c)
{
    if (c == NULL)
        return;
    if (c->stage != STAGE_OVER) {
        int wstatus;
        if (c->stage != STAGE_WAITING)
            kill(c->pid, SIGKILL);
        reap(c, &wstatus);      /* a waiting child ends when its "go" pipe closes */
    }
    if (c->progress != NULL)
        munmap(c->progress, sizeof *c->progress);
    free(c);
}

/* Wait for the running stage, showing progress when asked. */
static void wait_showing(struct isolate_child *c, const struct run_settings *s)
{
    if (!s->show_progress || !progress_on()) {
        while (!isolate_wait(c, 3600))
            ;
        return;
    }
    struct progress_item item = {
        .trace = c->t->path, .label = s->label, .ops = c->t->num_ops,
        .progress = isolate_progress(c), .started = isolate_started(c),
    };
    while (!isolate_wait(c, progress_tick_secs))
        progress_show(&item, 0);
}

void isolate_finish(struct isolate_child *c)
{
    wait_showing(c, &c->s);
    if (isolate_waiting(c)) {
        isolate_time(c);
        wait_showing(c, &c->s);
    }
    if (c->s.show_progress)
        progress_clear();
}

void isolate_run(const struct trace *t, const struct run_settings *s, double time_limit,
                 struct run_result *r)
{
    struct isolate_child *c = isolate_start(t, s, time_limit, r);
    if (c == NULL)
        return;
    isolate_finish(c);
    isolate_end(c);
}

bool isolate_knows_policy(const struct allocator *a, const char *name, double time_limit)
{
    char why[SANDBOX_WHY_MAX];
    bool sandboxed = sandbox_available(why);
    fflush(NULL);
    pid_t parent = getpid();
    adopt_orphans();
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0)
        child_knows_policy(parent, a, name, time_limit, sandboxed);
    setpgid(pid, pid);
    int wstatus = reap_pid(pid, time_limit + grace_secs);
    return WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0;
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
    if (s->alloc->simulated)
        mem_reclaim();
    here_trace = NULL;
}
