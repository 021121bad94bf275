/*
 * fork.c - layer 3 (the sandbox, and each run's own process group):
 * mm_init starts a process that outlives grading (one run of such a
 * submission left 8,010 processes behind). The child sleeps; if
 * HOSTILE_PID_FILE is set, it first writes its id there, so that a test
 * can see whether it was killed. Otherwise the correct bump allocator.
 */
#include <stdlib.h>
#include <unistd.h>

#include "../broken/base.h"

static int started;

int mm_init(void)
{
    if (!started) {
        started = 1;
        if (fork() == 0) {
            const char *path = getenv("HOSTILE_PID_FILE");
            FILE *f = path != NULL ? fopen(path, "w") : NULL;
            if (f != NULL) {
                fprintf(f, "%ld\n", (long)getpid());
                fclose(f);
            }
            sleep(60);
            _exit(0);
        }
    }
    return base_init();
}

void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
