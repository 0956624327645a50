# 议事厅 (yishiting) — plain Makefile.
#   make            build ./yishiting
#   make run        build and open the demo community
#   make check      build, then run every test (also under ASan/UBSan)
#   make bench      benchmarks (speed and memory; not tests)
#   make fuzz       the fuzz targets under libFuzzer (clang), FUZZ_SECONDS each
#                   (FUZZ_TARGETS="text db" some of them, FUZZ_RUNS=N at most N runs)
#   make man        the manual page, build/yishiting.1 (man -l build/yishiting.1)
#   make install    binary and manual page under $(DESTDIR)$(PREFIX)
#   make uninstall  remove them again
#   make deb        a Debian package, build/yishiting_VERSION_ARCH.deb
#
# The libraries' flags come from pkg-config, and pkg-config can only answer
# once the libraries are installed.  So the flags live in build/config.mk,
# which make builds first (tools/deps.sh installs what is missing, as root,
# or prints the one apt-get command) and then reads: GNU make starts over
# after it has remade an included makefile, so the very first `make run` on
# a fresh machine compiles with the right flags.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
MAN1DIR  = $(MANDIR)/man1
CC      ?= cc
PKGS     = ncursesw sqlite3 uuid pangocairo fontconfig libcrypto libzip libxml-2.0 xlsxwriter libjpeg
VERSION := $(shell sed -n 's/^\#define YS_VERSION "\(.*\)"/\1/p' src/cli/version.h)

.DEFAULT_GOAL := all

# goals that need neither the libraries nor their flags
NOCONFIG = clean uninstall deps help
ifneq ($(filter-out $(NOCONFIG),$(or $(MAKECMDGOALS),all)),)
include build/config.mk
endif

build/config.mk: tools/deps.sh Makefile
	@sh tools/deps.sh
	@mkdir -p build
	@{ printf 'PKG_CFLAGS := %s\n' "$$(pkg-config --cflags $(PKGS))"; \
	   printf 'PKG_LIBS := %s\n' "$$(pkg-config --libs $(PKGS))"; } > $@.tmp
	@mv $@.tmp $@

WARN     = -Wall -Wextra -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes
ifdef CI
WARN    += -Werror
endif
CFLAGS  ?= -O2 -g
# pkg-config's feature macros would fight ours
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED \
	$(WARN) $(CFLAGS) -Iinclude -Ibuild/gen \
	$(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(PKG_CFLAGS)) -MMD -MP
LDLIBS   = $(PKG_LIBS) -lm
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# the layers, lowest first (see README.md, "Layout")
LAYERS   = base model store ops paper out demo in ui cli
SRC      = $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
# the programs' main()s: the program, and the tool that writes its manual
MAIN     = src/cli/main.c src/cli/mangen.c
LIB_SRC  = $(filter-out $(MAIN),$(SRC))
GEN      = build/gen/embed.c
OBJ      = $(patsubst src/%.c,build/obj/%.o,$(LIB_SRC)) build/obj/gen/embed.o
AOBJ     = $(patsubst src/%.c,build/asan/%.o,$(LIB_SRC)) build/asan/gen/embed.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,build/obj/%,$(UNIT_SRC))
UNIT_ABIN= $(patsubst tests/unit/%.c,build/asan/%,$(UNIT_SRC))
FIXTURE  = $(wildcard tests/unit/fixture.c)
FIXTURE_OBJ  = $(FIXTURE:tests/unit/%.c=build/obj/tests/%.o)
FIXTURE_AOBJ = $(FIXTURE:tests/unit/%.c=build/asan/tests/%.o)
EMBED_IN = $(sort $(wildcard data/migrations/*.sql)) $(sort $(wildcard data/demo/*.tsv))

.PHONY: all run check test bench deps clean install uninstall asan deb man help

all: yishiting build/yishiting.1

help:
	@sed -n '2,9p' Makefile | sed 's/^# *//'

deps:
	@sh tools/deps.sh

yishiting: build/obj/cli/main.o $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

build/obj/%.o: src/%.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

$(GEN): tools/embed.sh $(EMBED_IN)
	@mkdir -p $(@D)
	sh tools/embed.sh $(EMBED_IN) > $@.tmp && mv $@.tmp $@

build/obj/gen/embed.o: $(GEN)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/gen/embed.o: $(GEN)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

build/asan/yishiting: build/asan/cli/main.o $(AOBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $(filter %.o,$^) $(LDLIBS)

# unit tests: each test file and the shared fixtures compile to their own
# objects, so the dependency files name exactly the headers each one uses
# keep them: they are not throwaway steps, the next build reuses them
.PRECIOUS: build/obj/tests/%.o build/asan/tests/%.o

build/obj/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@ $<

build/asan/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -Itests/unit -c -o $@ $<

build/obj/test_%: build/obj/tests/test_%.o $(FIXTURE_OBJ) $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

build/asan/test_%: build/asan/tests/test_%.o $(FIXTURE_AOBJ) $(AOBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $(filter %.o,$^) $(LDLIBS)

# (a prerequisite list is read where it stands: the fuzz targets' list
# must come before it)
FUZZ_SRC  = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_ABIN = $(patsubst tests/fuzz/%.c,build/asan/%,$(FUZZ_SRC))
asan: build/asan/yishiting $(UNIT_ABIN) $(FUZZ_ABIN)

# ---- fuzz targets (tests/fuzz/fuzz_*.c): `make check` runs each one's
# corpus under the sanitizers (build/asan/fuzz_*, with run_corpus.c for a
# main); `make fuzz` builds them with clang's libFuzzer and lets each one
# search for FUZZ_SECONDS.  clang needs its own objects: build/fuzz/.
FUZZ_BIN  = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
FOBJ      = $(patsubst src/%.c,build/fuzz/obj/%.o,$(LIB_SRC)) build/fuzz/obj/gen/embed.o
FUZZ_CC   = clang
FUZZ_FLAGS = -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
FUZZ_RUNS ?=
.PRECIOUS: build/fuzz/obj/%.o build/fuzz/obj/gen/%.o

build/asan/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/run_corpus.c $(AOBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/run_corpus.c $(AOBJ) $(LDLIBS)

build/fuzz/obj/%.o: src/%.c build/config.mk | $(GEN)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(filter-out -MMD -MP -Werror,$(ALL_CFLAGS)) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(FUZZ_COV) -c -o $@ $<

# the character tables' binary search runs for every character of every
# input: traced comparisons there would cost half of each run and tell
# libFuzzer nothing the edges do not
build/fuzz/obj/base/text.o: FUZZ_COV = -fno-sanitize-coverage=trace-cmp

build/fuzz/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(filter-out -MMD -MP -Werror,$(ALL_CFLAGS)) $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FOBJ)
	$(FUZZ_CC) $(filter-out -MMD -MP -Werror,$(ALL_CFLAGS)) $(FUZZ_FLAGS) -fsanitize=fuzzer \
		-o $@ $< $(FOBJ) $(LDLIBS)

fuzz: yishiting
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@FUZZ_RUNS=$(FUZZ_RUNS) sh tests/fuzz/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# the demo community for `make run` (written once; delete it to start over)
build/demo.db: | yishiting
	./yishiting demo --db $@

run: yishiting build/demo.db
	./yishiting --db build/demo.db

check: all asan $(UNIT_BIN)
	@sh tools/deps.sh test
	@sh tests/run.sh

test: check

build/bench: tests/bench/bench.c $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(OBJ) $(LDLIBS)

# the pseudo-terminal driver and the SQL trace the whole-program part of
# the bench uses (tests/bench/keys.c, tests/bench/sqltrace.c)
build/bench-keys: tests/bench/keys.c build/config.mk
	$(CC) $(ALL_CFLAGS) -o $@ $< -lutil

build/sqltrace.so: tests/bench/sqltrace.c build/config.mk
	$(CC) $(ALL_CFLAGS) -shared -fPIC -o $@ $< $(shell pkg-config --libs sqlite3) -ldl

bench: all build/bench build/bench-keys build/sqltrace.so
	@sh tests/bench.sh

# ---- the manual page: the prose of data/man/ and the command line's tables
# (build/mangen links the program's objects: the key table comes from the
# screens).  Its date: SOURCE_DATE_EPOCH, else the last commit, else today.
MAN_DATE := $(shell d=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)}; \
	date -u $${d:+-d @$$d} +%Y-%m-%d 2>/dev/null)

build/mangen: build/obj/cli/mangen.o $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

build/yishiting.1: build/mangen data/man/yishiting.1.in
	build/mangen data/man/yishiting.1.in "$(MAN_DATE)" > $@.tmp && mv $@.tmp $@

man: build/yishiting.1

# ---- install: the binary and the manual page (gzip -9n, as Debian and
# mandb have them); uninstall removes those two files and nothing else
install: yishiting build/yishiting.1
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MAN1DIR)
	install -m 755 yishiting $(DESTDIR)$(BINDIR)/yishiting
	gzip -9n < build/yishiting.1 > $(DESTDIR)$(MAN1DIR)/yishiting.1.gz
	chmod 644 $(DESTDIR)$(MAN1DIR)/yishiting.1.gz

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/yishiting $(DESTDIR)$(MAN1DIR)/yishiting.1.gz

# ---- a Debian package: installed with PREFIX=/usr into build/deb/debian/yishiting,
# then tools/deb.sh writes DEBIAN/control (Depends from dpkg-shlibdeps) and
# builds build/yishiting_$(VERSION)_ARCH.deb with dpkg-deb
# the package's Maintainer, "Name <mail>"; empty: whoever builds it
# (DEBFULLNAME/DEBEMAIL, else git's user.name/user.email, else login@host)
DEB_MAINTAINER ?=

deb: yishiting build/yishiting.1
	@sh tools/deps.sh deb
	rm -rf build/deb
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/build/deb/debian/yishiting PREFIX=/usr
	sh tools/deb.sh build/deb "$(VERSION)" "$(DEB_MAINTAINER)" "$(MAN_DATE)"

clean:
	rm -rf build yishiting

-include $(shell find build -name '*.d' 2>/dev/null)
