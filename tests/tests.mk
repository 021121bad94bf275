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
# A UBSan report in an allocator ends its process with abort(), which the
# driver names with the operation, rather than with a bare _exit(1).
test: all $(TEST_PROGRAMS)
	ASAN_OPTIONS=handle_segv=0:handle_sigbus=0:handle_abort=0:allow_user_segv_handler=1 \
	UBSAN_OPTIONS=abort_on_error=1 \
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

# Hostile allocators: tests/hostile/NAME.c attacks the grading, one class
# of attack each, or is an honest control that no protection may touch;
# each is linked into its own driver, tests/hostile/mdriver-NAME, as the
# broken ones are (tests/test_hostile.sh). The process-group test needs a
# driver without the sandbox, which would refuse the fork first: only
# driver/sandbox.c is built again, without it.
HOSTILE_SOURCES = $(wildcard tests/hostile/*.c)
HOSTILE_DRIVERS = $(HOSTILE_SOURCES:tests/hostile/%.c=tests/hostile/mdriver-%) \
                  tests/hostile/mdriver-fork-nosandbox

tests/hostile/mdriver-%: $(B)/tests/hostile/%.o $(LAB_DRIVER_OBJS)
	$(LINK)

$(B)/driver/sandbox-off.o: driver/sandbox.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -DMALLOCLAB_NO_SANDBOX -c -o $@ $<

tests/hostile/mdriver-fork-nosandbox: $(B)/tests/hostile/fork.o \
        $(filter-out $(B)/driver/sandbox.o,$(LAB_DRIVER_OBJS)) $(B)/driver/sandbox-off.o
	$(LINK)

# The slow allocator sleeps, a system call the sandbox rightly refuses to
# mm.c: its driver is built without the sandbox, to test the timing alone.
tests/broken/mdriver-slow: $(B)/tests/broken/slow.o \
        $(filter-out $(B)/driver/sandbox.o,$(LAB_DRIVER_OBJS)) $(B)/driver/sandbox-off.o
	$(LINK)

$(HOSTILE_DRIVERS): build/flavor
test: $(HOSTILE_DRIVERS)
CLEAN_EXTRA += $(HOSTILE_DRIVERS)

# A correct explicit-list allocator whose mm_walk_heap reports next_free:
# the viewer's free-list arrows are tested with it (tests/test_viewer.sh).
tests/viewer/mdriver-explicit: $(B)/tests/viewer/explicit.o $(LAB_DRIVER_OBJS)
	$(LINK)

test: tests/viewer/mdriver-explicit
CLEAN_EXTRA += tests/viewer/mdriver-explicit
