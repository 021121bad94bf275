/*
 * icount.c - counting the allocator's instructions under callgrind (-I).
 */
#include "icount.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "memlib.h"

/* The command run; found on PATH. */
static const char valgrind[] = "valgrind";

/* How often the parent looks whether valgrind has finished, in nanoseconds. */
static const long poll_ns = 10 * 1000 * 1000;

/* The prefix of the wrappers' names: callgrind's collection is toggled on
 * in them, and their own cost is taken off the total. */
static const char wrapper_prefix[] = "icount_";

/* ---- The counted replay (the process under callgrind) ---------------- */

/* The allocator the wrappers call. */
static const struct allocator *counted;

/* Incremented after each call, so that no wrapper ends in a tail call:
 * callgrind must see each wrapper return. */
static volatile unsigned long counted_calls;

/* Not static, and never inlined, so that callgrind finds them by name. */
void *icount_malloc(size_t size) __attribute__((noinline));
void *icount_realloc(void *ptr, size_t size) __attribute__((noinline));
void icount_free(void *ptr) __attribute__((noinline));

void *icount_malloc(size_t size)
{
    void *p = counted->malloc(size);
    counted_calls++;
    return p;
}

void *icount_realloc(void *ptr, size_t size)
{
    void *p = counted->realloc(ptr, size);
    counted_calls++;
    return p;
}

void icount_free(void *ptr)
{
    counted->free(ptr);
    counted_calls++;
}

/* Empty the heap and initialise the allocator, as timing.c does between
 * replays. */
static int prepare(const struct run_settings *s)
{
    if (s->alloc->simulated)
        mem_restart();
    if (s->policy != NULL && s->alloc->set_placement(s->policy) != 0)
        return -1;
    return s->alloc->init();
}

/* One replay, through the wrappers when `count`. The C library's blocks
 * left live are freed afterwards, uncounted (mm.c's heap is emptied by the
 * next prepare). */
static void replay(const struct trace *t, const struct run_settings *s, void **ptr,
                   unsigned char *live, bool count)
{
    void *(*do_malloc)(size_t) = count ? icount_malloc : s->alloc->malloc;
    void *(*do_realloc)(void *, size_t) = count ? icount_realloc : s->alloc->realloc;
    void (*do_free)(void *) = count ? icount_free : s->alloc->free;
    for (size_t i = 0; i < t->num_ops; i++) {
        const struct trace_op *op = &t->ops[i];
        switch (op->kind) {
        case OP_ALLOC: ptr[op->id] = do_malloc(op->size); break;
        case OP_REALLOC: ptr[op->id] = do_realloc(ptr[op->id], op->size); break;
        case OP_FREE: do_free(ptr[op->id]); break;
        }
        live[op->id] = op->kind != OP_FREE;
    }
    for (size_t id = 0; id < t->num_ids; id++) {
        if (live[id] && !s->alloc->simulated)
            s->alloc->free(ptr[id]);
        live[id] = 0;
    }
}

int icount_replay(const struct trace *t, const struct run_settings *s)
{
    size_t n = t->num_ids ? t->num_ids : 1;
    void **ptr = calloc(n, sizeof *ptr);
    unsigned char *live = calloc(n, 1);
    int status = 0;
    counted = s->alloc;
    if (ptr == NULL || live == NULL) {
        fprintf(stderr, "mdriver: out of memory for the replay of '%s'\n", t->path);
        status = -1;
    } else if (prepare(s) != 0) {
        status = -1;
    } else {
        replay(t, s, ptr, live, false);     /* the warm-up */
        if (prepare(s) != 0)
            status = -1;
        else
            replay(t, s, ptr, live, true);
    }
    if (status != 0 && ptr != NULL && live != NULL)
        fprintf(stderr, "mdriver: %s: %s failed before the replay of '%s'\n", s->alloc->name,
                s->alloc->simulated ? "mm_init" : "init", t->path);
    free(ptr);
    free(live);
    return status;
}

/* ---- Reading callgrind's output -------------------------------------- */

static bool is_cost_line(const char *line)
{
    return (*line >= '0' && *line <= '9') || *line == '+' || *line == '-' || *line == '*';
}

/* The cost on a cost line "POSITION IR". */
static bool cost_of(const char *line, unsigned long long *ir)
{
    const char *p = strchr(line, ' ');
    if (p == NULL)
        return false;
    char *end;
    errno = 0;
    *ir = strtoull(p + 1, &end, 10);
    return errno == 0 && end != p + 1;
}

int icount_parse(const char *path, unsigned long long *instructions)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char line[4096];
    unsigned long long all = 0, wrappers = 0, summary = 0;
    bool in_wrapper = false, skip_next = false, have_summary = false, have_events = false;
    while (fgets(line, sizeof line, f) != NULL) {
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] != '\n' && !feof(f)) {
            /* A name longer than the buffer: drop the rest of it. */
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n')
                ;
        }
        if (strncmp(line, "events:", 7) == 0) {
            have_events = strcmp(line, "events: Ir\n") == 0 || strcmp(line, "events: Ir") == 0;
        } else if (strncmp(line, "summary:", 8) == 0 || strncmp(line, "totals:", 7) == 0) {
            summary = strtoull(strchr(line, ':') + 1, NULL, 10);
            have_summary = true;
        } else if (strncmp(line, "fn=", 3) == 0) {
            in_wrapper = strncmp(line + 3, wrapper_prefix, sizeof wrapper_prefix - 1) == 0;
        } else if (strncmp(line, "calls=", 6) == 0) {
            skip_next = true;       /* the next cost line is the call's, inclusive */
        } else if (is_cost_line(line)) {
            unsigned long long ir;
            if (!cost_of(line, &ir)) {
                fclose(f);
                return -1;
            }
            if (skip_next) {
                skip_next = false;
                continue;
            }
            all += ir;
            if (in_wrapper)
                wrappers += ir;
        }
    }
    bool read_error = ferror(f) != 0;
    fclose(f);
    /* Every instruction callgrind collected is some function's own cost. */
    if (read_error || !have_events || !have_summary || all != summary || wrappers > all)
        return -1;
    *instructions = all - wrappers;
    return 0;
}

/* ---- Running callgrind (the driver) ------------------------------------ */

/* Wait for `pid`, killing it after `limit` seconds; its wait status, and
 * whether it was killed. */
static int wait_for(pid_t pid, double limit, bool *killed)
{
    double deadline = run_clock() + limit;
    int wstatus = 0;
    *killed = false;
    for (;;) {
        pid_t got = waitpid(pid, &wstatus, WNOHANG);
        if (got == pid || (got < 0 && errno != EINTR))
            return wstatus;
        if (!*killed && run_clock() > deadline) {
            kill(pid, SIGKILL);
            *killed = true;
        }
        struct timespec ts = {0, poll_ns};
        nanosleep(&ts, NULL);
    }
}

/* Run argv with its output thrown away, LD_BIND_NOW set; see wait_for. */
static int spawn(char *const argv[], double limit, bool *killed)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        setenv("LD_BIND_NOW", "1", 1);
        execvp(argv[0], argv);
        _exit(127);
    }
    return wait_for(pid, limit, killed);
}

/* A temporary file's name, made and closed; "" when it cannot be made. */
static void temp_file(char *buf, size_t len, const char *what)
{
    const char *dir = getenv("TMPDIR");
    snprintf(buf, len, "%s/mdriver-%s-XXXXXX", dir && *dir ? dir : "/tmp", what);
    int fd = mkstemp(buf);
    if (fd < 0)
        buf[0] = '\0';
    else
        close(fd);
}

/* The line of valgrind's log at `path` that says what went wrong: the
 * first that speaks of an error or a failure, else the last one. */
static void first_line(const char *path, char *buf, size_t len)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return;
    char line[512];
    while (fgets(line, sizeof line, f) != NULL) {
        /* valgrind's lines start "==PID== "; skip empty ones. */
        char *p = line;
        if (*p == '=' && (p = strstr(p + 2, "== ")) != NULL)
            p += 3;
        else
            p = line;
        p[strcspn(p, "\n")] = '\0';
        if (*p == '\0')
            continue;
        snprintf(buf, len, "%s", p);
        if (strstr(p, "rror") || strstr(p, "ailed") || strstr(p, "signal"))
            break;
    }
    fclose(f);
}

/* The path of this very mdriver for valgrind to run: its /proc link,
 * which still leads to this file if a new build replaces it meanwhile, so
 * that the count is always of the code that passed the checks. */
static void own_executable(char *buf, size_t len)
{
    snprintf(buf, len, "/proc/%ld/exe", (long)getpid());
}

/* Whether a command ended well. */
static bool succeeded(int wstatus, bool killed)
{
    return wstatus >= 0 && !killed && WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0;
}

int icount_available(char err[ICOUNT_ERR_MAX])
{
    char *version[] = {(char *)valgrind, "--version", NULL};
    bool killed;
    int wstatus = spawn(version, 30, &killed);
    if (!succeeded(wstatus, killed)) {
        snprintf(err, ICOUNT_ERR_MAX, "-I needs valgrind, which cannot be run here (is it "
                 "installed? apt-get install valgrind)");
        return 0;
    }
    /* valgrind may still be unable to read this mdriver: before 3.20 it
     * cannot read the DWARF 5 debug information that clang writes. */
    char self[64], log[256], log_opt[300], why[512];
    own_executable(self, sizeof self);
    temp_file(log, sizeof log, "valgrind");
    if (log[0] == '\0') {
        snprintf(err, ICOUNT_ERR_MAX, "-I cannot make a temporary file");
        return 0;
    }
    snprintf(log_opt, sizeof log_opt, "--log-file=%s", log);
    char *probe[] = {(char *)valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
                     log_opt, self, "-h", NULL};
    wstatus = spawn(probe, 60, &killed);
    bool ok = succeeded(wstatus, killed);
    if (!ok) {
        first_line(log, why, sizeof why);
        snprintf(err, ICOUNT_ERR_MAX, "-I: valgrind cannot run mdriver%s%s%s", why[0] ? ": " : "",
                 why, strstr(why, "debuginfo") ? " (valgrind before 3.20 cannot read clang's "
                 "DWARF 5: build with CFLAGS_EXTRA=-gdwarf-4)" : "");
    }
    unlink(log);
    return ok;
}

void icount_run(const struct trace *t, const struct run_settings *s, size_t max_heap,
                double time_limit, struct run_result *r)
{
    char self[64], out[256], log[256], out_opt[300], log_opt[300], heap[32];
    own_executable(self, sizeof self);
    temp_file(out, sizeof out, "callgrind");
    temp_file(log, sizeof log, "valgrind");
    if (out[0] == '\0' || log[0] == '\0') {
        snprintf(r->message, sizeof r->message, "%s: cannot set up the instruction count "
                 "(cannot make a temporary file)", t->path);
        r->valid = false;
        r->failure = FAIL_DRIVER;
        goto out;
    }
    snprintf(out_opt, sizeof out_opt, "--callgrind-out-file=%s", out);
    snprintf(log_opt, sizeof log_opt, "--log-file=%s", log);
    snprintf(heap, sizeof heap, "%zu", max_heap);

    char *argv[24];
    int a = 0;
    argv[a++] = (char *)valgrind;
    argv[a++] = "--tool=callgrind";
    argv[a++] = "--collect-atstart=no";
    argv[a++] = "--toggle-collect=icount_malloc";
    argv[a++] = "--toggle-collect=icount_realloc";
    argv[a++] = "--toggle-collect=icount_free";
    argv[a++] = "--compress-strings=no";
    argv[a++] = "--compress-pos=no";
    argv[a++] = out_opt;
    argv[a++] = log_opt;
    argv[a++] = self;
    argv[a++] = "-P";
    argv[a++] = "-M";
    argv[a++] = heap;
    argv[a++] = "-f";
    argv[a++] = t->path;
    if (!s->alloc->simulated) {
        argv[a++] = "-p";
        argv[a++] = "libc";
    } else if (s->policy != NULL) {
        argv[a++] = "-p";
        argv[a++] = (char *)s->policy;
    }
    argv[a] = NULL;

    bool killed;
    int wstatus = spawn(argv, time_limit, &killed);
    unsigned long long count;
    char why[512];
    if (wstatus < 0) {
        snprintf(r->message, sizeof r->message, "%s: cannot start valgrind: %s", t->path,
                 strerror(errno));
        r->valid = false;
        r->failure = FAIL_DRIVER;
    } else if (killed) {
        snprintf(r->message, sizeof r->message, "%s: the counted replay under valgrind did not "
                 "finish within the time limit of %g s (-s)", t->path, time_limit);
        r->valid = false;
        r->failure = FAIL_TIMEOUT;
    } else if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        first_line(log, why, sizeof why);
        snprintf(r->message, sizeof r->message, "%s: the counted replay under valgrind failed "
                 "(%s %d)%s%s", t->path, WIFEXITED(wstatus) ? "exit status" : "signal",
                 WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : WTERMSIG(wstatus),
                 why[0] ? ": " : "", why);
        r->valid = false;
        r->failure = WIFSIGNALED(wstatus) ? FAIL_CRASH : FAIL_DRIVER;
        r->failed_signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
    } else if (icount_parse(out, &count) != 0) {
        snprintf(r->message, sizeof r->message, "%s: cannot read callgrind's output '%s'",
                 t->path, out);
        r->valid = false;
        r->failure = FAIL_DRIVER;
        out[0] = '\0';          /* keep it, to look at */
    } else if (count == 0 && t->num_ops > 0) {
        /* Every call executes at least its return: callgrind did not find
         * the wrappers, or could not read mdriver's symbols. */
        snprintf(r->message, sizeof r->message, "%s: callgrind counted no instruction: it did "
                 "not find icount_malloc and the others in mdriver (was mdriver rebuilt while "
                 "it ran?)", t->path);
        r->valid = false;
        r->failure = FAIL_DRIVER;
    } else {
        r->instructions = count;
        r->secs = (double)count / ICOUNT_NOMINAL_IPS;
        r->timed = true;
        r->reps = 1;
        r->spread = 0;
        r->converged = true;
    }
out:
    if (out[0] != '\0')
        unlink(out);
    if (log[0] != '\0')
        unlink(log);
}
