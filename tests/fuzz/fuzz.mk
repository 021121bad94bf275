# Fuzzing the trace parser with tests/fuzz/fuzz_trace.c.
#
#   make fuzz                        build tests/fuzz/fuzz_trace (clang with libFuzzer)
#   make fuzz-run FUZZ_SECONDS=600   fuzz for that long (60 s unless told)
#   make test-long                   includes a 60-second fuzz run
#
# Not part of `make`. `make test` replays the seeds in tests/fuzz/corpus/
# and the crash regressions in tests/fuzz/crashes/ through the same checks,
# built with $(CC) and no libFuzzer: tests/fuzz/replay_corpus, run by
# tests/test_fuzz_corpus.sh.
#
# fuzz-run reads the committed corpus and writes what it finds to
# build/fuzz/corpus (kept between runs); a failing input is saved under
# build/fuzz/run-DATE/ and its path printed.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS   = -std=c11 -Wall -Wextra -Wpedantic -Werror -g -O1 -fno-omit-frame-pointer \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_OPTIONS  = -max_len=4096 -timeout=10 -dict=tests/fuzz/trace.dict -print_final_stats=1
FUZZ_DIR      = build/fuzz

.PHONY: fuzz fuzz-run
fuzz: tests/fuzz/fuzz_trace

tests/fuzz/fuzz_trace: tests/fuzz/fuzz_trace.c driver/trace.c driver/trace.h
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	    echo "make fuzz: '$(FUZZ_CC)' not found; the fuzz target needs clang with libFuzzer" \
	         "(apt-get install clang, or make fuzz FUZZ_CC=clang-NN)" >&2; exit 1; }
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -o $@ tests/fuzz/fuzz_trace.c driver/trace.c

fuzz-run: tests/fuzz/fuzz_trace
	@run=$(FUZZ_DIR)/run-$$(date +%Y%m%d-%H%M%S); \
	mkdir -p $(FUZZ_DIR)/corpus "$$run" || exit 1; \
	echo "tests/fuzz/fuzz_trace -max_total_time=$(FUZZ_SECONDS) $(FUZZ_OPTIONS) ..."; \
	tests/fuzz/fuzz_trace -max_total_time=$(FUZZ_SECONDS) $(FUZZ_OPTIONS) \
	    -artifact_prefix="$$run/" $(FUZZ_DIR)/corpus tests/fuzz/corpus tests/fuzz/crashes; \
	status=$$?; \
	if [ $$status -ne 0 ]; then \
	    for f in "$$run"/*; do \
	        [ -f "$$f" ] && echo "fuzz-run: failing input saved as $$f" >&2; \
	    done; \
	    echo "fuzz-run: minimize it (tests/fuzz/fuzz_trace -minimize_crash=1 -runs=100000 FILE)" \
	         "and add it to tests/fuzz/crashes/" >&2; \
	    exit 1; \
	fi; \
	rmdir "$$run" 2>/dev/null; true

test-long: fuzz-run

# The replay: the same file with a main() instead of libFuzzer.
$(B)/tests/fuzz/replay_corpus.o: tests/fuzz/fuzz_trace.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -DFUZZ_STANDALONE $(CFLAGS) -c -o $@ $<

tests/fuzz/replay_corpus: $(B)/tests/fuzz/replay_corpus.o $(B)/driver/trace.o
	$(LINK)

test: tests/fuzz/replay_corpus
CLEAN_EXTRA += tests/fuzz/fuzz_trace tests/fuzz/replay_corpus
