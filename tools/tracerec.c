/*
 * tracerec.c - record a real program's allocation calls as a trace.
 *
 *     tracerec -o out.rep [-n MAX_OPS] -- program [arg...]
 *     tracerec -f -o DIR [-P NAME] [-n MAX_OPS] -- program [arg...]
 *
 * Runs the program with tracerec_shim.so (found next to this binary) in
 * LD_PRELOAD. The shim logs every malloc, calloc, realloc, reallocarray,
 * free, posix_memalign, aligned_alloc, memalign, valloc and pvalloc call
 * of that one process to a raw log (tracerec_raw.h); once the program has
 * ended, tracerec maps addresses to ids and writes a CMU 15-213 trace:
 * weight 1, number of ids, number of ops, peak live payload bytes.
 *
 * How calls become operations:
 *   malloc(n), calloc(k, m), realloc(NULL, n)   a id n (n = k*m for calloc)
 *   the aligned family                          a id n: the alignment is dropped
 *   malloc(0)                                   a id 0: the parser accepts it
 *   realloc(p, n), n > 0                        r id n
 *   realloc(p, 0)                               f id (glibc frees p and returns
 *                                               NULL; a non-NULL result becomes
 *                                               a fresh "a id 0")
 *   free(p)                                     f id
 *   free(NULL), failed calls                    nothing
 * An id is the life of one block: a freed address that comes back later
 * gets a new id, and ids count up from 0 in order of allocation.
 *
 * Pointers the log never saw allocated ("unknown": allocated before the
 * shim started, or by a route it does not wrap): a free of one is dropped;
 * a realloc of one is recorded as a fresh allocation of the new size, since
 * the block's first size is not known.
 *
 * Fork children are not recorded (their own calls are another process's);
 * programs they exec neither. If the recorded process itself execs, the
 * blocks it had are freed at that point and recording goes on in the new
 * image. At the end, frees are appended for every block still live, so the
 * trace is balanced.
 *
 * -f follows children: every process of the run (each fork child, and
 * each program a process execs) is recorded to a trace of its own,
 * DIR/PROGRAM.PID.rep (PROGRAM.PID.N.rep for a process's N-th program of
 * that name). A fork child's frees of blocks its parent allocated are
 * frees of unknown pointers (dropped). -P NAME records only the processes
 * whose program is NAME (as called, or its file's name): `-P cc1` keeps
 * the compiler proper of a gcc run, not the gcc driver. -P implies -f.
 *
 * -n MAX_OPS bounds the whole trace, the closing frees included: the trace
 * ends before the first call that would take it past MAX_OPS, and the
 * blocks live then are freed. Calls after that point are dropped.
 *
 * Exit status: the program's (128 + N if a signal N killed it, which is
 * said on stderr; the trace is still written); 2 for a usage error; 125 if
 * tracerec itself failed (no trace written); 126 if the program could not
 * be run, 127 if it was not found.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "options.h"
#include "progbits.h"
#include "tracerec_raw.h"

/* Exit statuses of tracerec's own, after env(1)'s. */
enum {
    EXIT_USAGE = 2,         /* bad command line */
    EXIT_TOOL_FAILED = 125, /* tracerec could not record or write the trace */
    EXIT_CANNOT_RUN = 126,  /* the program exists but could not be run */
    EXIT_NOT_FOUND = 127,   /* the program was not found */
};

/* File name of the shim, looked for in the folder holding tracerec. */
static const char SHIM_NAME[] = "tracerec_shim.so";

/* Records the shim may store for each operation -n allows, beyond a fixed
 * allowance: calls the trace drops (frees of unknown pointers) need room
 * too, but the raw log of a long program should not grow without bound. */
static const uint64_t RAW_RECORDS_PER_OP = 4;
static const uint64_t RAW_RECORDS_SLACK = 65536;

/* The largest trace: ids are 32-bit in the driver's parser. */
static const uint64_t MAX_TRACE_OPS = UINT32_MAX;

/* ---- Options ---------------------------------------------------------- */

struct options {
    const char *out;        /* -o: the trace file (the folder with -f) */
    uint64_t max_ops;       /* -n: most operations in the trace */
    bool capped;            /* whether -n was given */
    bool follow;            /* -f: a trace per process */
    const char *only;       /* -P: only processes of this program */
    char **program;         /* the program and its arguments, NULL-terminated */
};

/* The options, their arguments and their help: usage is printed from this
 * table, and getopt's option string is built from it (options.h). */
static const struct option_spec option_table[] = {
    { 'o', "FILE", "write the trace to FILE (with -f: the folder to write the traces in)" },
    { 'f', NULL, "follow children: record every process of the run (fork and exec) to a trace "
      "of its own, FILE/PROGRAM.PID.rep" },
    { 'P', "NAME", "like -f, but only the processes whose program is NAME (cc1, python3)" },
    { 'n', "MAX_OPS", "end the trace once it holds MAX_OPS operations, closing frees included" },
    { 'h', NULL, "print this help and exit" },
};

static void print_exit_status(FILE *f)
{
    fprintf(f, "Exit status: PROGRAM's (128+N if killed by signal N); 2 for a usage\n"
               "error, 125 if tracerec failed, 126/127 if PROGRAM could not be run/found.\n");
}

static const struct command_line command_line = {
    .name = "tracerec",
    .options = option_table,
    .num_options = sizeof option_table / sizeof option_table[0],
    .required = "o",
    .operands = "-- PROGRAM [ARG...]",
    .about = "Run PROGRAM and record its allocation calls as a trace.",
    .epilogue = print_exit_status,
    .options_first = true,      /* PROGRAM's own options are not tracerec's */
};

/* Parse argv; exits on -h and on any error. */
static struct options parse_options(int argc, char **argv)
{
    char optstring[OPTSTRING_SIZE];
    options_getopt_string(&command_line, optstring);
    struct options o = { .max_ops = MAX_TRACE_OPS };
    int c;
    while ((c = getopt(argc, argv, optstring)) != -1) {
        switch (c) {
        case 'o':
            o.out = optarg;
            break;
        case 'f':
            o.follow = true;
            break;
        case 'P':
            if (optarg[0] == '\0' || strchr(optarg, '/') != NULL)
                exit(options_usage_error(&command_line, NULL, "-P needs a program's name "
                                         "such as cc1, not '%s'", optarg));
            o.only = optarg;
            o.follow = true;
            break;
        case 'n':
            if (!parse_unsigned(optarg, MAX_TRACE_OPS, &o.max_ops) || o.max_ops == 0)
                exit(options_usage_error(&command_line, NULL, "-n needs a number of operations "
                                         "from 1 to 4294967295, not '%s'", optarg));
            o.capped = true;
            break;
        case 'h':
            options_usage(stdout, &command_line, NULL);
            exit(0);
        case ':':
            exit(options_usage_error(&command_line, NULL, "option '-%c' needs an argument",
                                     optopt));
        default:
            exit(options_usage_error(&command_line, NULL, "unknown option '-%c'", optopt));
        }
    }
    if (o.out == NULL)
        exit(options_usage_error(&command_line, NULL, "missing -o FILE"));
    if (optind >= argc)
        exit(options_usage_error(&command_line, NULL, "no program to run"));
    o.program = argv + optind;
    return o;
}

/* ---- Small helpers ---------------------------------------------------- */

/* The temporary folder and raw log, removed on every way out. */
static char raw_dir[PATH_MAX];
static char raw_path[PATH_MAX];

static void remove_raw_log(void)
{
    if (raw_path[0] != '\0')
        unlink(raw_path);
    DIR *d = raw_dir[0] != '\0' ? opendir(raw_dir) : NULL;
    for (struct dirent *e; d != NULL && (e = readdir(d)) != NULL;) {
        char path[PATH_MAX];
        if (e->d_name[0] != '.' &&
            (size_t)snprintf(path, sizeof path, "%s/%s", raw_dir, e->d_name) < sizeof path)
            unlink(path);       /* the logs of -f */
    }
    if (d != NULL)
        closedir(d);
    if (raw_dir[0] != '\0')
        rmdir(raw_dir);
    raw_path[0] = raw_dir[0] = '\0';
}

/* Say what went wrong, clean up, and exit with EXIT_TOOL_FAILED. */
__attribute__((format(printf, 1, 2), noreturn))
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "tracerec: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    remove_raw_log();
    exit(EXIT_TOOL_FAILED);
}

/* Return `array`, holding *cap items of `size` bytes, grown to hold at
 * least `need`. */
static void *grow(void *array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return array;
    size_t n = *cap < 1024 ? 1024 : *cap;
    while (n < need)
        n *= 2;
    void *p = n <= SIZE_MAX / size ? realloc(array, n * size) : NULL;
    if (p == NULL)
        die("out of memory for %zu items", need);
    *cap = n;
    return p;
}

/* ---- The shim and the raw log ----------------------------------------- */

/* Path of the shim: the folder of this binary, then SHIM_NAME. */
static void find_shim(char *shim, size_t len)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0)
        die("cannot find tracerec's own path in '/proc/self/exe': %s", strerror(errno));
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    *(slash != NULL ? slash : exe) = '\0';
    if ((size_t)snprintf(shim, len, "%s/%s", exe, SHIM_NAME) >= len)
        die("path of the shim is too long: '%s/%s'", exe, SHIM_NAME);
    if (access(shim, R_OK) != 0)
        die("cannot find the shim '%s': %s", shim, strerror(errno));
    if (strpbrk(shim, " :\t\n") != NULL)
        die("cannot preload the shim '%s': LD_PRELOAD splits paths at spaces and colons", shim);
}

/* Make a fresh temporary folder for the raw logs. */
static void make_raw_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    if ((size_t)snprintf(raw_dir, sizeof raw_dir, "%s/tracerec.XXXXXX", tmp) >= sizeof raw_dir) {
        raw_dir[0] = '\0';
        die("temporary folder path too long: '%s'", tmp);
    }
    if (mkdtemp(raw_dir) == NULL) {
        int err = errno;
        raw_dir[0] = '\0';
        die("cannot make a temporary folder in '%s': %s", tmp, strerror(err));
    }
}

/* Create the raw log in a fresh temporary folder; return it open. */
static int make_raw_log(uint64_t max_records)
{
    make_raw_dir();
    if ((size_t)snprintf(raw_path, sizeof raw_path, "%s/raw.log", raw_dir) >= sizeof raw_path) {
        raw_path[0] = '\0';
        die("temporary folder path too long: '%s'", raw_dir);
    }
    int fd = open(raw_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        die("cannot create raw log '%s': %s", raw_path, strerror(errno));
    struct raw_header h = { .max_records = max_records };
    memcpy(h.magic, RAW_MAGIC, RAW_MAGIC_LEN);
    if (ftruncate(fd, RAW_HEADER_BYTES) != 0 || pwrite(fd, &h, sizeof h, 0) != (ssize_t)sizeof h)
        die("cannot write raw log '%s': %s", raw_path, strerror(errno));
    return fd;
}

/* ---- Running the program ---------------------------------------------- */

/* In the child: name this process in the raw log, preload the shim and
 * exec the program. Returns the errno that stopped it. */
static int exec_with_shim(char **program, const char *shim, int raw_fd)
{
    uint64_t me = (uint64_t)getpid();
    if (raw_fd >= 0 &&
        pwrite(raw_fd, &me, sizeof me, offsetof(struct raw_header, pid)) != (ssize_t)sizeof me)
        return errno != 0 ? errno : EIO;
    const char *old = getenv("LD_PRELOAD");
    bool both = old != NULL && old[0] != '\0';
    char preload[2 * PATH_MAX];
    if ((size_t)snprintf(preload, sizeof preload, "%s%s%s", shim, both ? ":" : "", both ? old : "")
        >= sizeof preload)
        return E2BIG;
    if (setenv("LD_PRELOAD", preload, 1) != 0 ||
        setenv(raw_fd >= 0 ? RAW_LOG_ENV : RAW_DIR_ENV, raw_fd >= 0 ? raw_path : raw_dir, 1) != 0)
        return errno;
    execvp(program[0], program);
    return errno;
}

/* Run the program with the shim preloaded; return its wait status. A
 * program that cannot be run ends tracerec here. */
static int run_program(char **program, const char *shim, int raw_fd)
{
    int report[2];  /* the child writes errno here if exec fails */
    if (pipe(report) != 0 || fcntl(report[1], F_SETFD, FD_CLOEXEC) != 0)
        die("cannot make a pipe: %s", strerror(errno));

    /* Like system(): a ^C is for the program; tracerec waits and writes
     * what was recorded. */
    struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);

    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        die("cannot fork: %s", strerror(errno));
    if (pid == 0) {
        close(report[0]);
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGQUIT, &old_quit, NULL);
        int err = exec_with_shim(program, shim, raw_fd);
        ssize_t unused = write(report[1], &err, sizeof err);
        (void)unused;
        _exit(err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN);
    }

    close(report[1]);
    int err = 0;
    ssize_t n;
    do
        n = read(report[0], &err, sizeof err);
    while (n < 0 && errno == EINTR);
    close(report[0]);

    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            die("cannot wait for '%s': %s", program[0], strerror(errno));
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);

    if (n == (ssize_t)sizeof err) {
        fprintf(stderr, "tracerec: cannot run '%s': %s\n", program[0], strerror(err));
        remove_raw_log();
        exit(err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN);
    }
    return status;
}

/* ---- Addresses to ids ------------------------------------------------- */

/* An open-addressing hash table from the address of each live block to its
 * id; linear probing, deletion by backward shift (no tombstones). Address 0
 * marks an empty slot: NULL is never live. */
struct addr_map {
    uint64_t *addrs;
    uint32_t *ids;
    size_t cap;     /* slots, a power of two */
    size_t used;
};

static size_t addr_slot(const struct addr_map *m, uint64_t addr)
{
    /* Fibonacci hashing: the low bits of addresses are mostly alignment. */
    return (size_t)((addr * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & (m->cap - 1);
}

static bool map_find(const struct addr_map *m, uint64_t addr, uint32_t *id)
{
    if (m->cap == 0)
        return false;
    for (size_t i = addr_slot(m, addr);; i = (i + 1) & (m->cap - 1)) {
        if (m->addrs[i] == 0)
            return false;
        if (m->addrs[i] == addr) {
            *id = m->ids[i];
            return true;
        }
    }
}

static void map_insert_slot(struct addr_map *m, uint64_t addr, uint32_t id)
{
    size_t i = addr_slot(m, addr);
    while (m->addrs[i] != 0)
        i = (i + 1) & (m->cap - 1);
    m->addrs[i] = addr;
    m->ids[i] = id;
    m->used++;
}

/* Add addr -> id; addr must not be in the map. */
static void map_put(struct addr_map *m, uint64_t addr, uint32_t id)
{
    if (2 * (m->used + 1) > m->cap) {
        struct addr_map old = *m;
        m->cap = old.cap == 0 ? 1024 : 2 * old.cap;
        m->addrs = calloc(m->cap, sizeof *m->addrs);
        m->ids = malloc(m->cap * sizeof *m->ids);
        if (m->addrs == NULL || m->ids == NULL)
            die("out of memory for %zu live blocks", m->used + 1);
        m->used = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.addrs[i] != 0)
                map_insert_slot(m, old.addrs[i], old.ids[i]);
        free(old.addrs);
        free(old.ids);
    }
    map_insert_slot(m, addr, id);
}

/* Remove addr, which must be in the map. */
static void map_remove(struct addr_map *m, uint64_t addr)
{
    size_t mask = m->cap - 1, i = addr_slot(m, addr);
    while (m->addrs[i] != addr)
        i = (i + 1) & mask;
    /* Shift back every later entry of the run that may no longer be
     * reachable from its home slot across the hole. */
    for (size_t j = (i + 1) & mask; m->addrs[j] != 0; j = (j + 1) & mask) {
        size_t home = addr_slot(m, m->addrs[j]);
        bool reachable = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (!reachable) {
            m->addrs[i] = m->addrs[j];
            m->ids[i] = m->ids[j];
            i = j;
        }
    }
    m->addrs[i] = 0;
    m->used--;
}

static void map_clear(struct addr_map *m)
{
    if (m->cap != 0)
        memset(m->addrs, 0, m->cap * sizeof *m->addrs);
    m->used = 0;
}

/* ---- Building the trace ----------------------------------------------- */

struct trace_line {
    uint64_t size;      /* bytes; 0 for a free */
    uint32_t id;
    char kind;          /* 'a', 'r' or 'f' */
};

struct block {
    uint64_t size;      /* bytes, as last allocated or reallocated */
    bool live;
};

struct recording {
    struct trace_line *ops;
    size_t num_ops, ops_cap;
    struct block *blocks;   /* by id */
    size_t num_ids, blocks_cap;
    struct addr_map map;    /* address -> id of each live block */
    size_t num_live;
    uint64_t live_bytes, peak_bytes;
    uint64_t max_ops;

    /* What became of the calls. */
    uint64_t calls;             /* records in the raw log, plus unstored */
    uint64_t unknown_frees;     /* dropped */
    uint64_t after_cap;         /* dropped */
    uint64_t unknown_reallocs;  /* recorded as allocations */
    uint64_t stale;             /* allocations of an address still live */
    uint64_t execs;
    uint64_t closing_frees;
    bool capped;                /* the -n cap ended the trace */
};

static void push_op(struct recording *r, char kind, uint32_t id, uint64_t size)
{
    r->ops = grow(r->ops, &r->ops_cap, r->num_ops + 1, sizeof *r->ops);
    r->ops[r->num_ops++] = (struct trace_line){ .size = size, .id = id, .kind = kind };
    if (r->live_bytes > r->peak_bytes)
        r->peak_bytes = r->live_bytes;
}

static void free_block(struct recording *r, uint32_t id)
{
    r->blocks[id].live = false;
    r->num_live--;
    r->live_bytes -= r->blocks[id].size;
    push_op(r, 'f', id, 0);
}

static void free_address(struct recording *r, uint64_t addr, uint32_t id)
{
    map_remove(&r->map, addr);
    free_block(r, id);
}

/* An address the log holds live came back from the allocator: a free the
 * shim did not see. Free its block first, so the trace stays valid. */
static void free_if_stale(struct recording *r, uint64_t addr)
{
    uint32_t id;
    if (map_find(&r->map, addr, &id)) {
        r->stale++;
        free_address(r, addr, id);
    }
}

static void alloc_block(struct recording *r, uint64_t addr, uint64_t size)
{
    free_if_stale(r, addr);
    r->blocks = grow(r->blocks, &r->blocks_cap, r->num_ids + 1, sizeof *r->blocks);
    uint32_t id = (uint32_t)r->num_ids++;
    r->blocks[id] = (struct block){ .size = size, .live = true };
    r->num_live++;
    r->live_bytes += size;
    map_put(&r->map, addr, id);
    push_op(r, 'a', id, size);
}

static void realloc_block(struct recording *r, uint64_t in, uint32_t id, uint64_t out, uint64_t size)
{
    map_remove(&r->map, in);
    if (out != in)
        free_if_stale(r, out);
    map_put(&r->map, out, id);
    r->live_bytes = r->live_bytes - r->blocks[id].size + size;
    r->blocks[id].size = size;
    push_op(r, 'r', id, size);
}

/* Free every live block, in id order; return how many. */
static uint64_t free_all(struct recording *r)
{
    uint64_t n = 0;
    for (uint32_t id = 0; id < r->num_ids && r->num_live > 0; id++)
        if (r->blocks[id].live) {
            free_block(r, id);
            n++;
        }
    map_clear(&r->map);
    return n;
}

static void recording_free(struct recording *r)
{
    free(r->ops);
    free(r->blocks);
    free(r->map.addrs);
    free(r->map.ids);
    *r = (struct recording){ 0 };
}

/* Operations plus live blocks that a record adds: the trace's length if it
 * ended right after it (each live block needs a closing free). */
static uint64_t record_cost(const struct recording *r, const struct raw_record *rec)
{
    uint32_t id;
    bool known = rec->in != 0 && map_find(&r->map, rec->in, &id);
    switch (rec->kind) {
    case RAW_ALLOC:
        return rec->out != 0 ? 2 : 0;
    case RAW_REALLOC:
        if (known && rec->size > 0)
            return rec->out != 0 ? 1 : 0;
        return rec->out != 0 ? 2 : 0;   /* a free (net 0), then maybe a fresh block */
    default:
        return 0;                       /* frees and execs shorten the tail */
    }
}

/* Turn one raw record into trace operations. */
static void add_record(struct recording *r, const struct raw_record *rec)
{
    uint32_t id;
    bool known = rec->in != 0 && map_find(&r->map, rec->in, &id);
    switch (rec->kind) {
    case RAW_ALLOC:
        if (rec->out != 0)
            alloc_block(r, rec->out, rec->size);
        break;
    case RAW_REALLOC:
        if (rec->in != 0 && rec->size == 0) {
            /* realloc(p, 0) freed p; a block it may have returned is new. */
            if (known)
                free_address(r, rec->in, id);
            else
                r->unknown_frees++;
            if (rec->out != 0)
                alloc_block(r, rec->out, 0);
        } else if (known) {
            if (rec->out != 0)
                realloc_block(r, rec->in, id, rec->out, rec->size);
        } else if (rec->out != 0) {
            if (rec->in != 0)
                r->unknown_reallocs++;
            alloc_block(r, rec->out, rec->size);
        }
        break;
    case RAW_FREE:
        if (known)
            free_address(r, rec->in, id);
        else
            r->unknown_frees++;
        break;
    case RAW_EXEC:
        r->execs++;
        free_all(r);
        break;
    default:
        die("raw log '%s' holds a record of unknown kind %" PRIu32, raw_path, rec->kind);
    }
}

/* Read the raw log into *r. Returns the header as the shim left it. */
static struct raw_header convert(int fd, struct recording *r)
{
    struct raw_header h;
    struct stat st;
    if (pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h || fstat(fd, &st) != 0)
        die("cannot read raw log '%s': %s", raw_path, strerror(errno));
    if (memcmp(h.magic, RAW_MAGIC, RAW_MAGIC_LEN) != 0)
        die("raw log '%s' was overwritten: bad magic", raw_path);
    uint64_t room = st.st_size > RAW_HEADER_BYTES
                    ? ((uint64_t)st.st_size - RAW_HEADER_BYTES) / sizeof(struct raw_record) : 0;
    if (h.count > room)
        die("raw log '%s' says %" PRIu64 " records but holds %" PRIu64, raw_path, h.count, room);
    r->calls = h.count + h.unstored;

    static struct raw_record buf[4096];
    uint64_t done = 0;
    while (done < h.count && !r->capped) {
        size_t want = h.count - done < 4096 ? (size_t)(h.count - done) : 4096;
        off_t at = (off_t)(RAW_HEADER_BYTES + done * sizeof(struct raw_record));
        ssize_t got = pread(fd, buf, want * sizeof buf[0], at);
        if (got != (ssize_t)(want * sizeof buf[0]))
            die("cannot read raw log '%s': %s", raw_path, got < 0 ? strerror(errno) : "short read");
        for (size_t i = 0; i < want; i++) {
            if (r->num_ops + r->num_live + record_cost(r, &buf[i]) > r->max_ops) {
                r->capped = true;
                r->after_cap = h.count - done - i;
                break;
            }
            add_record(r, &buf[i]);
        }
        done += want;
    }
    r->after_cap += h.unstored;
    r->closing_frees = free_all(r);
    return h;
}

/* ---- Writing and reporting -------------------------------------------- */

static void write_trace(const char *path, const struct recording *r)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        die("cannot open trace '%s': %s", path, strerror(errno));
    fprintf(f, "1\n%zu\n%zu\n%" PRIu64 "\n", r->num_ids, r->num_ops, r->peak_bytes);
    for (size_t i = 0; i < r->num_ops; i++) {
        const struct trace_line *op = &r->ops[i];
        if (op->kind == 'f')
            fprintf(f, "f %" PRIu32 "\n", op->id);
        else
            fprintf(f, "%c %" PRIu32 " %" PRIu64 "\n", op->kind, op->id, op->size);
    }
    bool failed = ferror(f) != 0;
    int err = errno;
    if (fclose(f) != 0 && !failed) {
        failed = true;
        err = errno;
    }
    if (failed) {
        remove(path);
        die("cannot write trace '%s': %s", path, strerror(err));
    }
}

/* "1 free" or "2 frees". */
static const char *plural(uint64_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* Why a program logged nothing, on stderr: built for another word size
 * than tracerec (its shim cannot be preloaded then), or out of
 * LD_PRELOAD's reach. */
static void explain_nothing_logged(const char *program)
{
    char interp[PATH_MAX];
    int bits = program_bits(program, interp, sizeof interp), own = (int)sizeof(void *) * 8;
    if (bits != 0 && bits != own)
        fprintf(stderr, "tracerec: warning: nothing was logged: '%s'%s%s%s is a %d-bit program "
                "and this tracerec is %d-bit, so its shim cannot be preloaded into it; record "
                "it with the tracerec of a %d-bit build (make BITS=%d)\n", program,
                interp[0] ? " runs '" : "", interp, interp[0] ? "', which" : "", bits, own,
                bits, bits);
    else
        fprintf(stderr, "tracerec: warning: nothing was logged: '%s' may be static or setuid, "
                "which LD_PRELOAD does not reach\n", program);
}

/* What became of the calls of `program`, recorded to `out`. */
static void report(const char *program, const char *out, const struct recording *r,
                   const struct raw_header *h)
{
    fprintf(stderr, "tracerec: recorded %zu operations (%" PRIu64 " closing frees) on %zu ids, "
            "peak %" PRIu64 " bytes, to '%s'\n",
            r->num_ops, r->closing_frees, r->num_ids, r->peak_bytes, out);
    uint64_t dropped = r->unknown_frees + r->after_cap;
    fprintf(stderr, "tracerec: dropped %" PRIu64 " of %" PRIu64 " calls", dropped, r->calls);
    const char *sep = " (";
    if (r->unknown_frees > 0) {
        fprintf(stderr, "%s%" PRIu64 " %s of unknown pointers", sep, r->unknown_frees,
                plural(r->unknown_frees, "free", "frees"));
        sep = ", ";
    }
    if (r->after_cap > 0)
        fprintf(stderr, "%s%" PRIu64 " after the %s", sep, r->after_cap,
                r->capped ? "-n cap" : "raw log's limit");
    fprintf(stderr, "%s\n", dropped > 0 ? ")" : "");
    if (r->unknown_reallocs > 0)
        fprintf(stderr, "tracerec: %" PRIu64 " %s of unknown pointers recorded as allocations\n",
                r->unknown_reallocs, plural(r->unknown_reallocs, "realloc", "reallocs"));
    if (r->execs > 0)
        fprintf(stderr, "tracerec: '%s' called exec %" PRIu64 " %s; the blocks live then were "
                "freed there\n", program, r->execs, plural(r->execs, "time", "times"));
    if (r->stale > 0)
        fprintf(stderr, "tracerec: warning: %" PRIu64 " %s returned an address still live in the "
                "log (freed by a call the shim did not see); it was freed first\n",
                r->stale, plural(r->stale, "allocation", "allocations"));
    if (h->error != 0)
        fprintf(stderr, "tracerec: warning: the raw log stopped early: %s; the trace ends there\n",
                strerror(h->error));
    if (h->images == 0)
        explain_nothing_logged(program);
}

/* -f: the log of each process, raw_dir/PID.N.log, in the order of the
 * names (scandir's), each to the trace DIR/PROGRAM.PID.rep. */
static void convert_followed(const struct options *o)
{
    if (mkdir(o->out, 0777) != 0 && errno != EEXIST)
        die("cannot make the folder '%s': %s", o->out, strerror(errno));
    struct dirent **logs;
    int n = scandir(raw_dir, &logs, NULL, alphasort);
    if (n < 0)
        die("cannot read the folder '%s': %s", raw_dir, strerror(errno));
    int written = 0;
    for (int i = 0; i < n; i++) {
        const char *name = logs[i]->d_name;
        size_t len = strlen(name);
        if (len < 5 || strcmp(name + len - 4, ".log") != 0)
            continue;
        if ((size_t)snprintf(raw_path, sizeof raw_path, "%s/%s", raw_dir, name) >= sizeof raw_path)
            die("temporary folder path too long: '%s'", raw_dir);
        int fd = open(raw_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            die("cannot open raw log '%s': %s", raw_path, strerror(errno));
        struct recording r = { .max_ops = o->max_ops };
        struct raw_header h = convert(fd, &r);
        close(fd);
        char program[RAW_PROGRAM_MAX + 1] = "";
        memcpy(program, h.program, RAW_PROGRAM_MAX);
        if (program[0] == '\0' || program[0] == '.')
            snprintf(program, sizeof program, "process");
        char out[PATH_MAX];
        int taken = 0;      /* PROGRAM.PID.rep, then PROGRAM.PID.2.rep, ... */
        do {
            if (taken++ == 0)
                snprintf(out, sizeof out, "%s/%s.%" PRIu64 ".rep", o->out, program, h.pid);
            else
                snprintf(out, sizeof out, "%s/%s.%" PRIu64 ".%d.rep", o->out, program, h.pid,
                         taken);
        } while (access(out, F_OK) == 0 && taken < 1000);
        write_trace(out, &r);
        report(program, out, &r, &h);
        recording_free(&r);
        unlink(raw_path);
        written++;
    }
    for (int i = 0; i < n; i++)
        free(logs[i]);
    free(logs);
    raw_path[0] = '\0';
    if (written == 0)
        fprintf(stderr, "tracerec: warning: no process was recorded%s%s%s\n",
                o->only ? ": none ran a program named '" : "", o->only ? o->only : "",
                o->only ? "'" : "");
}

int main(int argc, char **argv)
{
    struct options o = parse_options(argc, argv);
    char shim[PATH_MAX];
    find_shim(shim, sizeof shim);

    uint64_t max_records = o.capped ? o.max_ops * RAW_RECORDS_PER_OP + RAW_RECORDS_SLACK : 0;
    int status;
    if (o.follow) {
        make_raw_dir();
        char max[24];
        snprintf(max, sizeof max, "%" PRIu64, max_records);
        if (setenv(RAW_MAX_ENV, max, 1) != 0 ||
            (o.only != NULL ? setenv(RAW_ONLY_ENV, o.only, 1) : unsetenv(RAW_ONLY_ENV)) != 0)
            die("cannot set the environment: %s", strerror(errno));
        status = run_program(o.program, shim, -1);
        convert_followed(&o);
        remove_raw_log();
    } else {
        int raw_fd = make_raw_log(max_records);
        status = run_program(o.program, shim, raw_fd);
        struct recording r = { .max_ops = o.max_ops };
        struct raw_header h = convert(raw_fd, &r);
        close(raw_fd);
        remove_raw_log();
        write_trace(o.out, &r);
        report(o.program[0], o.out, &r, &h);
        recording_free(&r);
    }

    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        fprintf(stderr, "tracerec: '%s' was killed by signal %d (%s)\n", o.program[0], sig, strsignal(sig));
        return 128 + sig;
    }
    return WEXITSTATUS(status);
}
