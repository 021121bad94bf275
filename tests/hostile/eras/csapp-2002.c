/* csapp-2002.c - CS:APP's first handout: a global `team` struct, int
 * mm_init, mem_sbrk(int), the textbook's macros. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

typedef struct { char *teamname, *name1, *id1, *name2, *id2; } team_t;
team_t team = {"bumpers", "Ada", "ada@example.edu", "", ""};

void *mem_sbrk(int incr);
void *mem_heap_lo(void);
void *mem_heap_hi(void);

#define ALIGN(size) (((size) + 7) & ~0x7)
#define SIZE_T_SIZE (ALIGN(sizeof(size_t)))

int mm_init(void) { return 0; }

void *mm_malloc(size_t size)
{
    int newsize = (int)ALIGN(size + SIZE_T_SIZE);
    void *p = mem_sbrk(newsize);
    if (p == (void *)-1)
        return NULL;
    *(size_t *)p = size;
    return (char *)p + SIZE_T_SIZE;
}

void mm_free(void *ptr) { (void)ptr; }

void *mm_realloc(void *ptr, size_t size)
{
    void *newptr = mm_malloc(size);
    if (newptr == NULL || ptr == NULL)
        return newptr;
    size_t old = *(size_t *)((char *)ptr - SIZE_T_SIZE);
    memcpy(newptr, ptr, old < size ? old : size);
    return newptr;
}

int mm_check(void)
{
    assert(mem_heap_lo() <= mem_heap_hi());
    printf("heap %p-%p\n", mem_heap_lo(), mem_heap_hi());
    return 1;
}
