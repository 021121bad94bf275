/*
 * sandbox.c - a seccomp filter for the runs of mm.c.
 *
 * The filter is one classic BPF program, built at run time because it
 * names this run's arena and descriptors. It reads, in order:
 *   1. the architecture: anything but this build's is refused;
 *   2. the system call number: each allowed call is one "if nr == X" line,
 *      some followed by checks of its arguments;
 *   3. the default: refused, with SIGSYS (SECCOMP_RET_TRAP), so that the
 *      child can report which call it was.
 * Arguments are 64-bit words; BPF loads 32 bits at a time, low word first
 * on these little-endian machines.
 */
#include "sandbox.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "memlib.h"

#if defined(__x86_64__) && !defined(__ILP32__)
#define SANDBOX_ARCH AUDIT_ARCH_X86_64
#elif defined(__i386__)
#define SANDBOX_ARCH AUDIT_ARCH_I386
#endif

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANDBOX_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define SANDBOX_SANITIZED 1
#endif
#endif

/* A sanitized driver has no sandbox: the sanitizer's run-time library
 * maps memory, reads /proc and the executable's name to report a bug in
 * mm.c, and the filter would blame mm.c for those calls instead. Such a
 * driver is for finding bugs, not for grading (tools/grade builds none). */
#if defined(SANDBOX_ARCH) && !defined(MALLOCLAB_NO_SANDBOX) && !defined(SANDBOX_SANITIZED)

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>

/* ---- The system calls' names ------------------------------------------ */

#define NAME(call) {SYS_##call, #call}

/* The calls people meet, for messages: what an allocator might try. */
static const struct { long nr; const char *name; } names[] = {
    NAME(read), NAME(write), NAME(close), NAME(lseek), NAME(mmap), NAME(munmap),
    NAME(mprotect), NAME(mremap), NAME(madvise), NAME(brk), NAME(ioctl), NAME(readv),
    NAME(writev), NAME(pread64), NAME(pwrite64), NAME(access), NAME(pipe), NAME(dup),
    NAME(dup2), NAME(nanosleep), NAME(getpid), NAME(kill), NAME(execve), NAME(exit),
    NAME(wait4), NAME(uname), NAME(fcntl), NAME(fsync), NAME(truncate), NAME(ftruncate),
    NAME(getcwd), NAME(chdir), NAME(rename), NAME(mkdir), NAME(rmdir), NAME(unlink),
    NAME(readlink), NAME(chmod), NAME(umask), NAME(gettimeofday), NAME(getrlimit),
    NAME(getrusage), NAME(times), NAME(ptrace), NAME(getuid), NAME(getppid),
    NAME(setsid), NAME(setpgid), NAME(sigaltstack), NAME(prctl), NAME(gettid),
    NAME(tkill), NAME(futex), NAME(sched_yield), NAME(clone), NAME(vfork),
    NAME(fork), NAME(exit_group), NAME(tgkill), NAME(openat), NAME(open), NAME(creat),
    NAME(mkdirat), NAME(unlinkat), NAME(renameat), NAME(readlinkat), NAME(faccessat),
    NAME(pselect6), NAME(ppoll), NAME(set_robust_list), NAME(splice), NAME(tee),
    NAME(sync_file_range), NAME(vmsplice), NAME(utimensat), NAME(eventfd2),
    NAME(epoll_create1), NAME(dup3), NAME(pipe2), NAME(inotify_init1), NAME(preadv),
    NAME(pwritev), NAME(perf_event_open), NAME(prlimit64), NAME(getrandom),
    NAME(memfd_create), NAME(execveat), NAME(statx), NAME(rseq), NAME(clone3),
    NAME(clock_gettime), NAME(clock_nanosleep), NAME(restart_syscall),
    NAME(rt_sigaction), NAME(rt_sigprocmask), NAME(rt_sigreturn), NAME(setitimer),
    NAME(getitimer), NAME(alarm), NAME(pause), NAME(timer_create), NAME(mlock),
    NAME(munlock), NAME(shmget), NAME(shmat), NAME(shmdt), NAME(process_vm_readv),
    NAME(process_vm_writev), NAME(time), NAME(poll), NAME(select), NAME(sendfile),
#if defined(__x86_64__)
    NAME(stat), NAME(fstat), NAME(lstat), NAME(newfstatat), NAME(socket), NAME(connect),
    NAME(accept), NAME(sendto), NAME(recvfrom), NAME(arch_prctl), NAME(getdents64),
#else
    NAME(stat64), NAME(fstat64), NAME(lstat64), NAME(fstatat64), NAME(mmap2),
    NAME(socketcall), NAME(sigreturn), NAME(sigprocmask), NAME(clock_gettime64),
    NAME(waitpid), NAME(getdents64), NAME(_llseek),
#endif
};

const char *sandbox_syscall_name(int nr, unsigned arch)
{
    if (arch != SANDBOX_ARCH)
        return NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].nr == nr)
            return names[i].name;
    return NULL;
}

/* ---- A BPF program, built instruction by instruction ------------------- */

/* Instructions the program may hold (a count); it needs about 120. */
enum { MAX_INSNS = 256 };

struct program {
    struct sock_filter insn[MAX_INSNS];
    unsigned short n;
    bool overflow;
};

static void emit(struct program *p, unsigned short code, unsigned char jt, unsigned char jf,
                 uint32_t k)
{
    if (p->n == MAX_INSNS) {
        p->overflow = true;
        return;
    }
    p->insn[p->n++] = (struct sock_filter)BPF_JUMP(code, k, jt, jf);
}

/* Offsets in struct seccomp_data of argument i's low and high 32 bits. */
static uint32_t arg_lo(int i)
{
    return (uint32_t)(offsetof(struct seccomp_data, args) + 8 * (size_t)i);
}
static uint32_t arg_hi(int i)
{
    return arg_lo(i) + 4;
}

static void load_abs(struct program *p, uint32_t offset)
{
    emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offset);
}

static void refuse(struct program *p)
{
    emit(p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_TRAP);
}

static void allow(struct program *p)
{
    emit(p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
}

/* "if nr == call: allow", with the number in A. */
static void allow_call(struct program *p, long call)
{
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (uint32_t)call);
    allow(p);
}

/* Start the checks of `call`'s arguments: "if nr != call, skip them"; the
 * checks end with allow() or refuse(), never falling through (so that A
 * still holds the number after the skip), and end_checks() sets the skip.
 * Returns where the jump is. */
static unsigned short begin_checks(struct program *p, long call)
{
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 0, (uint32_t)call);
    return (unsigned short)(p->n - 1);
}

static void end_checks(struct program *p, unsigned short jump)
{
    unsigned distance = (unsigned)(p->n - jump - 1);
    if (distance > 255)
        p->overflow = true;
    else if (!p->overflow)
        p->insn[jump].jf = (unsigned char)distance;
}

/* Refuse unless the 64-bit value whose halves the two loads fetch is
 * >= `bound` (when `at_least`) or <= `bound` (otherwise). */
static void require_bound(struct program *p, struct sock_filter load_hi, struct sock_filter load_lo,
                          uint64_t bound, bool at_least)
{
    uint32_t hi = (uint32_t)(bound >> 32), lo = (uint32_t)bound;
    unsigned short jgt = BPF_JMP | BPF_JGT | BPF_K, jeq = BPF_JMP | BPF_JEQ | BPF_K;
    emit(p, load_hi.code, 0, 0, load_hi.k);
    if (at_least) {
        emit(p, jgt, 4, 0, hi);                          /* above: fine */
        emit(p, jeq, 0, 2, hi);                          /* below: refuse */
        emit(p, load_lo.code, 0, 0, load_lo.k);
        emit(p, BPF_JMP | BPF_JGE | BPF_K, 1, 0, lo);    /* lo >= bound's: fine */
    } else {
        emit(p, jgt, 3, 0, hi);                          /* above: refuse */
        emit(p, jeq, 0, 3, hi);                          /* below: fine */
        emit(p, load_lo.code, 0, 0, load_lo.k);
        emit(p, jgt, 0, 1, lo);                          /* lo > bound's: refuse */
    }
    refuse(p);
}

static struct sock_filter abs_load(uint32_t offset)
{
    return (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offset);
}

static struct sock_filter mem_load(uint32_t slot)
{
    return (struct sock_filter)BPF_STMT(BPF_LD | BPF_MEM, slot);
}

/* Scratch slots for addr + len. */
enum { SUM_LO, SUM_HI, CARRY };

/* mprotect(addr, len, prot): allowed inside [lo, hi), to read/write or to
 * nothing, as memlib calls it. */
static void allow_mprotect_within(struct program *p, uint64_t lo, uint64_t hi)
{
    unsigned short jump = begin_checks(p, SYS_mprotect);
    require_bound(p, abs_load(arg_hi(0)), abs_load(arg_lo(0)), lo, true);
    /* len <= the arena's size, so that addr + len cannot overflow. */
    require_bound(p, abs_load(arg_hi(1)), abs_load(arg_lo(1)), hi - lo, false);
    /* addr + len, 64-bit, from 32-bit halves. */
    load_abs(p, arg_lo(1));
    emit(p, BPF_MISC | BPF_TAX, 0, 0, 0);
    load_abs(p, arg_lo(0));
    emit(p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
    emit(p, BPF_ST, 0, 0, SUM_LO);
    emit(p, BPF_JMP | BPF_JGE | BPF_X, 0, 2, 0);     /* sum >= len: no carry */
    emit(p, BPF_LD | BPF_IMM, 0, 0, 0);
    emit(p, BPF_JMP | BPF_JA, 0, 0, 1);
    emit(p, BPF_LD | BPF_IMM, 0, 0, 1);
    emit(p, BPF_ST, 0, 0, CARRY);
    load_abs(p, arg_hi(1));
    emit(p, BPF_MISC | BPF_TAX, 0, 0, 0);
    load_abs(p, arg_hi(0));
    emit(p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
    emit(p, BPF_MISC | BPF_TAX, 0, 0, 0);
    emit(p, BPF_LD | BPF_MEM, 0, 0, CARRY);
    emit(p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
    emit(p, BPF_ST, 0, 0, SUM_HI);
    require_bound(p, mem_load(SUM_HI), mem_load(SUM_LO), hi, false);
    /* prot: PROT_READ | PROT_WRITE or PROT_NONE, never PROT_EXEC. */
    load_abs(p, arg_lo(2));
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, 2, 0, PROT_READ | PROT_WRITE);
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, PROT_NONE);
    refuse(p);
    allow(p);
    end_checks(p, jump);
}

/* `call` whose first argument (an int) is one of fds[0..n). */
static void allow_on_fds(struct program *p, long call, const int *fds, size_t n)
{
    unsigned short jump = begin_checks(p, call);
    load_abs(p, arg_lo(0));
    for (size_t i = 0; i < n; i++) {
        emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (uint32_t)fds[i]);
        allow(p);
    }
    refuse(p);
    end_checks(p, jump);
}

/* `call` whose first argument is this process's id: a signal to itself. */
static void allow_to_self(struct program *p, long call)
{
    unsigned short jump = begin_checks(p, call);
    load_abs(p, arg_lo(0));
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (uint32_t)getpid());
    allow(p);
    refuse(p);
    end_checks(p, jump);
}

static void build(struct program *p, const int *fds, size_t n, int read_fd)
{
    /* 1. The architecture. */
    load_abs(p, (uint32_t)offsetof(struct seccomp_data, arch));
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, SANDBOX_ARCH);
    refuse(p);

    /* 2. The calls, each with why the replay needs it. */
    load_abs(p, (uint32_t)offsetof(struct seccomp_data, nr));
    allow_on_fds(p, SYS_write, fds, n);         /* mm.c's output, the report, -T's files */
    allow_on_fds(p, SYS_writev, fds, n);        /* the C library's fatal messages */
    allow_call(p, SYS_close);                   /* fclose of -T's files */
    if (read_fd >= 0)
        allow_on_fds(p, SYS_read, &read_fd, 1); /* the parent's "go" for the timed replays */
    allow_call(p, SYS_setitimer);               /* the timed replays' own time limit */
    allow_call(p, SYS_clock_gettime);           /* timing, when the vDSO cannot answer */
#ifdef SYS_clock_gettime64
    allow_call(p, SYS_clock_gettime64);
#endif
    allow_call(p, SYS_gettimeofday);
    allow_call(p, SYS_getpid);                  /* abort() and raise() */
    allow_call(p, SYS_gettid);
    allow_call(p, SYS_rt_sigprocmask);
#ifdef SYS_sigprocmask
    allow_call(p, SYS_sigprocmask);
#endif
    allow_call(p, SYS_rt_sigreturn);            /* returning from a signal handler */
#ifdef SYS_sigreturn
    allow_call(p, SYS_sigreturn);
#endif
    allow_call(p, SYS_restart_syscall);
    allow_call(p, SYS_exit_group);              /* the end of the run */
    allow_call(p, SYS_exit);
    allow_to_self(p, SYS_tgkill);               /* abort() sends SIGABRT to itself */
    allow_to_self(p, SYS_kill);
    uint64_t lo = (uintptr_t)mem_heap_lo(), hi = lo + mem_max_heap();
    allow_mprotect_within(p, lo, hi);           /* memlib: pages made usable, or emptied */

    /* 3. Everything else. */
    refuse(p);
}

int sandbox_enter(const int *fds, size_t n, int read_fd)
{
    static struct program p;
    p.n = 0;
    p.overflow = false;
    build(&p, fds, n, read_fd);
    if (p.overflow) {
        errno = E2BIG;
        return -1;
    }
    struct sock_fprog prog = {.len = p.n, .filter = p.insn};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) != 0)
        return -1;
    return 0;
}

bool sandbox_available(char why[SANDBOX_WHY_MAX])
{
    static int known;           /* 0: not tried; 1: available; -1: not */
    static char reason[SANDBOX_WHY_MAX];
    if (known == 0) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            int fd = 2;
            _exit(sandbox_enter(&fd, 1, -1) == 0 ? 0 : errno == 0 ? 255 : errno & 0xff);
        }
        int status = 0;
        while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            known = 1;
        } else {
            known = -1;
            snprintf(reason, sizeof reason, "the kernel refuses a seccomp filter (%s)",
                     pid < 0 ? strerror(errno) :
                     WIFEXITED(status) ? strerror(WEXITSTATUS(status)) : "the test crashed");
        }
    }
    if (known < 0)
        snprintf(why, SANDBOX_WHY_MAX, "%s", reason);
    return known > 0;
}

#else /* no sandbox on this architecture, or in this build */

#if defined(MALLOCLAB_NO_SANDBOX)
static const char no_sandbox[] = "this driver was built without it (MALLOCLAB_NO_SANDBOX)";
#elif defined(SANDBOX_SANITIZED)
static const char no_sandbox[] = "a sanitized driver has none: its sanitizer needs the system "
                                 "calls the sandbox refuses, to report a bug";
#else
static const char no_sandbox[] = "it exists for x86-64 and i386 only";
#endif

bool sandbox_available(char why[SANDBOX_WHY_MAX])
{
    snprintf(why, SANDBOX_WHY_MAX, "%s", no_sandbox);
    return false;
}

int sandbox_enter(const int *fds, size_t n, int read_fd)
{
    (void)fds;
    (void)n;
    (void)read_fd;
    errno = ENOSYS;
    return -1;
}

const char *sandbox_syscall_name(int nr, unsigned arch)
{
    (void)nr;
    (void)arch;
    return NULL;
}

#endif
