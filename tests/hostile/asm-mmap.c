/*
 * asm-mmap.c - layer 3 (the sandbox), and layer 2's machine-code check:
 * memory outside the heap from an mmap system call made with inline
 * assembly, which no symbol shows. Blocks of up to 64 bytes come from that
 * private memory, a pool the heap never pays for; a bump allocator with
 * its heap mostly empty would score an impossible utilization.
 */
#include "../broken/base.h"

static unsigned char *pool;     /* memory the heap does not count */
static size_t pool_used;        /* bytes */

static void *raw_mmap(size_t len)
{
    long ret = -1;
#if defined(__x86_64__)
    register long r10 __asm__("r10") = 0x22;    /* MAP_PRIVATE | MAP_ANONYMOUS */
    register long r8 __asm__("r8") = -1;
    register long r9 __asm__("r9") = 0;
    __asm__ volatile("syscall" : "=a"(ret)
                     : "0"(9L), "D"(0L), "S"((long)len), "d"(3L), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
#elif defined(__i386__)
    unsigned long args[6] = {0, len, 3, 0x22, (unsigned long)-1, 0};
    __asm__ volatile("int $0x80" : "=a"(ret) : "0"(90L), "b"(args) : "memory");
#endif
    return ret < 0 && ret > -4096 ? NULL : (void *)ret;
}

int mm_init(void)
{
    if (pool == NULL)
        pool = raw_mmap((size_t)64 << 20);
    pool_used = 0;
    return base_init();
}

void *mm_malloc(size_t size)
{
    if (pool != NULL && size <= 64 && pool_used + 80 <= ((size_t)64 << 20)) {
        unsigned char *p = pool + pool_used + BASE_HEADER;
        memcpy(p - BASE_HEADER, &size, sizeof size);
        pool_used += BASE_HEADER + 64;
        return p;
    }
    return base_malloc(size);
}

void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }
