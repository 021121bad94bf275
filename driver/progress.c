/*
 * progress.c - the status line (progress.h).
 */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* A run shorter than this gets no status line, in seconds. */
static const double show_after_secs = 1.0;

/* Width assumed when the terminal does not say, in columns. */
static const int default_width = 80;

static bool enabled;
static bool shown;

void progress_enable(bool wanted)
{
    enabled = wanted && isatty(STDERR_FILENO);
}

bool progress_on(void)
{
    return enabled;
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return default_width;
}

/* The phase of a run, in words: "checking 1200/300000 ops". */
static void describe(const struct progress_item *it, char *buf, size_t len)
{
    const struct run_progress *p = it->progress;
    switch (p->phase) {
    case PHASE_START:
        snprintf(buf, len, "starting (mm_init)");
        break;
    case PHASE_CHECK:
        snprintf(buf, len, "checking %d/%zu ops", (int)p->op, it->ops);
        break;
    case PHASE_FINAL_CHECK:
        snprintf(buf, len, "checking the blocks left live");
        break;
    case PHASE_TIME:
        snprintf(buf, len, "timing, replay %d (%zu ops each)", (int)p->replays + 1, it->ops);
        break;
    default:
        snprintf(buf, len, "finishing");
        break;
    }
}

void progress_show(const struct progress_item *it, size_t others)
{
    if (!enabled)
        return;
    double elapsed = run_clock() - it->started;
    if (elapsed < show_after_secs)
        return;
    const char *slash = strrchr(it->trace, '/');
    char phase[96], line[512], more[48] = "";
    describe(it, phase, sizeof phase);
    if (others > 0)
        snprintf(more, sizeof more, " (+%zu more running)", others);
    int len = snprintf(line, sizeof line, "%s [%s] %s, %.1f s%s", slash ? slash + 1 : it->trace,
                       it->label != NULL ? it->label : "mm", phase, elapsed, more);
    int width = terminal_width() - 1;      /* never wrap onto a second line */
    if (len > width && width > 0 && (size_t)width < sizeof line)
        line[width] = '\0';
    fprintf(stderr, "\r%s\033[K", line);
    fflush(stderr);
    shown = true;
}

void progress_clear(void)
{
    if (!shown)
        return;
    fprintf(stderr, "\r\033[K");
    fflush(stderr);
    shown = false;
}
