# Makefile for the malloc lab.
#
#   make                  build mdriver, mdriver-dbg and the trace tools
#   make test             run every test (ends with "N passed, N failed")
#   make SANITIZE=address,undefined test
#                         the same, built with sanitizers
#   make test-long        the tests, then a bounded fuzz run of the trace parser
#   make bench            the benchmark figures quoted in BENCHMARKS.md
#   make compare          the placement policies side by side: table and plots
#   make plots            the plots alone (plots/png/)
#   make traces           regenerate the synthetic traces (tools/traces.list)
#   make fuzz             build the libFuzzer target (clang)
#   make clean            remove everything the build made
#
# CC=clang works too; the code is clean under both with -Werror.

CC        ?= cc
CPPFLAGS   = -I. -Idriver -D_DEFAULT_SOURCE
CFLAGS     = -std=c11 -Wall -Wextra -Wpedantic -Werror -g -MMD -MP $(OPT) $(SAN) $(CFLAGS_EXTRA)
LDFLAGS    = $(SAN)
LDLIBS     = -lm
OPT        = -O2
DBGFLAGS   = -O0 -DDEBUG

# Each compiler and sanitizer setting builds its objects in a folder of
# its own (build/gcc/opt, build/clang/san, ...), so that they never mix.
SAN        = $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)
KIND      := $(notdir $(firstword $(CC)))/$(if $(SANITIZE),san,opt)
B          = build/$(KIND)
D          = $(B)-dbg

# Every program links only its objects; build/flavor (below) is a
# prerequisite too, so that they are all relinked when CC or SANITIZE
# changes.
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
include tests/tests.mk
include tests/fuzz/fuzz.mk
include plots/plots.mk

$(PROGRAMS) $(TOOL_PROGRAMS) $(TEST_PROGRAMS) $(BROKEN_DRIVERS) tests/fuzz/replay_corpus: build/flavor

# The folder this build's objects go to (tools/grade asks for mm.o there).
print-objdir:
	@echo $(B)

# The benchmark figures quoted in BENCHMARKS.md.
bench: all
	sh bench/run.sh

clean:
	rm -rf build $(PROGRAMS) $(TOOL_PROGRAMS) $(TEST_PROGRAMS) $(CLEAN_EXTRA)

-include $(shell find build -name '*.d' 2>/dev/null)
