# make handout: malloclab-handout.tar.gz, what a student needs and nothing
# of the instructor's. STARTER chooses the mm.c it carries:
#
#   reference   the lab's mm.c as it is
#   skeleton    mm.c with its solution parts cut out (handout/extract skeleton)
#   naive       a bump allocator (handout/mm-naive.c)
#
# In it: the top-level files (the Makefile, README.md and README.zh-CN.md
# made from the lab's own by their handout: markers, handout/extract;
# each guide's "What to edit" paragraph from handout/STARTER.md or
# handout/STARTER.zh-CN.md), the driver's
# sources, the viewer page's sources (-H), the other handouts' interfaces
# (eras/: a submission of another course builds unchanged), the traces,
# the trace tools' sources, tools/rulecheck and its lists (a student
# can run the check the grader runs: it holds no secret) and the grading
# profiles (the curves a course grades by are the student's to read too).
# Not in it: tests/, tools/grade, bench/, plots/, .ci/ and handout/.

STARTER      ?= reference
HANDOUT       = malloclab-handout.tar.gz
HANDOUT_ROOT  = build/handout
HANDOUT_DIR   = $(HANDOUT_ROOT)/malloclab-handout
HANDOUT_COPY  = mm.h memlib.c memlib.h mdriver.c config.h \
                $(wildcard driver/*.c driver/*.h) $(wildcard traces/*) \
                tools/tools.mk tools/traces.list tools/rulecheck \
                tools/tracegen.c tools/traceinfo.c tools/tracerec.c \
                tools/tracerec_shim.c tools/tracerec_raw.h tools/curve.c \
                tools/progbits.c tools/progbits.h $(wildcard tools/rules/*) \
                viewer/viewer.mk viewer/embed.c viewer/viewer.html \
                viewer/viewer.css viewer/viewer.js $(wildcard eras/*.mk eras/*.h eras/detect) \
                $(wildcard eras/*/adapter.c eras/*/include/*.h) \
                $(wildcard profiles/*.profile)
HANDOUT_MM_reference = cp mm.c
HANDOUT_MM_skeleton  = sh handout/extract skeleton < mm.c >
HANDOUT_MM_naive     = cp handout/mm-naive.c

.PHONY: handout
handout:
	@case '$(STARTER)' in reference|skeleton|naive) ;; \
	    *) echo "make handout: STARTER is reference, skeleton or naive, not '$(STARTER)'" >&2; \
	       exit 2 ;; esac
	rm -rf $(HANDOUT_ROOT)
	mkdir -p $(HANDOUT_DIR)
	tar -cf - $(HANDOUT_COPY) | tar -xf - -C $(HANDOUT_DIR)
	sh handout/extract makefile < Makefile > $(HANDOUT_DIR)/Makefile
	sh handout/extract readme handout/$(STARTER).md < README.md > $(HANDOUT_DIR)/README.md
	sh handout/extract readme handout/$(STARTER).zh-CN.md < README.zh-CN.md \
	    > $(HANDOUT_DIR)/README.zh-CN.md
	$(HANDOUT_MM_$(STARTER)) $(HANDOUT_DIR)/mm.c
	tar --sort=name --owner=0 --group=0 --numeric-owner -czf $(HANDOUT) \
	    -C $(HANDOUT_ROOT) malloclab-handout
	@echo "make handout: $(HANDOUT) ($(STARTER) mm.c)"

CLEAN_EXTRA += $(HANDOUT)
