/*
 * parallel.c - checked replays N at a time, then timing one at a time.
 */
#include "parallel.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>

#include "isolate.h"
#include "progress.h"

/* Most children waiting to be timed at once (a count): each keeps its
 * heap, so past this many the checks pause while the waiting are timed. */
static const size_t max_waiting = 64;

/* Time every waiting child, in the order of the runs, one at a time. */
static void time_waiting(struct isolate_child **child, size_t upto)
{
    for (size_t i = 0; i < upto; i++) {
        if (child[i] == NULL)
            continue;
        isolate_finish(child[i]);
        isolate_end(child[i]);
        child[i] = NULL;
    }
}

/* Show the first running child's progress, and how many run beside it. */
static void show(const struct parallel_run *runs, struct isolate_child **child, size_t upto)
{
    struct progress_item item;
    size_t running = 0;
    for (size_t i = 0; i < upto; i++) {
        if (child[i] == NULL || !isolate_running(child[i]))
            continue;
        if (running++ == 0)
            item = (struct progress_item){
                .trace = runs[i].t->path, .label = runs[i].s.label, .ops = runs[i].t->num_ops,
                .progress = isolate_progress(child[i]), .started = isolate_started(child[i]),
            };
    }
    if (running > 0)
        progress_show(&item, running - 1);
}

/* Wait until some running child's stage may have ended (or a tick). */
static void wait_any(struct isolate_child **child, size_t upto, struct pollfd *pfd)
{
    size_t n = 0;
    double soonest = run_clock() + (progress_on() ? progress_tick_secs : 3600);
    for (size_t i = 0; i < upto; i++) {
        if (child[i] == NULL || !isolate_running(child[i]))
            continue;
        pfd[n++] = (struct pollfd){.fd = isolate_fd(child[i]), .events = POLLIN};
        if (isolate_deadline(child[i]) < soonest)
            soonest = isolate_deadline(child[i]);
    }
    double left = soonest - run_clock();
    if (poll(pfd, (nfds_t)n, left > 0 ? (int)(left * 1000) + 1 : 0) < 0 && errno != EINTR)
        return;
}

void parallel_run_all(const struct parallel_run *runs, size_t n, unsigned jobs,
                      double time_limit)
{
    struct isolate_child **child = calloc(n ? n : 1, sizeof *child);
    struct pollfd *pfd = calloc(jobs, sizeof *pfd);
    if (child == NULL || pfd == NULL)
        jobs = 1;       /* nothing to keep them in: one run after the other */
    size_t next = 0, running = 0, waiting = 0;
    while (next < n || running > 0) {
        while (next < n && running < jobs && waiting + running < max_waiting) {
            struct isolate_child *c = isolate_start(runs[next].t, &runs[next].s, time_limit,
                                                    runs[next].r);
            if (child == NULL) {        /* no room to keep it */
                if (c != NULL)
                    isolate_finish(c);
                isolate_end(c);
            } else if (c != NULL) {
                child[next] = c;
                running++;
            }
            next++;
        }
        if (running == 0) {         /* all checked so far: time the waiting */
            if (child != NULL)
                time_waiting(child, next);
            waiting = 0;
            continue;
        }
        show(runs, child, next);
        wait_any(child, next, pfd);
        for (size_t i = 0; i < next; i++) {
            if (child[i] == NULL || !isolate_running(child[i]) || !isolate_wait(child[i], 0))
                continue;
            running--;
            progress_clear();       /* a trace finished its checks */
            if (isolate_waiting(child[i])) {
                waiting++;
            } else {
                isolate_end(child[i]);
                child[i] = NULL;
            }
        }
    }
    progress_clear();
    if (child != NULL)
        time_waiting(child, n);
    free(child);
    free(pfd);
}
