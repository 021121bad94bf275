/*
 * record.h - the record a run's child sends the parent, and whether the
 * parent believes it.
 *
 * The graded code runs in the child, so every record is checked before it
 * is believed: it must carry the token the parent drew for this run (the
 * layout of the record is no secret, the token is), and agree with what
 * the parent knows itself (the trace's operations and peak, possible
 * figures). A record that does not fails its run as forged (FAIL_FORGED).
 */
#ifndef MALLOCLAB_RECORD_H
#define MALLOCLAB_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "run.h"

static const uint32_t report_magic = 0x6d616c6cu;  /* "mall" */

enum report_kind { REPORT_CHECKED = 1, REPORT_RESULT, REPORT_SIGNAL, REPORT_TIMEOUT, REPORT_EXIT };

struct report {
    uint32_t magic;
    uint64_t token;             /* the parent's token for this run */
    int kind;                   /* enum report_kind */
    int signo;
    uintptr_t fault_addr;       /* for SIGSEGV and SIGBUS */
    int fault_code;             /* their si_code */
    uintptr_t heap_lo, brk;     /* the heap when it happened */
    int phase;                  /* enum run_phase */
    int op;                     /* index of the operation being checked */
    int exit_status;            /* for REPORT_EXIT: exit()'s argument, or -1 if unknown */
    int syscall_nr;             /* for SIGSYS: the refused system call */
    unsigned syscall_arch;      /* ...and its architecture (AUDIT_ARCH_) */
    struct run_result result;   /* for REPORT_CHECKED and REPORT_RESULT */
};

/* A fresh token for a run: the child's report must carry it. */
uint64_t record_token(void);

/* Whether the parent may believe *rep, a whole record from the child that
 * runs trace t under s, for which it drew `token`: the record must carry
 * the token, and a result it holds (REPORT_CHECKED, REPORT_RESULT) must be
 * possible; that result's strings are ended in place. When not, r is
 * failed as forged, saying why, and the answer is false. */
bool record_believable(struct report *rep, uint64_t token, const struct trace *t,
                       const struct run_settings *s, struct run_result *r);

#endif /* MALLOCLAB_RECORD_H */
