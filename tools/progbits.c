/*
 * progbits.c - the word size a program was built for, from its ELF header:
 * tracerec's shim can be preloaded only into programs of its own.
 */
#include "progbits.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The word size, in bits, of the executable `file`: 32 or 64 for an ELF
 * file; for a script, when interp is not NULL, that of the interpreter its
 * #! line names, whose path then goes to interp; 0 when it cannot be told;
 * -1 when `file` is not an executable file. */
static int exec_bits(const char *file, char *interp, size_t len)
{
    struct stat st;
    if (stat(file, &st) != 0 || !S_ISREG(st.st_mode) || access(file, X_OK) != 0)
        return -1;
    char head[256] = {0};
    int fd = open(file, O_RDONLY);
    if (fd < 0)
        return 0;
    ssize_t got = read(fd, head, sizeof head - 1);
    close(fd);
    if (got >= 5 && memcmp(head, "\177ELF", 4) == 0)
        return head[4] == 1 ? 32 : head[4] == 2 ? 64 : 0;
    if (interp == NULL || got < 2 || memcmp(head, "#!", 2) != 0)
        return 0;
    const char *start = head + 2 + strspn(head + 2, " \t");
    char path[sizeof head];
    snprintf(path, sizeof path, "%.*s", (int)strcspn(start, " \t\r\n"), start);
    int bits = exec_bits(path, NULL, 0);
    if (bits <= 0)
        return 0;
    snprintf(interp, len, "%s", path);
    return bits;
}

int program_bits(const char *name, char *interp, size_t len)
{
    interp[0] = '\0';
    if (strchr(name, '/') != NULL) {
        int bits = exec_bits(name, interp, len);
        return bits > 0 ? bits : 0;
    }
    const char *dir = getenv("PATH");
    if (dir == NULL)
        dir = "/bin:/usr/bin";     /* execvp's default */
    for (;;) {
        size_t n = strcspn(dir, ":");
        char file[PATH_MAX];
        /* An empty entry is the current folder. */
        int flen = snprintf(file, sizeof file, "%.*s%s%s", (int)n, dir, n > 0 ? "/" : "", name);
        int bits = flen > 0 && (size_t)flen < sizeof file ? exec_bits(file, interp, len) : -1;
        if (bits >= 0)
            return bits;
        if (dir[n] == '\0')
            return 0;
        dir += n + 1;
    }
}
