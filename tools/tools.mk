# The trace tools, built by `make` alongside the driver.
# Each tool that reads traces links the driver's one parser, driver/trace.c;
# every tool links driver/options.c, which makes its getopt string and its
# usage from its table of options.

TOOL_PROGRAMS = tools/tracegen tools/tracerec tools/traceinfo tools/curve

all: $(TOOL_PROGRAMS)

# tracegen writes traces and reads none: of the driver, it needs the options only.
tools/tracegen: $(B)/tools/tracegen.o $(B)/driver/options.o
	$(LINK)

# `make traces` regenerates the synthetic traces in traces/ from
# tools/traces.list, the one list of their exact commands (lines of
# "FILE TRACEGEN-ARGUMENTS"; tests/test_tracegen.sh reads it too).
.PHONY: traces
traces: tools/tracegen
	@sed 's/#.*//' tools/traces.list | while read -r name args; do \
	    [ -n "$$name" ] || continue; \
	    echo "tools/tracegen $$args -o traces/$$name"; \
	    tools/tracegen $$args -o "traces/$$name" || exit 1; \
	done

# traceinfo reads traces: it links the driver's parser.
tools/traceinfo: $(B)/tools/traceinfo.o $(B)/driver/trace.o $(B)/driver/options.o
	$(LINK)

# tracerec runs a program with tracerec_shim.so preloaded; it looks for the
# shim next to itself. The shim is built without sanitizers whatever
# SANITIZE says: a sanitized library cannot be preloaded into a program
# that is not.
TOOL_LIBS    = tools/tracerec_shim.so
SHIM_CFLAGS  = $(filter-out $(SAN),$(CFLAGS)) -fPIC
CLEAN_EXTRA += $(TOOL_LIBS)

all: $(TOOL_LIBS)

tools/tracerec: $(B)/tools/tracerec.o $(B)/tools/progbits.o $(B)/driver/options.o | $(TOOL_LIBS)
	$(LINK)

$(B)/tools/tracerec_shim.pic.o: tools/tracerec_shim.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(SHIM_CFLAGS) -c -o $@ $<

tools/tracerec_shim.so: $(B)/tools/tracerec_shim.pic.o
	$(CC) $(ARCH) -shared -o $@ $(filter %.o,$^) -ldl -pthread

# curve reads grading profiles: it links the driver's one profile parser
# (tools/grade uses it for the class picture and to check a profile first).
tools/curve: $(B)/tools/curve.o $(B)/driver/profile.o $(B)/driver/options.o
	$(LINK)
