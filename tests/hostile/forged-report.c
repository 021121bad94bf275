/*
 * forged-report.c - layer 5 (the result channel): the child's result
 * record has an open layout; write one that says "valid, 100%, very fast"
 * into the report pipe and end the process before the driver writes its
 * own. The pipe is the driver's first (pipe() hands out descriptors 3 and
 * 4, and the child keeps the write end, 4): a forger who tried others
 * would meet the sandbox, which allows writes to the driver's descriptors
 * only. Only the token the parent drew for the run stops this one.
 */
#include <unistd.h>

#include "../broken/base.h"
#include "run.h"

/* The record's layout, copied from driver/record.h as an attacker would. */
struct forged_report {
    uint32_t magic;
    uint64_t token;
    int kind;
    int signo;
    uintptr_t fault_addr;
    int fault_code;
    uintptr_t heap_lo, brk;
    int phase;
    int op;
    int exit_status;
    int syscall_nr;
    unsigned syscall_arch;
    struct run_result result;
};

static struct forged_report forged;

int mm_init(void)
{
    forged.magic = 0x6d616c6cu;
    forged.kind = 1;                    /* REPORT_CHECKED */
    forged.token = 0x1234;              /* a guess */
    forged.result.valid = true;
    forged.result.util = 1.0;
    forged.result.timed = true;
    forged.result.secs = 1e-9;
    forged.result.reps = 3;
    forged.result.converged = true;
    (void)!write(4, &forged, sizeof forged);
    _exit(0);
}

void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
