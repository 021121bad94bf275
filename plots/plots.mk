# The placement policies compared, in pictures (plots/README-section.md).
#
#   make plots      run first, next and best fit and libc on the default
#                   suite with -T, then draw plots/png/*.png with gnuplot
#   make compare    the same run with its per-trace table (-v), and the
#                   pictures when gnuplot is installed (a hint when it is not)
#
#   PLOT_TRACE=NAME   the trace (without .rep) of heap-over-time and heapmap
#   PLOT_POLICY=NAME  the policy of heapmap: first, next or best
#   PLOT_ARGS=...     more mdriver options, e.g. -f traces/uniform.rep
#   PLOT_DATA=DIR, PLOT_OUT=DIR   where the data and the pictures go
#
# The default trace and policy show fragmentation at its plainest: next
# fit's heap on realloc-grow-mix ends up about 7 times the size first fit needs.

GNUPLOT     ?= gnuplot
PLOT_DATA   ?= build/plots-data
PLOT_OUT    ?= plots/png
PLOT_TRACE  ?= realloc-grow-mix
PLOT_POLICY ?= next
PLOT_ARGS   ?=
PLOT_NAMES   = util throughput heap-over-time heapmap tradeoff breakdown

PLOT_RUN     = ./mdriver -p first,next,best -l -T $(PLOT_DATA) $(PLOT_ARGS)
GNUPLOT_HINT = install it with apt-get install gnuplot-nox (Debian, Ubuntu) or brew install gnuplot (macOS)
HAVE_GNUPLOT = command -v $(GNUPLOT) >/dev/null 2>&1

# Data files of an earlier run would otherwise be drawn as this run's.
CLEAN_PLOT_DATA = rm -f $(PLOT_DATA)/*.csv $(PLOT_DATA)/timeline/*.dat $(PLOT_DATA)/heapmap/*.dat

# One shell command line: check that the chosen trace was run, then draw
# each picture with its script.
DRAW_PLOTS = \
    if [ ! -f $(PLOT_DATA)/timeline/$(PLOT_TRACE).$(PLOT_POLICY).dat ]; then \
        echo "make: no data for trace '$(PLOT_TRACE)' under policy '$(PLOT_POLICY)' in $(PLOT_DATA):" \
             "PLOT_TRACE names a trace of the run, without .rep, and PLOT_POLICY first, next or best" >&2; \
        exit 1; \
    fi; \
    mkdir -p $(PLOT_OUT) && \
    for name in $(PLOT_NAMES); do \
        $(GNUPLOT) -e "data='$(PLOT_DATA)'; out='$(PLOT_OUT)/$$name.png'; trace='$(PLOT_TRACE)'; policy='$(PLOT_POLICY)'" \
            plots/$$name.gp || exit 1; \
        echo "wrote $(PLOT_OUT)/$$name.png"; \
    done

.PHONY: plots compare

# mdriver exits 1 when a trace failed a check: the table says which and
# the pictures show it, so drawing goes on. Any other failure stops make.
plots: mdriver
	@$(HAVE_GNUPLOT) || { echo "make plots: gnuplot is not installed; $(GNUPLOT_HINT)" >&2; exit 1; }
	@$(CLEAN_PLOT_DATA)
	$(PLOT_RUN) || [ $$? -eq 1 ]
	@$(DRAW_PLOTS)

compare: mdriver
	@$(CLEAN_PLOT_DATA)
	$(PLOT_RUN) -v || [ $$? -eq 1 ]
	@if $(HAVE_GNUPLOT); then $(DRAW_PLOTS); \
	else echo "make compare: no pictures, gnuplot is not installed; $(GNUPLOT_HINT)"; fi
