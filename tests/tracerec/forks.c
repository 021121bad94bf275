/*
 * forks.c - a program for test_tracerec.sh: processes other than the
 * recorded one allocate, and the recorded one execs itself.
 *
 *     forks fork    the parent allocates 3001 and 3004 bytes; a child that
 *                   exits allocates 3002, a child that execs allocates 3003
 *     forks exec    allocates 3101 bytes and keeps them, then execs itself
 *                   as "forks after-exec", which allocates 3102 bytes
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void churn(size_t size, int times)
{
    for (int i = 0; i < times; i++) {
        void *volatile p = malloc(size);
        free(p);
    }
}

static int wait_for(pid_t pid)
{
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)
        || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "forks: a child failed\n");
        return 1;
    }
    return 0;
}

static int forks(void)
{
    void *volatile kept = malloc(3001);
    pid_t exits = fork();
    if (exits == 0) {
        churn(3002, 100);
        exit(0);
    }
    pid_t execs = fork();
    if (execs == 0) {
        execl("/proc/self/exe", "forks", "child", (char *)NULL);
        _exit(127);
    }
    int failed = wait_for(exits) + wait_for(execs);
    churn(3004, 10);
    free(kept);
    return failed;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (strcmp(mode, "fork") == 0)
        return forks();
    if (strcmp(mode, "child") == 0) {
        churn(3003, 100);
        return 0;
    }
    if (strcmp(mode, "exec") == 0) {
        void *volatile kept = malloc(3101);
        (void)kept;
        execl("/proc/self/exe", "forks", "after-exec", (char *)NULL);
        perror("forks: exec");
        return 1;
    }
    if (strcmp(mode, "after-exec") == 0) {
        churn(3102, 1);
        return 0;
    }
    fprintf(stderr, "usage: forks fork|exec\n");
    return 2;
}
