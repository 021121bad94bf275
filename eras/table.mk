# table.mk - the eras' interfaces: one entry per handout a submission may
# have been written for. The build (eras/eras.mk), the detection
# (eras/detect), the rule check and the README's table read it; what each
# era's driver did at run time (alignment, heap limit, how its checker is
# read) is in that era's adapter, eras/ERA/adapter.c.
#
# Per era:
#   ERA.cflags    how its course compiled mm.c (a submission is compiled the
#                 way its course compiled it; warnings are not errors)
#   ERA.dbgflags  added for mdriver-dbg
#   ERA.renames   symbols of mm.o that the adapter stands in for: the build
#                 renames each NAME to era_NAME in the object it links
#                 (mm.o itself keeps the submission's names, for the rule
#                 check), and the adapter defines NAME the lab's way
#   ERA.defines   what an honest submission defines, beyond static symbols:
#                 the interface and the extras its handout asked for (the
#                 textbook's mm.c defined a mm_checkheap the CS:APP driver
#                 never called; any era's may define its own `verbose`)
#   ERA.uses      what it may call or read that the driver (through memlib
#                 or the adapter) provides
#   ERA.about     one line for the README and for messages

ERAS = native csapp csapp-noteam 15213-2013 15213-2014 15213-2016 15213-2019 psu-2022

# Names a course used for an era, accepted by make INTERFACE=...
ERA_ALIASES = pku:15213-2016 15213-2020:15213-2019 15213-2023:15213-2019

# The lab's own interface (mm.h): compiled with the lab's strict flags.
native.cflags   = $(CFLAGS)
native.dbgflags = $(DBGFLAGS)
native.renames  =
native.defines  = mm_init mm_malloc mm_free mm_realloc mm_calloc mm_checkheap \
                  mm_set_placement mm_walk_heap
native.uses     = mem_sbrk mem_heap_lo mem_heap_hi mem_heapsize mem_pagesize
native.about    = mm.h of this lab

# CS:APP self-study handout (2002, 3e): team_t, mem_sbrk(int), 8-byte
# alignment, 20 MB heap; gcc of its time (gnu89 inline).
csapp.cflags    = -std=gnu11 -fgnu89-inline -O2 -g -Wall
csapp.dbgflags  = -O0
csapp.renames   = mm_init mem_sbrk
csapp.defines   = mm_init mm_malloc mm_free mm_realloc team mm_checkheap
csapp.uses      = mem_sbrk mem_heap_lo mem_heap_hi mem_heapsize mem_pagesize verbose
csapp.about     = CS:APP handout of 2002 and the 3rd edition: team_t team, mem_sbrk(int)

# The same handout with team_t removed (as some courses hand it out).
csapp-noteam.cflags   = $(csapp.cflags)
csapp-noteam.dbgflags = $(csapp.dbgflags)
csapp-noteam.renames  = mm_init mem_sbrk
csapp-noteam.defines  = mm_init mm_malloc mm_free mm_realloc mm_checkheap
csapp-noteam.uses     = $(csapp.uses)
csapp-noteam.about    = CS:APP handout without team_t: four functions, mem_sbrk(int)

# CMU 15-213, 2013: malloc/free/... mapped to mm_* under -DDRIVER,
# contracts.h, void mm_checkheap(int verbose).
15213-2013.cflags   = -std=gnu99 -O2 -g -Wall -Wextra -DDRIVER
15213-2013.dbgflags = -O0 -DDEBUG
15213-2013.renames  = mm_init mem_sbrk mm_checkheap
15213-2013.defines  = mm_init mm_malloc mm_free mm_realloc mm_calloc mm_checkheap
15213-2013.uses     = mem_sbrk mem_heap_lo mem_heap_hi mem_heapsize mem_pagesize verbose
15213-2013.about    = CMU 15-213 of 2013: -DDRIVER, contracts.h, void mm_checkheap(int verbose)

# CMU 15-213, 2014: as 2013, with int mm_checkheap(int verbose).
15213-2014.cflags   = $(15213-2013.cflags)
15213-2014.dbgflags = $(15213-2013.dbgflags)
15213-2014.renames  = mm_init mem_sbrk mm_checkheap
15213-2014.defines  = $(15213-2013.defines)
15213-2014.uses     = $(15213-2013.uses)
15213-2014.about    = CMU 15-213 of 2014: -DDRIVER, contracts.h, int mm_checkheap(int verbose)

# CMU 15-213, 2015-16, and Peking University's ICS: void mm_checkheap(int lineno).
15213-2016.cflags   = -std=gnu99 -O3 -g -Wall -Wextra -DDRIVER
15213-2016.dbgflags = -O0 -DDEBUG
15213-2016.renames  = mm_init mem_sbrk mm_checkheap
15213-2016.defines  = $(15213-2013.defines)
15213-2016.uses     = $(15213-2013.uses)
15213-2016.about    = CMU 15-213 of 2015-16 and PKU: -DDRIVER, contracts.h, void mm_checkheap(int lineno)

# CMU 15-213 from 2017 on: bool mm_init, bool mm_checkheap(int), 16-byte
# alignment, mem_memset and mem_memcpy.
15213-2019.cflags   = -std=gnu11 -O3 -g -Wall -Wextra -DDRIVER
15213-2019.dbgflags = -O0 -DDEBUG
15213-2019.renames  = mm_init mm_checkheap
15213-2019.defines  = mm_init mm_malloc mm_free mm_realloc mm_calloc mm_checkheap
15213-2019.uses     = mem_sbrk mem_heap_lo mem_heap_hi mem_heapsize mem_pagesize \
                      mem_memset mem_memcpy mem_read mem_write verbose
15213-2019.about    = CMU 15-213 from 2017 on: bool mm_init, bool mm_checkheap(int), mem_memset

# Penn State CMPSC 473 (2022): as 15-213 of 2019, with memlib's functions
# under mm_ names (mm_sbrk, mm_heap_lo, mm_memcpy, ...).
psu-2022.cflags   = -std=gnu99 -O3 -g -Wall -Wextra -DDRIVER
psu-2022.dbgflags = -O0
psu-2022.renames  = mm_init mm_checkheap
psu-2022.defines  = $(15213-2019.defines)
psu-2022.uses     = mm_sbrk mm_heap_lo mm_heap_hi mm_heapsize mm_pagesize mm_memcpy \
                    mm_memset verbose
psu-2022.about    = Penn State CMPSC 473 of 2022: bool mm_init, mm_sbrk, mm_heap_lo, mm_memcpy
