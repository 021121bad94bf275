/*
 * threads.c - a program for test_tracerec.sh: THREADS threads each run
 * ITERATIONS rounds of
 *     malloc(5000 + i % 8), realloc it to 6000 + i % 8, free it,
 *     malloc(7000 + i % 8) and hand it to a shared pool, from which each
 *     round frees one block, often another thread's.
 * So the trace must hold THREADS * ITERATIONS of each of those sizes, and
 * blocks freed by one thread come back to others at once.
 *
 *     threads THREADS ITERATIONS
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 64

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static void **pool;
static size_t pool_len;
static long iterations;

static void *run(void *arg)
{
    (void)arg;
    for (long i = 0; i < iterations; i++) {
        size_t k = (size_t)(i % 8);
        char *p = malloc(5000 + k);
        char *q = p != NULL ? realloc(p, 6000 + k) : NULL;
        if (q == NULL)
            abort();
        memset(q, (int)k, 6000 + k);
        free(q);
        void *shared = malloc(7000 + k);
        if (shared == NULL)
            abort();
        pthread_mutex_lock(&pool_lock);
        pool[pool_len++] = shared;
        void *old = pool[0];            /* the longest waiting, mostly */
        pool[0] = pool[--pool_len];
        pthread_mutex_unlock(&pool_lock);
        free(old);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    char *end1 = NULL, *end2 = NULL;
    long threads = 0;
    if (argc == 3) {
        threads = strtol(argv[1], &end1, 10);
        iterations = strtol(argv[2], &end2, 10);
    }
    if (argc != 3 || threads < 1 || threads > MAX_THREADS || iterations < 1 || *end1 != '\0'
        || *end2 != '\0') {
        fprintf(stderr, "usage: threads THREADS ITERATIONS (1-%d threads)\n", MAX_THREADS);
        return 2;
    }
    pool = calloc((size_t)threads + 1, sizeof *pool);
    if (pool == NULL)
        return 1;
    pthread_t ids[MAX_THREADS];
    for (long t = 0; t < threads; t++)
        if (pthread_create(&ids[t], NULL, run, NULL) != 0)
            return 1;
    for (long t = 0; t < threads; t++)
        pthread_join(ids[t], NULL);
    for (size_t i = 0; i < pool_len; i++)
        free(pool[i]);
    free(pool);
    return 0;
}
