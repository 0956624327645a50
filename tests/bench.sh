#!/bin/sh
# make bench: build tests/bench/bench.c against the program's objects and
# run it on a large database (kept in build/bench.db between runs; delete it
# to rebuild).  Targets: every page or count the screens use answers in
# well under 50 ms on the 2-core reference machine, and memory stays flat
# (the queries add no more than a few MiB whatever the database size).
set -e
cd "$(dirname "$0")/.."
echo "database: build/bench.db (${BENCH_PROPOSALS:-100000} proposals, ${BENCH_MINUTES:-500000} minute lines)"
./build/bench build/bench.db "${BENCH_PROPOSALS:-100000}" "${BENCH_MINUTES:-500000}" "${BENCH_PEOPLE:-5000}"
