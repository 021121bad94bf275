/*
 * record.c - whether the parent believes a child's record: the token the
 * parent draws for each run, and the checks of the record against what
 * the parent knows itself.
 */
#include "record.h"

#include <stdio.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "memlib.h"

/* A fresh token for a run: the child's report must carry it. */
uint64_t record_token(void)
{
    uint64_t token = 0;
    if (getrandom(&token, sizeof token, 0) != (ssize_t)sizeof token) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        token = ((uint64_t)ts.tv_nsec << 32) ^ (uint64_t)ts.tv_sec ^ (uint64_t)getpid();
    }
    return token;
}

/* Fail r as forged: the record did not come from the driver. */
static void say_forged(const struct trace *t, struct run_result *r, const char *why)
{
    run_fail_at(r, t, t->num_ops, FAIL_FORGED);
    run_say(r, "the run's report cannot be believed: %s; something other than the driver "
            "(mm.c) wrote it, or changed the driver's figures", why);
}

/* Is the child's result record possible, given what the parent knows? */
static bool believable(const struct trace *t, const struct run_settings *s,
                       struct run_result *got, struct run_result *r)
{
    got->message[sizeof got->message - 1] = '\0';
    got->detail[sizeof got->detail - 1] = '\0';
    const char *why = NULL;
    /* Within a rounding error: i386's x87 computes with more precision. */
    double util = got->heap_size ? (double)t->peak_live / (double)got->heap_size : 1.0;
    if (got->ops != t->num_ops || got->peak_live != t->peak_live)
        why = "it names another trace (its operation count or peak live bytes are wrong)";
    else if (got->failure < FAIL_NONE || got->failure > FAIL_IMPOSSIBLE ||
             got->valid != (got->failure == FAIL_NONE) || got->failed_op > t->num_ops)
        why = "its failure fields contradict each other";
    else if (got->util_applies != (s->alloc->simulated && !got->stopped))
        why = "it says utilization applies where it does not, or the reverse";
    else if (got->valid && got->util_applies &&
             (got->heap_size < t->peak_live || got->heap_size > mem_max_heap() ||
              got->util < 0 || got->util > 1.0 || got->util > util + 1e-9 ||
              got->util < util - 1e-9))
        why = "its heap size and utilization are impossible for this trace";
    else if (got->timed && (got->reps < 1 || !(got->secs > 0) || !(got->spread >= 0)))
        why = "its timing figures are impossible";
    if (why == NULL)
        return true;
    say_forged(t, r, why);
    return false;
}

bool record_believable(struct report *rep, uint64_t token, const struct trace *t,
                       const struct run_settings *s, struct run_result *r)
{
    if (rep->token != token) {
        say_forged(t, r, "it does not carry the token the driver drew for this run");
        return false;
    }
    /* The child's record is trusted only in what it says of the run,
     * and only where it is possible. */
    if (rep->kind == REPORT_CHECKED || rep->kind == REPORT_RESULT)
        return believable(t, s, &rep->result, r);
    return true;
}
