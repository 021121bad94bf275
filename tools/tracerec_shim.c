/*
 * tracerec_shim.c - the half of tracerec that runs inside the recorded
 * program: an LD_PRELOAD library that wraps the C library's allocation
 * functions and logs every call to the raw log (see tracerec_raw.h).
 *
 * Wrapped: malloc, calloc, realloc, reallocarray, free, posix_memalign,
 * aligned_alloc, memalign, valloc, pvalloc. Each wrapper calls the real
 * function, found with dlsym(RTLD_NEXT), and stores one record. The shim
 * keeps the hot path small: no address-to-id map, no formatting; tracerec
 * does all that after the program has ended.
 *
 * The rules it follows:
 *  1. Only the process named in the log's header logs. A fork child stops
 *     logging (pthread_atfork); a process exec'd by a child finds another
 *     pid in the header and never starts. The same process exec'ing keeps
 *     logging after a RAW_EXEC record. Following children (RAW_DIR_ENV
 *     set), each process and each program it execs makes a log of its own
 *     instead, when its program has the name RAW_ONLY_ENV asks for (if any).
 *  2. The order of the records is an order in which the calls really
 *     happened: a free is logged before the block is handed back, an
 *     allocation after it is obtained, and a realloc holds the log's lock
 *     around the real call. So an address is never logged as allocated
 *     while the log still holds it live.
 *  3. The shim's own calls, and calls that the C library makes from inside
 *     a wrapped function, are not logged (a per-thread guard).
 *  4. Calls made while the real functions are being looked up (dlsym may
 *     allocate) are served from a static bootstrap buffer; free and realloc
 *     recognise its pointers, and it is never reused.
 *  5. errno is as the real function left it.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tracerec_raw.h"

/* ---- The real functions --------------------------------------------- */

static struct {
    void *(*malloc)(size_t);
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
    int (*posix_memalign)(void **, size_t, size_t);
    void *(*aligned_alloc)(size_t, size_t);
    void *(*memalign)(size_t, size_t);
    void *(*valloc)(size_t);
    void *(*pvalloc)(size_t);
} real;

enum init_state { INIT_NOT_STARTED, INIT_RESOLVING, INIT_READY };
static atomic_int init_state;

/* True while this thread is inside the shim: calls it makes then go
 * straight to the real functions, unlogged. Initial-exec, because a
 * preloaded library's TLS is static and so needs no allocation. */
static _Thread_local bool in_shim __attribute__((tls_model("initial-exec")));

/* ---- The bootstrap buffer ------------------------------------------- */

/* Room for the calls made before the real functions are known, in bytes. */
#define BOOT_BYTES 65536

/* Each bootstrap block is preceded by its size, in a slot this big. */
#define BOOT_SLOT alignof(max_align_t)

/* Alignment of valloc and pvalloc blocks served from boot_buf, in bytes. */
#define BOOT_PAGE 4096

static alignas(max_align_t) unsigned char boot_buf[BOOT_BYTES];
static atomic_size_t boot_used;     /* bytes of boot_buf handed out */
static atomic_size_t boot_calls;    /* calls served from boot_buf */

static bool is_boot(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    return a >= (uintptr_t)boot_buf && a < (uintptr_t)boot_buf + BOOT_BYTES;
}

/* Carve `size` bytes aligned to `align` (a power of two) from boot_buf.
 * The buffer is zero and never reused, so the block is zeroed. */
static void *boot_alloc(size_t size, size_t align)
{
    if (align == 0 || (align & (align - 1)) != 0 || align > BOOT_BYTES) {
        errno = EINVAL;
        return NULL;
    }
    if (align < BOOT_SLOT)
        align = BOOT_SLOT;
    size_t start = atomic_load(&boot_used);
    size_t payload, end;
    do {
        uintptr_t base = (uintptr_t)boot_buf;
        payload = ((base + start + BOOT_SLOT + align - 1) & ~(uintptr_t)(align - 1)) - base;
        if (payload >= BOOT_BYTES || size > BOOT_BYTES - payload) {
            errno = ENOMEM;
            return NULL;
        }
        end = payload + size;
    } while (!atomic_compare_exchange_weak(&boot_used, &start, end));
    memcpy(boot_buf + payload - sizeof(size_t), &size, sizeof(size_t));
    atomic_fetch_add(&boot_calls, 1);
    return boot_buf + payload;
}

static size_t boot_size(const void *p)
{
    size_t size;
    memcpy(&size, (const unsigned char *)p - sizeof(size_t), sizeof(size_t));
    return size;
}

/* ---- The log ---------------------------------------------------------- */

static struct {
    pthread_mutex_t lock;           /* held while storing a record */
    char path[PATH_MAX];            /* the raw log, copied from the environment */
    struct raw_header *header;      /* the mapped header page */
    struct raw_record *window;      /* the mapped window of records */
    uint64_t window_first;          /* index of the window's first record */
    bool selftest_recursion;        /* allocate while holding the lock */
    bool follow;                    /* following children: a log per process */
    char program[RAW_PROGRAM_MAX];  /* ...named for this program */
} logger = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* Whether this process logs; read without the lock on the hot path. */
static atomic_bool logging;

/* Write a message to stderr without allocating. */
static void say(const char *a, const char *b, const char *c)
{
    const char *parts[] = { "tracerec_shim: ", a, b, c, "\n" };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        size_t len = strlen(parts[i]);
        while (len > 0) {
            ssize_t n = write(STDERR_FILENO, parts[i], len);
            if (n <= 0)
                return;
            parts[i] += n;
            len -= (size_t)n;
        }
    }
}

/* Stop logging for good, leaving the reason in the header for tracerec. */
static void log_stop(int err)
{
    logger.header->error = err;
    atomic_store(&logging, false);
}

/* Map the window holding record `index`, growing the file to cover it.
 * The file is reopened each time so that the program never sees a
 * descriptor of ours (it may close or count its descriptors). */
static int map_window(uint64_t index)
{
    uint64_t first = index - index % (RAW_WINDOW_BYTES / sizeof(struct raw_record));
    off_t offset = (off_t)(RAW_HEADER_BYTES + first * sizeof(struct raw_record));
    int fd = open(logger.path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int err = posix_fallocate(fd, offset, RAW_WINDOW_BYTES);
    if (err != 0) {
        close(fd);
        return err;
    }
    void *w = mmap(NULL, RAW_WINDOW_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, offset);
    err = errno;
    close(fd);
    if (w == MAP_FAILED)
        return err;
    if (logger.window != NULL)
        munmap(logger.window, RAW_WINDOW_BYTES);
    logger.window = w;
    logger.window_first = first;
    return 0;
}

/* Store one record. The caller holds the lock and has checked `logging`. */
static void log_put(enum raw_kind kind, const void *in, const void *out, size_t size)
{
    struct raw_header *h = logger.header;
    if (h->max_records != 0 && h->count >= h->max_records) {
        h->unstored++;
        return;
    }
    uint64_t i = h->count;
    if (logger.window == NULL || i - logger.window_first >= RAW_WINDOW_BYTES / sizeof(struct raw_record)) {
        int err = map_window(i);
        if (err != 0) {
            log_stop(err);
            return;
        }
    }
    struct raw_record *r = &logger.window[i - logger.window_first];
    r->kind = kind;
    r->unused = 0;
    r->in = (uintptr_t)in;
    r->out = (uintptr_t)out;
    r->size = size;
    /* If a signal kills the program here, the record must be complete
     * before the count says it exists. */
    atomic_signal_fence(memory_order_release);
    h->count = i + 1;
    if (logger.selftest_recursion) {
        /* As a C library function used while logging might: this must go
         * to the real malloc unlogged, not deadlock on the lock we hold. */
        void *volatile p = malloc(12345);
        free(p);
    }
}

/* Lock, store one record, unlock; errno is kept. */
static void log_call(enum raw_kind kind, const void *in, const void *out, size_t size)
{
    int saved = errno;
    pthread_mutex_lock(&logger.lock);
    if (atomic_load_explicit(&logging, memory_order_relaxed))
        log_put(kind, in, out, size);
    pthread_mutex_unlock(&logger.lock);
    errno = saved;
}

static void atfork_prepare(void)
{
    pthread_mutex_lock(&logger.lock);
}

static void atfork_parent(void)
{
    pthread_mutex_unlock(&logger.lock);
}

static bool log_create(void);

/* A fork child is another process: its calls are not the parent's. When
 * following children, it gets a log of its own. */
static void atfork_child(void)
{
    atomic_store(&logging, false);
    if (logger.follow && logger.header != NULL) {
        /* The parent's log is mapped shared: let go of it. */
        if (logger.window != NULL)
            munmap(logger.window, RAW_WINDOW_BYTES);
        munmap(logger.header, RAW_HEADER_BYTES);
        logger.window = NULL;
        logger.header = NULL;
        if (log_create())
            atomic_store(&logging, true);
    }
    pthread_mutex_unlock(&logger.lock);
}

/* Decimal digits of n at the end of buf[len]; returns where they start. */
static char *digits(uint64_t n, char *buf, size_t len)
{
    char *at = buf + len - 1;
    *at = '\0';
    do {
        *--at = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0 && at > buf);
    return at;
}

/* Append src to dst[len] (cut at its end); no allocation. */
static void append(char *dst, size_t len, const char *src)
{
    size_t used = strlen(dst);
    while (*src != '\0' && used + 1 < len)
        dst[used++] = *src++;
    dst[used] = '\0';
}

/* The last part of a path. */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* The program's names: how it was called (argv[0]) and its file. */
static void program_names(char *called, char *file, size_t len)
{
    called[0] = file[0] = '\0';
    char buf[PATH_MAX];
    int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        buf[n > 0 ? n : 0] = '\0';
        append(called, len, base_name(buf));
    }
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    append(file, len, base_name(buf));
    if (called[0] == '\0')
        append(called, len, file);
}

/* Following children: make this process's own log, DIR/PID.N.log, and
 * map its header. Returns false (and logs nothing) if it cannot. */
static bool log_create(void)
{
    const char *dir = getenv(RAW_DIR_ENV), *max = getenv(RAW_MAX_ENV);
    char pid[24], image[24];
    const char *p = digits((uint64_t)getpid(), pid, sizeof pid);
    int fd = -1;
    for (uint64_t n = 1; fd < 0 && n < 1000; n++) {
        logger.path[0] = '\0';
        append(logger.path, sizeof logger.path, dir);
        append(logger.path, sizeof logger.path, "/");
        append(logger.path, sizeof logger.path, p);
        append(logger.path, sizeof logger.path, ".");
        append(logger.path, sizeof logger.path, digits(n, image, sizeof image));
        append(logger.path, sizeof logger.path, ".log");
        fd = open(logger.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        say("cannot create a raw log in '", dir, "'");
        return false;
    }
    void *map = MAP_FAILED;
    if (ftruncate(fd, RAW_HEADER_BYTES) == 0)
        map = mmap(NULL, RAW_HEADER_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        say("cannot map raw log '", logger.path, "'");
        return false;
    }
    struct raw_header *h = map;
    memcpy(h->magic, RAW_MAGIC, RAW_MAGIC_LEN);
    h->pid = (uint64_t)getpid();
    for (; max != NULL && *max >= '0' && *max <= '9'; max++)
        h->max_records = h->max_records * 10 + (uint64_t)(*max - '0');
    memcpy(h->program, logger.program, sizeof h->program);
    h->images = 1;
    logger.header = h;
    logger.window = NULL;
    return true;
}

/* Following children: log this program if it is one to log. */
static void log_open_follow(void)
{
    char called[RAW_PROGRAM_MAX], file[RAW_PROGRAM_MAX];
    program_names(called, file, sizeof called);
    const char *only = getenv(RAW_ONLY_ENV);
    if (only != NULL && only[0] != '\0' && strcmp(only, called) != 0 && strcmp(only, file) != 0)
        return;
    memcpy(logger.program, called, sizeof logger.program);
    logger.follow = true;
    if (pthread_atfork(atfork_prepare, atfork_parent, atfork_child) != 0) {
        say("cannot register fork handlers; not logging", "", "");
        return;
    }
    pthread_mutex_lock(&logger.lock);
    if (log_create())
        atomic_store(&logging, true);
    pthread_mutex_unlock(&logger.lock);
}

/* Start logging if this process is the one tracerec launched. Called once
 * the real functions are known, with in_shim set. */
static void log_open(void)
{
    if (getenv(RAW_DIR_ENV) != NULL) {
        log_open_follow();
        return;
    }
    const char *path = getenv(RAW_LOG_ENV);
    if (path == NULL)
        return;
    size_t len = strlen(path);
    if (len >= sizeof logger.path) {
        say("raw log path too long: '", path, "'");
        return;
    }
    memcpy(logger.path, path, len + 1);
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        say("cannot open raw log '", path, "'");
        return;
    }
    struct stat st;
    void *map = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size >= RAW_HEADER_BYTES)
        map = mmap(NULL, RAW_HEADER_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        say("cannot map raw log '", path, "'");
        return;
    }
    struct raw_header *h = map;
    if (memcmp(h->magic, RAW_MAGIC, RAW_MAGIC_LEN) != 0) {
        say("not a raw log: '", path, "'");
        munmap(map, RAW_HEADER_BYTES);
        return;
    }
    if (h->pid != (uint64_t)getpid() || h->error != 0) {
        /* A program a child exec'd (not ours to log), or an image after
         * one whose log broke. */
        munmap(map, RAW_HEADER_BYTES);
        return;
    }
    if (pthread_atfork(atfork_prepare, atfork_parent, atfork_child) != 0) {
        say("cannot register fork handlers; not logging", "", "");
        munmap(map, RAW_HEADER_BYTES);
        return;
    }
    pthread_mutex_lock(&logger.lock);
    logger.header = h;
    atomic_store(&logging, true);
    if (h->images > 0)
        log_put(RAW_EXEC, NULL, NULL, 0);
    h->images++;
    pthread_mutex_unlock(&logger.lock);
}

/* ---- Self-tests ------------------------------------------------------- */

static struct {
    bool bootstrap;
    void *a, *b, *c, *d;    /* bootstrap blocks */
} selftest;

static bool selftest_wants(const char *what)
{
    const char *list = getenv(RAW_SELFTEST_ENV);
    size_t len = strlen(what);
    while (list != NULL && *list != '\0') {
        if (strncmp(list, what, len) == 0 && (list[len] == ',' || list[len] == '\0'))
            return true;
        list = strchr(list, ',');
        if (list != NULL)
            list++;
    }
    return false;
}

/* Make the calls a C library whose dlsym allocates would make while the
 * real functions are being looked up. */
static void selftest_bootstrap_early(void)
{
    /* A failed lookup makes glibc allocate its error message. */
    (void)dlsym(RTLD_NEXT, "tracerec_selftest_no_such_function");
    (void)dlerror();
    selftest.a = malloc(100);
    if (selftest.a != NULL)
        memset(selftest.a, 'x', 100);
    selftest.b = calloc(10, 10);
    selftest.c = realloc(NULL, 50);
    selftest.c = realloc(selftest.c, 200);
    if (posix_memalign(&selftest.d, 64, 64) != 0)
        selftest.d = NULL;
}

/* Now that the real functions are known: move one bootstrap block to real
 * memory, free the others, and say whether their contents were right. */
static void selftest_bootstrap_late(void)
{
    bool ok = selftest.a != NULL && selftest.b != NULL && selftest.c != NULL
              && selftest.d != NULL && is_boot(selftest.a) && is_boot(selftest.d)
              && (uintptr_t)selftest.d % 64 == 0;
    for (size_t i = 0; ok && i < 100; i++)
        ok = ((unsigned char *)selftest.b)[i] == 0;
    void *moved = ok ? realloc(selftest.a, 4096) : NULL;
    ok = moved != NULL && !is_boot(moved);
    for (size_t i = 0; ok && i < 100; i++)
        ok = ((unsigned char *)moved)[i] == 'x';
    free(moved);
    free(selftest.b);
    free(selftest.c);
    free(selftest.d);
    char count[24];
    size_t n = atomic_load(&boot_calls), at = sizeof count - 1;
    count[at] = '\0';
    do {
        count[--at] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    say("selftest: bootstrap served ", count + at, ok ? " calls, contents ok" : " calls, FAILED");
}

/* ---- Start-up --------------------------------------------------------- */

/* Look up `name` in the libraries after this one; `fn` points at a
 * function pointer (memcpy, because ISO C has no cast from void *). */
static void resolve(void *fn, const char *name, bool required)
{
    void *sym = dlsym(RTLD_NEXT, name);
    if (sym == NULL && required) {
        say("cannot find the C library's '", name, "'");
        abort();
    }
    memcpy(fn, &sym, sizeof sym);
}

/* Make the real functions usable. Returns false if they are being looked
 * up right now (by this thread, through dlsym, or by another thread): the
 * caller then serves the call from the bootstrap buffer. */
static bool init(void)
{
    int state = INIT_NOT_STARTED;
    if (!atomic_compare_exchange_strong(&init_state, &state, INIT_RESOLVING))
        return state == INIT_READY;
    bool was_in_shim = in_shim;
    in_shim = true;
    selftest.bootstrap = selftest_wants("bootstrap");
    if (selftest.bootstrap)
        selftest_bootstrap_early();
    resolve(&real.malloc, "malloc", true);
    resolve(&real.calloc, "calloc", true);
    resolve(&real.realloc, "realloc", true);
    resolve(&real.free, "free", true);
    resolve(&real.posix_memalign, "posix_memalign", false);
    resolve(&real.aligned_alloc, "aligned_alloc", false);
    resolve(&real.memalign, "memalign", false);
    resolve(&real.valloc, "valloc", false);
    resolve(&real.pvalloc, "pvalloc", false);
    atomic_store(&init_state, INIT_READY);
    logger.selftest_recursion = selftest_wants("recursion");
    log_open();
    if (selftest.bootstrap)
        selftest_bootstrap_late();
    in_shim = was_in_shim;
    return true;
}

static bool ready(void)
{
    return atomic_load_explicit(&init_state, memory_order_acquire) == INIT_READY || init();
}

/* Whether this call should be logged: not the shim's own, and logging on. */
static bool should_log(void)
{
    return !in_shim && atomic_load_explicit(&logging, memory_order_relaxed);
}

__attribute__((constructor)) static void shim_start(void)
{
    (void)ready();
}

/* ---- The wrappers ----------------------------------------------------- */

/* The common tail of every allocating wrapper but realloc. */
static void *logged_alloc(void *p, size_t size)
{
    if (p != NULL)
        log_call(RAW_ALLOC, NULL, p, size);
    in_shim = false;
    return p;
}

void *malloc(size_t size)
{
    if (!ready())
        return boot_alloc(size, BOOT_SLOT);
    if (!should_log())
        return real.malloc(size);
    in_shim = true;
    return logged_alloc(real.malloc(size), size);
}

void *calloc(size_t nmemb, size_t size)
{
    if (!ready()) {
        if (size != 0 && nmemb > SIZE_MAX / size) {
            errno = ENOMEM;
            return NULL;
        }
        return boot_alloc(nmemb * size, BOOT_SLOT);
    }
    if (!should_log())
        return real.calloc(nmemb, size);
    in_shim = true;
    /* On overflow the real calloc fails, so the product is never logged. */
    return logged_alloc(real.calloc(nmemb, size), nmemb * size);
}

void free(void *p)
{
    if (p == NULL || is_boot(p))
        return;
    if (!ready())
        return;     /* not ours and no real free yet: leaking is all we can do */
    if (!should_log()) {
        real.free(p);
        return;
    }
    in_shim = true;
    log_call(RAW_FREE, p, NULL, 0);
    real.free(p);
    in_shim = false;
}

/* A realloc of a bootstrap block: copy it to a new block (real memory if
 * the real functions are known). Logged as the new block's allocation. */
static void *boot_realloc(void *p, size_t size)
{
    if (size == 0)
        return NULL;    /* like glibc: realloc(p, 0) frees p */
    size_t old = boot_size(p);
    void *q = ready() ? malloc(size) : boot_alloc(size, BOOT_SLOT);
    if (q != NULL)
        memcpy(q, p, old < size ? old : size);
    return q;
}

void *realloc(void *p, size_t size)
{
    if (is_boot(p))
        return boot_realloc(p, size);
    if (!ready())
        return p == NULL ? boot_alloc(size, BOOT_SLOT) : NULL;
    if (!should_log())
        return real.realloc(p, size);
    in_shim = true;
    int saved = errno;
    /* Held across the real call: once p is handed back inside realloc,
     * another thread may get it, and its allocation must be logged after
     * this realloc. */
    pthread_mutex_lock(&logger.lock);
    errno = saved;
    void *q = real.realloc(p, size);
    saved = errno;
    /* A NULL result frees p only for realloc(p, 0); otherwise p is intact. */
    if (atomic_load_explicit(&logging, memory_order_relaxed)
        && (q != NULL || (p != NULL && size == 0)))
        log_put(RAW_REALLOC, p, q, size);
    pthread_mutex_unlock(&logger.lock);
    errno = saved;
    in_shim = false;
    return q;
}

void *reallocarray(void *p, size_t nmemb, size_t size)
{
    if (size != 0 && nmemb > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, nmemb * size);
}

int posix_memalign(void **memptr, size_t alignment, size_t size)
{
    if (!ready()) {
        void *p = boot_alloc(size, alignment);
        if (p == NULL)
            return ENOMEM;
        *memptr = p;
        return 0;
    }
    if (real.posix_memalign == NULL)
        return ENOMEM;
    if (!should_log())
        return real.posix_memalign(memptr, alignment, size);
    in_shim = true;
    int err = real.posix_memalign(memptr, alignment, size);
    logged_alloc(err == 0 ? *memptr : NULL, size);
    return err;
}

/* The aligned family logs each request as its size: the alignment is the
 * replaying allocator's business. A function the C library lacks fails. */
static void *missing(void)
{
    errno = ENOMEM;
    return NULL;
}

void *aligned_alloc(size_t alignment, size_t size)
{
    if (!ready())
        return boot_alloc(size, alignment);
    if (real.aligned_alloc == NULL)
        return missing();
    if (!should_log())
        return real.aligned_alloc(alignment, size);
    in_shim = true;
    return logged_alloc(real.aligned_alloc(alignment, size), size);
}

void *memalign(size_t alignment, size_t size)
{
    if (!ready())
        return boot_alloc(size, alignment);
    if (real.memalign == NULL)
        return missing();
    if (!should_log())
        return real.memalign(alignment, size);
    in_shim = true;
    return logged_alloc(real.memalign(alignment, size), size);
}

void *valloc(size_t size)
{
    if (!ready())
        return boot_alloc(size, BOOT_PAGE);
    if (real.valloc == NULL)
        return missing();
    if (!should_log())
        return real.valloc(size);
    in_shim = true;
    return logged_alloc(real.valloc(size), size);
}

void *pvalloc(size_t size)
{
    if (!ready())
        return boot_alloc(size, BOOT_PAGE);
    if (real.pvalloc == NULL)
        return missing();
    if (!should_log())
        return real.pvalloc(size);
    in_shim = true;
    return logged_alloc(real.pvalloc(size), size);
}
