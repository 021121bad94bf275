/*
 * sandbox.h - the system calls a run of mm.c may make.
 *
 * A child process that replays a trace against mm.c enters the sandbox
 * after the driver has set it up and before mm.c runs: a seccomp filter
 * (raw BPF through prctl) then allows only what the replay needs, and every
 * other system call raises SIGSYS, which isolate.c turns into a named
 * failure ("mm.c made the system call openat, which the lab does not
 * allow"). The filter cannot be lifted: whatever the driver does after
 * mm.c has run must fit it too.
 *
 * Allowed: write and writev to the descriptors the driver names (stdout,
 * stderr, the report pipe, -T's files) and close; read from the pipe on
 * which the parent says when to time the trace, and setitimer for the
 * timed replays' own time limit (child.c); mprotect inside memlib's
 * arena, to read/write or to nothing (memlib's own calls); the clocks;
 * getpid, gettid and signals to this process alone (abort, assert); the
 * signal mask; returning from a signal handler; exit. A driver built with
 * a sanitizer has no sandbox: the sanitizer's run-time library needs calls
 * the filter refuses (mmap, readlink, open...) to report a bug in mm.c, and
 * the filter would blame mm.c for them. Such a driver is for finding bugs,
 * not for grading.
 *
 * The filter checks the architecture first: on x86-64 a 32-bit system call
 * (int 0x80) is refused like any other. On architectures other than x86-64
 * and i386 there is no sandbox: sandbox_available says why.
 */
#ifndef MALLOCLAB_SANDBOX_H
#define MALLOCLAB_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

/* Room for sandbox_available's reason. */
enum { SANDBOX_WHY_MAX = 160 };

/* Whether runs can be sandboxed here (this architecture, this build, this
 * kernel); when not, `why` says why. Tries once, in a child process. */
bool sandbox_available(char why[SANDBOX_WHY_MAX]);

/* Enter the sandbox in this process, allowing writes to the `n` descriptors
 * in `fds`, and reads from `read_fd` (none when -1). 0, or -1 (nothing
 * changed) when the kernel refuses. */
int sandbox_enter(const int *fds, size_t n, int read_fd);

/* The name of system call `nr` of the architecture `arch` (an AUDIT_ARCH_
 * value, as SIGSYS reports it), such as "openat"; NULL when unknown. */
const char *sandbox_syscall_name(int nr, unsigned arch);

#endif /* MALLOCLAB_SANDBOX_H */
