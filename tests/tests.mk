# The tests. `make test` builds and runs them all through tests/run.sh.
#
#   tests/test_*.c    a test program each, linked with the lab's objects
#   tests/test_*.sh   a test script each, run from the top folder

TEST_SOURCES  = $(wildcard tests/test_*.c)
TEST_PROGRAMS = $(TEST_SOURCES:%.c=%)
TEST_SCRIPTS  = $(wildcard tests/test_*.sh)
TEST_LIB_OBJS = $(B)/mm.o $(B)/memlib.o $(DRIVER_SRCS:%.c=$(B)/%.o)

tests/test_%: $(B)/tests/test_%.o $(TEST_LIB_OBJS)
	$(LINK)

# Sanitizer runtimes catch SIGSEGV themselves; the tests expect the faults
# that memlib and the driver are built to produce, so leave the signals to them.
test: all $(TEST_PROGRAMS)
	ASAN_OPTIONS=handle_segv=0:handle_sigbus=0:handle_abort=0:allow_user_segv_handler=1 \
	    sh tests/run.sh $(TEST_PROGRAMS) $(TEST_SCRIPTS)

# Broken allocators: tests/broken/NAME.c is a small mm.c with one planted
# bug; it is linked into its own driver, tests/broken/mdriver-NAME, which the
# driver tests run to see each bug caught with the right message.
BROKEN_SOURCES  = $(wildcard tests/broken/*.c)
BROKEN_DRIVERS  = $(BROKEN_SOURCES:tests/broken/%.c=tests/broken/mdriver-%)
LAB_DRIVER_OBJS = $(B)/mdriver.o $(DRIVER_SRCS:%.c=$(B)/%.o) $(B)/memlib.o

tests/broken/mdriver-%: $(B)/tests/broken/%.o $(LAB_DRIVER_OBJS)
	$(LINK)

test: $(BROKEN_DRIVERS)
CLEAN_EXTRA += $(BROKEN_DRIVERS)

# A correct explicit-list allocator whose mm_walk_heap reports next_free:
# the viewer's free-list arrows are tested with it (tests/test_viewer.sh).
tests/viewer/mdriver-explicit: $(B)/tests/viewer/explicit.o $(LAB_DRIVER_OBJS)
	$(LINK)

test: tests/viewer/mdriver-explicit
CLEAN_EXTRA += tests/viewer/mdriver-explicit
