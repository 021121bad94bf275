# Makefile for the malloc lab.
#
#   make                  build mdriver, mdriver-dbg and the trace tools
# handout:instructor (lines from here to handout:end are not in the handout)
#   make test             run every test (ends with "N passed, N failed")
#   make SANITIZE=address,undefined test
#                         the same, built with sanitizers
#   make BITS=32 [test]   the whole lab built with -m32 (needs gcc-multilib)
#   make test-long        the tests, then a bounded fuzz run of the trace parser
#   make bench            the benchmark figures quoted in BENCHMARKS.md
#   make compare          the placement policies side by side: table and plots
#   make plots            the plots alone (plots/png/)
#   make fuzz             build the libFuzzer target (clang)
#   make handout STARTER=reference|skeleton|naive
#                         malloclab-handout.tar.gz, what a student gets
# handout:end
#   make traces           regenerate the synthetic traces (tools/traces.list)
#   make clean            remove everything the build made
#
# CC=clang works too; the code is clean under both with -Werror.

CC        ?= cc
# _FILE_OFFSET_BITS: files past 2 GiB (tracerec's raw log) in a 32-bit build too.
CPPFLAGS   = -I. -Idriver -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64
CFLAGS     = -std=c11 -Wall -Wextra -Wpedantic -Werror -g -MMD -MP $(OPT) $(SAN) $(ARCH) $(CFLAGS_EXTRA)
LDFLAGS    = $(SAN) $(ARCH) $(RELRO)
# Full RELRO: the table of library functions' addresses is read-only once
# the program starts, so mm.c cannot redirect the driver's calls (to the
# clock, say) by writing it; the sandbox lets it mprotect nothing else.
RELRO      = -Wl,-z,relro,-z,now
LDLIBS     = -lm
OPT        = -O2
DBGFLAGS   = -O0 -DDEBUG

# BITS=32 builds everything with -m32; empty or 64 is the native build.
ifeq ($(filter-out 32 64,$(BITS)),)
ARCH       = $(if $(filter 32,$(BITS)),-m32)
else
$(error BITS must be 32 or 64, not '$(BITS)')
endif

# Each compiler, word size and sanitizer setting builds its objects in a
# folder of its own (build/gcc/opt, build/gcc-m32/opt, build/clang/san,
# ...), so that they never mix.
SAN        = $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)
KIND      := $(notdir $(firstword $(CC)))$(ARCH)/$(if $(SANITIZE),san,opt)
B          = build/$(KIND)
D          = $(B)-dbg

# Every program links only its objects; build/flavor (below) is a
# prerequisite too, so that they are all relinked when CC, BITS or
# SANITIZE changes.
LINK       = $(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)
FLAVOR    := $(KIND):$(SANITIZE)
$(shell mkdir -p build && { [ "$$(cat build/flavor 2>/dev/null)" = '$(FLAVOR)' ] || \
        echo '$(FLAVOR)' > build/flavor; })

# The driver: mdriver.c wires together the parts in driver/. mm.c comes
# in as eras/eras.mk builds it for the interface it was written for
# (MM_OBJS: its object and the interface's adapter).
DRIVER_SRCS = $(wildcard driver/*.c)
LAB_SRCS    = mdriver.c $(DRIVER_SRCS) memlib.c

PROGRAMS    = mdriver mdriver-dbg

.PHONY: all test test-long bench clean print-objdir
.SECONDARY:
all: $(PROGRAMS)

include eras/eras.mk

mdriver: $(LAB_SRCS:%.c=$(B)/%.o) $(MM_OBJS:%=$(B)/%)
	$(LINK)

# The debug driver: no optimization, mm.c's assertions on, heap checked
# after every operation.
mdriver-dbg: $(LAB_SRCS:%.c=$(D)/%.o) $(MM_OBJS:%=$(D)/%)
	$(LINK)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(D)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DBGFLAGS) -c -o $@ $<

include tools/tools.mk
include viewer/viewer.mk
# handout:instructor
include tests/tests.mk
include tests/fuzz/fuzz.mk
include plots/plots.mk
include handout/handout.mk
# handout:end

$(PROGRAMS) $(TOOL_PROGRAMS) $(TOOL_LIBS) $(TEST_PROGRAMS) $(BROKEN_DRIVERS) tests/fuzz/replay_corpus: build/flavor

# The folder this build's objects go to (tools/grade asks for mm.o there).
print-objdir:
	@echo $(B)

# handout:instructor
# The benchmark figures quoted in BENCHMARKS.md.
bench: all
	sh bench/run.sh
# handout:end

clean:
	rm -rf build $(PROGRAMS) $(TOOL_PROGRAMS) $(TEST_PROGRAMS) $(CLEAN_EXTRA)

-include $(shell find build -name '*.d' 2>/dev/null)
