# dondoc — build, test, demo, install.
#
#   make            build ./dondoc
#   make demo       install missing packages, build, run the Bắc Ninh demo
#   make test       install missing packages, build, run every test
#                   (unit tests plain and under ASan+UBSan, then end-to-end,
#                   then every shipped jurisdiction's rule tests)
#   make install    PREFIX=/usr/local SYSCONFDIR=/etc DESTDIR=
#   make asan       the sanitizer build in build/asan/ (gcc)
#   make clang      the same with clang, in build/clang/

PREFIX  ?= /usr/local
SYSCONFDIR ?= /etc
DESTDIR ?=
PKGS     = lua5.4 sqlite3 libcurl jansson libcrypto libutf8proc xlsxwriter

CC      ?= cc
CFLAGS  ?= -O2 -g
# snprintf truncation is deliberate (bounded messages), so gcc's warning
# about it is off; clang has no such option (make CC=clang).
BASE_WARN = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
GCC_WARN  = $(BASE_WARN) -Wno-format-truncation
CC_IS_CLANG := $(findstring clang,$(shell $(CC) --version 2>/dev/null))
WARN      = $(if $(CC_IS_CLANG),$(BASE_WARN),$(GCC_WARN))
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm
TEST_LIBS  = $(shell pkg-config --libs cmocka 2>/dev/null)
SAN        = -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=all
# The same sanitized build with clang (make test runs both): each compiler
# warns about things the other does not.
CLANG     ?= clang
CLANG_WARN = $(BASE_WARN)

NOTIFIER_SRC = notifiers/email.c notifiers/smtp.c notifiers/webhook.c \
               notifiers/template.c
ENGINE_SRC = $(wildcard engine/*.c engine/report/*.c) $(NOTIFIER_SRC)
CLI_SRC    = $(wildcard cli/*.c)
GEN_SRC    = build/gen/prelude_lua.c
UNIT_SRC   = $(addprefix tests/unit/test_,$(addsuffix .c,\
             calendar lunar sandbox store rules evaluate remind outbox compose \
             email smtp webhook template utf8 import report ical ruletest))

# Two flavours of every object: plain (build/) and sanitized (build/asan/).
OBJ      = $(patsubst %.c,build/%.o,$(ENGINE_SRC)) build/gen/prelude_lua.o build/gen/ruletest_lua.o
ASAN_OBJ = $(patsubst %.c,build/asan/%.o,$(ENGINE_SRC)) build/asan/gen/prelude_lua.o build/asan/gen/ruletest_lua.o
CLI_OBJ  = $(patsubst %.c,build/%.o,$(CLI_SRC))
ASAN_CLI_OBJ = $(patsubst %.c,build/asan/%.o,$(CLI_SRC))
CLANG_OBJ = $(patsubst %.c,build/clang/%.o,$(ENGINE_SRC)) build/clang/gen/prelude_lua.o build/clang/gen/ruletest_lua.o
CLANG_CLI_OBJ = $(patsubst %.c,build/clang/%.o,$(CLI_SRC))
UNIT_BIN = $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRC))
ASAN_UNIT_BIN = $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))
CLANG_UNIT_BIN = $(patsubst tests/unit/%.c,build/clang/tests/%,$(UNIT_SRC))

.PHONY: all deps test-deps demo test unit unit-asan unit-clang e2e asan clang \
        install clean lint

all: dondoc

deps:
	@sh scripts/install-deps.sh

test-deps:
	@sh scripts/install-deps.sh --test

dondoc: $(OBJ) $(CLI_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

build/asan/dondoc: $(ASAN_OBJ) $(ASAN_CLI_OBJ)
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS)

asan: build/asan/dondoc

build/clang/dondoc: $(CLANG_OBJ) $(CLANG_CLI_OBJ)
	$(CLANG) $(CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS)

clang: build/clang/dondoc

# The rule-language prelude is Lua source compiled into the binary, so an
# installed dondoc needs no support files besides the rules themselves.
build/gen/prelude_lua.c: engine/prelude.lua scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh dondoc_prelude_lua $< > $@

# The rule-test language (docs/rules.md, "Rule tests"), embedded the same way.
build/gen/ruletest_lua.c: engine/ruletest.lua scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh dondoc_ruletest_lua $< > $@

build/asan/gen/ruletest_lua.o: build/gen/ruletest_lua.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) $(WARN) -c -o $@ $<

build/clang/gen/ruletest_lua.o: build/gen/ruletest_lua.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CFLAGS) $(SAN) $(CLANG_WARN) -c -o $@ $<

build/%.o: %.c $(wildcard engine/*.h engine/report/*.h notifiers/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -Iengine -Inotifiers -c -o $@ $<

build/asan/%.o: %.c $(wildcard engine/*.h engine/report/*.h notifiers/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) $(WARN) $(PKG_CFLAGS) -Iengine -Inotifiers -c -o $@ $<

build/clang/%.o: %.c $(wildcard engine/*.h engine/report/*.h notifiers/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CLANG) $(CFLAGS) $(SAN) $(CLANG_WARN) $(PKG_CFLAGS) -Iengine -Inotifiers -c -o $@ $<

build/clang/gen/prelude_lua.o: build/gen/prelude_lua.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CFLAGS) $(SAN) $(CLANG_WARN) -c -o $@ $<

build/asan/gen/prelude_lua.o: build/gen/prelude_lua.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) $(WARN) -c -o $@ $<

build/tests/%: tests/unit/%.c tests/unit/fixture.h $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -Iengine -Inotifiers -o $@ $< $(OBJ) $(PKG_LIBS) $(TEST_LIBS)

build/asan/tests/%: tests/unit/%.c tests/unit/fixture.h $(ASAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) $(WARN) $(PKG_CFLAGS) -Iengine -Inotifiers -o $@ $< $(ASAN_OBJ) $(PKG_LIBS) $(TEST_LIBS)

build/clang/tests/%: tests/unit/%.c tests/unit/fixture.h $(CLANG_OBJ)
	@mkdir -p $(dir $@)
	$(CLANG) $(CFLAGS) $(SAN) $(CLANG_WARN) $(PKG_CFLAGS) -Iengine -Inotifiers -o $@ $< $(CLANG_OBJ) $(PKG_LIBS) $(TEST_LIBS)

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; (cd tests/unit && ../../$$t); done

unit-asan: $(ASAN_UNIT_BIN)
	@set -e; for t in $(ASAN_UNIT_BIN); do echo "== $$t (asan+ubsan)"; \
	  (cd tests/unit && ASAN_OPTIONS=detect_leaks=1 ../../$$t); done

unit-clang: $(CLANG_UNIT_BIN)
	@set -e; for t in $(CLANG_UNIT_BIN); do echo "== $$t (clang asan+ubsan)"; \
	  (cd tests/unit && ASAN_OPTIONS=detect_leaks=1 ../../$$t); done

e2e: dondoc build/asan/dondoc build/clang/dondoc
	@sh tests/e2e/run.sh ./dondoc
	@echo "== end-to-end again under ASan+UBSan (gcc)"
	@sh tests/e2e/run.sh ./build/asan/dondoc
	@echo "== end-to-end again under ASan+UBSan (clang)"
	@sh tests/e2e/run.sh ./build/clang/dondoc

test: test-deps
	$(MAKE) all
	$(MAKE) unit
	$(MAKE) unit-asan
	$(MAKE) unit-clang
	$(MAKE) e2e
	$(MAKE) rules-test
	$(MAKE) bench-smoke

# Every shipped jurisdiction's rule tests (rules/*/tests/*.lua), each at 90%
# coverage or more (docs/rules.md, "Rule tests"): every folder of rules/ with
# a jurisdiction.lua, by path, so one shipped without tests fails (0%) and
# the templates are named and skipped; rules/law is not a jurisdiction.
.PHONY: rules-test
rules-test: dondoc
	./dondoc --config config/dondoc.lua rules test --coverage --min-coverage 90 \
	  $(patsubst %/jurisdiction.lua,%,$(wildcard rules/*/jurisdiction.lua))

demo: deps
	$(MAKE) all
	@sh scripts/demo.sh

# The installed config example points at the installed rules and templates
# and keeps its data under /var/lib/dondoc; $(SYSCONFDIR)/dondoc/dondoc.lua is
# written only when it does not exist yet (never overwrite a deployment).
SHARE = $(PREFIX)/share/dondoc
install: dondoc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SHARE)/templates \
	  $(DESTDIR)$(SYSCONFDIR)/dondoc
	install -m 755 dondoc $(DESTDIR)$(PREFIX)/bin/dondoc
	cp -R rules $(DESTDIR)$(SHARE)/
	install -m 644 notifiers/templates/*.lua $(DESTDIR)$(SHARE)/templates/
	sed -e 's|"\.\./rules"|"$(SHARE)/rules"|' \
	    -e 's|"\.\./var/dondoc.db"|"/var/lib/dondoc/dondoc.db"|' \
	    -e 's|"\.\./var/outbox"|"/var/lib/dondoc/outbox"|' \
	    -e '/^rules_dir/a templates_dir = "$(SHARE)/templates"' \
	    config/dondoc.lua > $(DESTDIR)$(SHARE)/dondoc.lua.example
	[ -e $(DESTDIR)$(SYSCONFDIR)/dondoc/dondoc.lua ] || \
	  install -m 644 $(DESTDIR)$(SHARE)/dondoc.lua.example \
	    $(DESTDIR)$(SYSCONFDIR)/dondoc/dondoc.lua

lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  -Iengine -Inotifiers engine notifiers cli

clean:
	rm -rf build dondoc var/*.db var/*.db-* var/demo

# make bench: what dondoc costs at national size, one table (bench/README.md).
# BENCH_SCALE="0.01 0.1 1" picks the sizes; make test runs only bench-smoke.
.PHONY: bench bench-smoke
bench: test-deps
	$(MAKE) all build/bench/receiver
	sh bench/bench.sh

# The smallest size, once, to show that make bench still works (make test).
bench-smoke: all build/bench/receiver
	BENCH_SCALE=0.01 BENCH_REPEAT=1 BENCH_WEBHOOKS=200 BENCH_EMAILS=20 BENCH_STRICT=1 sh bench/bench.sh > /dev/null

# make test: the evaluation half of the benchmark at its smallest size, to
# show it still runs (a failed check, report or import fails it; no timing
# is judged).
.PHONY: bench-smoke-eval
bench-smoke-eval: dondoc
	BENCH_SCALE=0.01 BENCH_REPEAT=1 BENCH_ONLY=data BENCH_STRICT=1 sh bench/bench.sh

build/bench/receiver: bench/receiver.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(WARN) -D_GNU_SOURCE -o $@ $< $(shell pkg-config --cflags --libs libcrypto)
