# eras.mk - mm.c built for the interface it was written for.
#
# The interface (an era of eras/table.mk) is, in this order:
#   make INTERFACE=NAME             forced on the command line
#   #define MM_INTERFACE "NAME"     forced in config.h
#   what eras/detect reads in mm.c  otherwise
# The lab's own ("native") compiles mm.c with the lab's flags and links it
# as it is. Another era's compiles it the way its course did, against the
# era's headers (eras/ERA/include), renames in a copy of its object the
# symbols the era's adapter stands in for (ERA.renames), and links that
# copy with the adapter. $(B)/mm.o is always the submission's object as it
# compiled, names unchanged: what tools/rulecheck reads.
#
#   make print-interface      the interface this build uses, and how it was chosen
#   make print-interface-symbols  what its mm.c may define and use (for the rule check)

include eras/table.mk

OBJCOPY ?= objcopy

ifneq ($(strip $(INTERFACE)),)
ERA_ASKED := $(strip $(INTERFACE))
ERA_HOW   := forced by make INTERFACE=$(ERA_ASKED)
else
ERA_FOUND := $(shell sh eras/detect -c config.h mm.c 2>/dev/null)
ERA_ASKED := $(word 1,$(ERA_FOUND))
ERA_HOW   := $(if $(filter config,$(word 2,$(ERA_FOUND))),forced by MM_INTERFACE in config.h,detected in mm.c)
endif
# A course's name for an era (ERA_ALIASES) stands for it.
ERA := $(firstword $(foreach a,$(ERA_ALIASES),$(if $(filter $(ERA_ASKED),$(firstword \
           $(subst :, ,$(a)))),$(lastword $(subst :, ,$(a))))) $(ERA_ASKED))

# The build's interface, remembered as build/flavor is: a change rebuilds
# mm.c's objects and the adapter.
$(shell mkdir -p build && { [ "$$(cat build/interface 2>/dev/null)" = '$(ERA) $(ERA_HOW)' ] || \
        echo '$(ERA) $(ERA_HOW)' > build/interface; })

# What every era's submission is compiled with besides its course's flags:
# the sanitizers, the word size the lab is built for (-m32 or -m64, where
# CFLAGS names one), and the dependency files.
ERA_COMMON = $(SAN) $(filter -m32 -m64,$(CFLAGS)) $(CFLAGS_EXTRA) -MMD -MP

# $(call era_compile,ERA,SOURCE,OBJECT,FLAGS): compile SOURCE as a
# submission for ERA. A copy starting with a #line directive is compiled,
# so that the era's headers, not the lab's beside mm.c, answer its
# #include "mm.h", while messages and the debugger still name SOURCE.
era_compile = mkdir -p $(dir $(3)) && \
    { printf '\#line 1 "%s"\n' '$(2)'; cat '$(2)'; } >$(3:.o=.era.c) && \
    $(CC) -Ieras/$(1)/include -I. $(4) $(ERA_COMMON) -c -o $(3) $(3:.o=.era.c)

# $(call era_rename,ERA,OBJECT,LINKED): the object to link.
era_rename = $(OBJCOPY) $(foreach s,$($(1).renames),--redefine-sym $(s)=era_$(s)) $(2) $(3)

# $(call era_defs,ERA,HOW): what an adapter is told.
era_defs = -DERA_NAME='"$(1)"' -DERA_ABOUT='"$($(1).about)"' -DERA_CHOSEN_BY='"$(2)"'

ifeq ($(ERA),native)
MM_OBJS = mm.o eras/native/adapter.o
else ifneq ($(filter $(ERA),$(ERAS)),)
MM_OBJS = mm.linked.o eras/$(ERA)/adapter.o

$(B)/mm.o: mm.c eras/table.mk build/interface
	$(call era_compile,$(ERA),mm.c,$@,$($(ERA).cflags))
$(D)/mm.o: mm.c eras/table.mk build/interface
	$(call era_compile,$(ERA),mm.c,$@,$($(ERA).cflags) $($(ERA).dbgflags))
$(B)/mm.linked.o $(D)/mm.linked.o: %/mm.linked.o: %/mm.o
	$(call era_rename,$(ERA),$<,$@)
else
# No interface: building mm.c says why, and how to choose one.
MM_OBJS = mm.o
$(B)/mm.o $(D)/mm.o: FORCE
	@if [ -n '$(ERA)' ]; then \
	    echo "make: no interface is called '$(ERA)'; the interfaces are: $(ERAS)" \
	         "(aliases: $(ERA_ALIASES))" >&2; \
	else \
	    sh eras/detect mm.c >/dev/null; \
	fi; exit 1
.PHONY: FORCE
FORCE:
endif

$(B)/eras/%/adapter.o $(D)/eras/%/adapter.o: CPPFLAGS += $(call era_defs,$(ERA),$(ERA_HOW))
$(B)/eras/$(ERA)/adapter.o $(D)/eras/$(ERA)/adapter.o: build/interface

.PHONY: print-interface print-interface-symbols
print-interface:
	@echo '$(or $(ERA),none) ($(if $(ERA),$(ERA_HOW),no interface fits mm.c))'

# For the rule check: what an honest mm.c of this interface defines, and
# what it may use that the lab provides (ERA.defines, ERA.uses).
print-interface-symbols:
	@echo 'defines: $($(ERA).defines)'
	@echo 'uses: $($(ERA).uses)'

# make era-driver SRC=FILE.c FOR=ERA OUT=PROGRAM: FILE.c built as a
# submission for interface ERA, into a driver of its own, PROGRAM (its
# objects beside it). The tests build each era's allocators this way; an
# instructor can too, to try a file for several eras at once.
.PHONY: era-driver
era-driver: $(LAB_SRCS:%.c=$(B)/%.o) build/flavor
	@[ -n '$(SRC)' ] && [ -n '$(FOR)' ] && [ -n '$(OUT)' ] || \
	    { echo "make: era-driver wants SRC=FILE.c FOR=ERA OUT=PROGRAM" >&2; exit 2; }
	@[ -n '$(filter $(FOR),$(ERAS))' ] || \
	    { echo "make: no interface is called '$(FOR)'; the interfaces are: $(ERAS)" >&2; exit 2; }
	$(call era_compile,$(FOR),$(SRC),$(OUT).o,$($(FOR).cflags))
	$(call era_rename,$(FOR),$(OUT).o,$(OUT).linked.o)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(call era_defs,$(FOR),built by make era-driver) \
	    -c -o $(OUT).adapter.o eras/$(FOR)/adapter.c
	$(CC) $(LDFLAGS) -o $(OUT) $(LAB_SRCS:%.c=$(B)/%.o) $(OUT).linked.o $(OUT).adapter.o $(LDLIBS)
