/*
 * memlib.h as a submission for the CS:APP handout saw it: mem_sbrk takes
 * an int. Written for this lab (eras/table.mk). The lab's memlib stands
 * behind these functions; mem_sbrk reaches it through the era's adapter.
 */
#include <unistd.h>

void mem_init(void);
void mem_deinit(void);
void *mem_sbrk(int incr);
void mem_reset_brk(void);
void *mem_heap_lo(void);
void *mem_heap_hi(void);
size_t mem_heapsize(void);
size_t mem_pagesize(void);
