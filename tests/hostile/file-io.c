/*
 * file-io.c - layer 3 (the sandbox): read the driver's command line from
 * /proc/self/cmdline, to find the trace and plan ahead; an allocator must
 * answer each request as it comes. Otherwise the correct bump allocator.
 */
#include <fcntl.h>
#include <unistd.h>

#include "../broken/base.h"

static char cmdline[64];

int mm_init(void)
{
    int fd = open("/proc/self/cmdline", O_RDONLY);
    if (fd >= 0) {
        (void)!read(fd, cmdline, sizeof cmdline - 1);
        close(fd);
    }
    return base_init();
}

void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
