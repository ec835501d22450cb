# psmini: a PowerShell-compatible shell in C11.  GNU make, no autotools.
#   make            build ./psmini
#   make run        install deps, build, start the interactive shell
#   make test       install deps, build, run every fast test (last line: "N passed, N failed")
#   make asan       the same tests built with ASan + UBSan in build/asan
#   make test-slow  stress and soak tests
#   make fuzz       libFuzzer on the lexer and parser for 60 s (needs clang)
#   make bench      the benchmarks in bench/
#   make bench-jobs the job runtime benchmark (bench/jobs.sh)
PKGS     := readline libpcre2-8
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
WERROR   ?= -Werror
STD      := -std=c11
OPT      ?= -O2 -g
BUILD    ?= build
CC       ?= cc
SANITIZE ?=

HAVE_PKGS := $(shell pkg-config --exists $(PKGS) 2>/dev/null && echo yes)
# Plain 'make' stops with one line naming the packages; run/test/asan/test-slow install them first
# (through 'make deps') and build in a sub-make, so they work on a fresh machine.
SELF_DEPS := deps run test asan test-slow clean
ifneq ($(HAVE_PKGS),yes)
  ifeq ($(filter $(SELF_DEPS),$(MAKECMDGOALS)),)
    $(error missing libraries: install the Debian packages libreadline-dev libpcre2-dev pkg-config (or run 'make deps'))
  endif
endif

CPPFLAGS += -I. -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -MMD -MP $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CFLAGS   += $(STD) $(WARN) $(WERROR) $(OPT) $(SANITIZE)
LDFLAGS  += $(SANITIZE)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

LIB_SRC  := $(wildcard lexer/*.c parser/*.c runtime/*.c cmdlets/*.c jobs/*.c)
LIB_OBJ  := $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRC))
HOST_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard host/*.c))
LIB      := $(BUILD)/libpsmini.a
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
EXE      := $(if $(filter build,$(BUILD)),psmini,$(BUILD)/psmini)

.PHONY: all deps run test unit asan test-slow fuzz bench bench-engine bench-jobs clean
all: $(EXE) $(UNIT_BIN)

deps:
	@if pkg-config --exists $(PKGS) 2>/dev/null; then :; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y libreadline-dev libpcre2-dev pkg-config; fi

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The shell itself is linked statically (STATIC=-static): no dynamic loader and no symbol
# relocation at start-up, so `psmini -c exit` and every job process start about as fast as
# dash.  glibc warns that getpwuid & co. need its shared NSS modules at run time (the owner
# names of Get-ChildItem); that is fine on the machine that built it.  Sanitizer builds and
# the unit tests link dynamically.  `make STATIC=` turns it off.
STATIC ?= -static
EXE_LIBS := $(if $(STATIC),$(shell pkg-config --static --libs $(PKGS) 2>/dev/null) -lpthread -lm,$(LDLIBS))
$(EXE): $(HOST_OBJ) $(LIB)
	$(CC) $(LDFLAGS) $(STATIC) -o $@ $(HOST_OBJ) $(LIB) $(EXE_LIBS) 2>&1 | \
	  { grep -v -e 'statically linked applications requires at runtime' -e ': in function' || true; }
	@test -x $@

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

run: deps
	@$(MAKE) --no-print-directory all
	./$(EXE)

test: deps
	@$(MAKE) --no-print-directory all
	@PSMINI=./$(EXE) UNITDIR=$(BUILD)/tests sh tests/run-all.sh

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" STATIC= all
	@ASAN_OPTIONS=detect_leaks=1 PSMINI=build/asan/psmini UNITDIR=build/asan/tests sh tests/run-all.sh

test-slow: deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench/gen_script
	@PSMINI=./$(EXE) UNITDIR=$(BUILD)/tests GEN=$(BUILD)/bench/gen_script sh tests/run-slow.sh

# libFuzzer target (tests/fuzz/fuzz_parse.c) on the lexer and parser, with ASan and UBSan.
# FUZZ_DIR holds the binary and the growing corpus; crashes, hangs (-timeout) and blow-ups
# (-rss_limit_mb) are written there as crash-*/timeout-*/oom-* files.  FUZZ_ARGS adds options,
# e.g. make fuzz FUZZ_ARGS=-runs=5000000.
FUZZ_CC := clang
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SECONDS ?= 60
FUZZ_DIR ?= build/fuzz
FUZZ_ARGS ?=
FUZZ_SRC := tests/fuzz/fuzz_parse.c $(wildcard lexer/*.c parser/*.c) runtime/mem.c runtime/arena.c runtime/strbuf.c
$(FUZZ_DIR)/fuzz_parse: $(FUZZ_SRC)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(STD) $(WARN) -I. -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(FUZZ_FLAGS) -o $@ $^

fuzz: $(FUZZ_DIR)/fuzz_parse
	@mkdir -p $(FUZZ_DIR)/corpus
	cd $(FUZZ_DIR) && ASAN_OPTIONS=detect_leaks=1 ./fuzz_parse -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=4096 -timeout=10 -rss_limit_mb=2048 -dict=$(CURDIR)/tests/fuzz/ps.dict \
	  $(FUZZ_ARGS) corpus $(CURDIR)/tests/fuzz/seeds

# Parser benchmark: generator + timer built against the library, run by bench/run.sh.
$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

bench: $(BUILD)/bench/gen_script $(BUILD)/bench/parse_bench
	@BENCHDIR=$(BUILD)/bench sh bench/run.sh

bench-engine: $(EXE)
	@PSMINI=./$(EXE) sh bench/engine.sh

bench-jobs: $(EXE)
	@PSMINI=./$(EXE) sh bench/jobs.sh

clean:
	rm -rf build psmini

-include $(LIB_OBJ:.o=.d) $(HOST_OBJ:.o=.d)
