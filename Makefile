# 议事厅 (yishiting) — plain Makefile.
#   make          build ./yishiting
#   make run      build and open the demo community
#   make check    build, then run every test (also under ASan/UBSan)
#   make bench    benchmarks

PREFIX  ?= /usr/local
CC      ?= cc
PKGS     = ncursesw sqlite3 uuid pangocairo fontconfig libcrypto
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN     = -Wall -Wextra -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes
ifdef CI
WARN    += -Werror
endif
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED \
	$(WARN) $(CFLAGS) -Iinclude -Ibuild/gen $(PKG_CFLAGS)
LDLIBS   = $(PKG_LIBS)
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC      = $(wildcard src/*.c)
LIB_SRC  = $(filter-out src/main.c,$(SRC))
GEN      = build/gen/embed.c
OBJ      = $(patsubst src/%.c,build/obj/%.o,$(LIB_SRC)) build/obj/embed.o
AOBJ     = $(patsubst src/%.c,build/asan/%.o,$(LIB_SRC)) build/asan/embed.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,build/obj/%,$(UNIT_SRC))
UNIT_ABIN= $(patsubst tests/unit/%.c,build/asan/%,$(UNIT_SRC))
EMBED_IN = $(sort $(wildcard data/migrations/*.sql)) $(sort $(wildcard data/demo/*.tsv))

.PHONY: all run check test unit e2e bench deps clean install asan

all: build/.deps yishiting

build/.deps: tools/deps.sh
	@sh tools/deps.sh
	@mkdir -p build && touch $@

deps:
	@sh tools/deps.sh

yishiting: build/obj/main.o $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

build/obj/%.o: src/%.c $(wildcard include/*.h) | build/.deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c $(wildcard include/*.h) | build/.deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

$(GEN): tools/embed.sh $(EMBED_IN)
	@mkdir -p $(@D)
	sh tools/embed.sh $(EMBED_IN) > $@.tmp && mv $@.tmp $@

build/obj/embed.o: $(GEN)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/embed.o: $(GEN)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

build/asan/yishiting: build/asan/main.o $(AOBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

build/obj/test_%: tests/unit/test_%.c tests/unit/t.h $(OBJ)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(OBJ) $(LDLIBS)

build/asan/test_%: tests/unit/test_%.c tests/unit/t.h $(AOBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -Itests/unit -o $@ $< $(AOBJ) $(LDLIBS)

asan: build/asan/yishiting $(UNIT_ABIN)

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

bench: all build/bench
	@sh tests/bench.sh

install: yishiting
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 yishiting $(DESTDIR)$(PREFIX)/bin/yishiting

clean:
	rm -rf build yishiting
