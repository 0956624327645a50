#!/bin/sh
# make bench: numbers, not tests (nothing here is part of `make check`, and
# no test is timed).  Every number is measured on this machine when it runs;
# each target is printed beside its measurement with ✓ or ✗ and enforced
# nowhere.  Four parts:
#
# 1. Storage queries (tests/bench/bench.c, linked with the program's
#    objects): keyset pages at the start, middle and end, counts, searches,
#    roster and minute pages, and the peak memory around them, on
#    build/bench.db (1×: 100,000 proposals, 500,000 minute lines, 5,000
#    people, and a 居民会议 whose sign-in sheet has every household) and on
#    build/bench10x.db (10×: ten times each of those counts).  Each database
#    is built once through the ops/store functions and kept; delete it to
#    build it again (1× takes about a minute on the 2-core reference
#    machine, 10× about 12 minutes).  Target: well under 50 ms a query.
# 2. The whole program, start → first frame: the real ./yishiting in a
#    pseudo-terminal of 80×24 (TERM=xterm-256color, LANG=C.UTF-8) with
#    --exit-after-first-frame, timed to the frame mark it writes with
#    YISHITING_FRAME_MARK=1; beside it the floor: the sqlite3 command-line
#    program running the same SQL text on the same file — the statements
#    whose results are on that frame (the community row, the overdue list,
#    each column's count and first page with its proposers), taken from a
#    trace of the program itself (tests/bench/sqltrace.c), not copied by
#    hand.  Medians of BENCH_RUNS runs of each.  Target: within 1.5× the
#    floor.
# 3. Keystrokes: a scripted session through the pseudo-terminal
#    (tests/bench/keys.c): board paging, a dossier opened and closed, the
#    roster searched by a name typed in Chinese, a live meeting's sign-in
#    list paged; each key timed from its write to its frame mark, median and
#    p99 per kind, and the program's peak memory (max RSS), at 1× and 10×.
#    Targets: every keystroke p99 under 5 ms; memory flat from 1× to 10×.
# 4. Writes on open: strace of open + first frame + quit on a copy of
#    build/bench.db — writes to the database file and its -wal, and syncs —
#    and whether the file is byte for byte unchanged.  Target: none.  Needs
#    strace (apt-get install strace); without it this part says so.
#
# Settings: BENCH_PROPOSALS, BENCH_MINUTES, BENCH_PEOPLE (the 1× sizes, used
# when build/bench.db is built), BENCH_SCALE (the second database is that
# many times 1×, in build/bench${BENCH_SCALE}x.db; 1 for none), BENCH_RUNS
# (runs of part 2, default 21).
set -e
cd "$(dirname "$0")/.."
P=${BENCH_PROPOSALS:-100000}
M=${BENCH_MINUTES:-500000}
N=${BENCH_PEOPLE:-5000}
SCALE=${BENCH_SCALE:-10}
RUNS=${BENCH_RUNS:-21}
DB1=build/bench.db
DBX=build/bench${SCALE}x.db
[ "$SCALE" -gt 1 ] || DBX=

echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" \
     "(other work running at the same time slows every number below)"
echo
echo "== 1. storage queries, 1×: $DB1 (built, when missing, with $P proposals, $M minute lines, $N people)"
./build/bench "$DB1" "$P" "$M" "$N"
if [ -n "$DBX" ]; then
	echo
	echo "== 1. storage queries, ${SCALE}×: $DBX (built, when missing, with $((P * SCALE)) proposals," \
	     "$((M * SCALE)) minute lines, $((N * SCALE)) people)"
	[ -f "$DBX" ] || echo "  (building it once; it is kept)"
	./build/bench "$DBX" "$((P * SCALE))" "$((M * SCALE))" "$((N * SCALE))"
fi

echo
echo "== 2. the whole program: start → first frame, 80×24, against sqlite3 (the floor)"
if command -v sqlite3 >/dev/null 2>&1; then
	echo "  (the floor: sqlite3 $(sqlite3 -version | cut -d' ' -f1), the command-line program)"
	for db in "$DB1" $DBX; do
		name=$([ "$db" = "$DB1" ] && echo "1x" || echo "${SCALE}x")
		trace=build/bench-trace-$name.sql
		floor=build/bench-floor-$name.sql
		rm -f "$trace"
		build/bench-keys pty env LD_PRELOAD="$(pwd)/build/sqltrace.so" YS_SQLTRACE="$trace" \
			./yishiting --db "$db" --exit-after-first-frame
		# the community row, then the board's last load (it begins with
		# the overdue list): the statements whose results are drawn
		awk '/ FROM community /{ c = c $0 "\n" } { l[NR] = $0 }
		     /FROM proposal p CROSS JOIN impl/ { s = NR }
		     END { printf "%s", c; for (i = s; s && i <= NR; i++) if (l[i] !~ /^PRAGMA optimize/) print l[i] }' \
			"$trace" > "$floor"
		echo "  $db: the program ran $(grep -c ';$' "$trace") statements up to its first frame;" \
		     "the floor runs the $(grep -c ';$' "$floor") whose results are on it ($floor)"
		build/bench-keys frame "$RUNS" "$floor" ./yishiting "$db"
	done
else
	echo "  sqlite3 (the command-line program) is not installed: no floor to compare with."
	echo "  Install it with: apt-get install sqlite3"
fi

echo
echo "== 3. keystrokes through the pseudo-terminal, one at a time, each to its frame"
if [ -n "$DBX" ]; then
	echo "  (${SCALE}×: $DBX, built with ${SCALE} times every count of $DB1; the contents lines of"
	echo "   part 1 give what each file holds)"
	build/bench-keys keys ./yishiting "1×" "$DB1" "${SCALE}×" "$DBX"
else
	build/bench-keys keys ./yishiting "1×" "$DB1"
fi

echo
echo "== 4. writes on open: open + first frame + quit, on a copy of $DB1"
if command -v strace >/dev/null 2>&1; then
	copy=$(pwd)/build/bench-open.db
	log=build/bench-open.strace
	rm -f "$copy" "$copy-wal" "$copy-shm"
	cp "$DB1" "$copy"
	build/bench-keys pty strace -f -y -qq -o "$log" \
		-e trace=openat,write,pwrite64,writev,pwritev,pwritev2,ftruncate,fsync,fdatasync,sync_file_range \
		./yishiting --db "$copy" --exit-after-first-frame
	writes() {  # writes FILE: write-type calls on FILE's descriptor
		grep -E '^[0-9]+ +(write|pwrite64|writev|pwritev|pwritev2|ftruncate)\(' "$log" |
			grep -cF "<$1>," || true
	}
	ndb=$(writes "$copy")
	nwal=$(writes "$copy-wal")
	nshm=$(writes "$copy-shm")
	nsync=$(grep -cE '^[0-9]+ +(fsync|fdatasync|sync_file_range)\(' "$log" || true)
	mark() { [ "$1" -eq 0 ] && echo "✓" || echo "✗"; }
	printf '  %-44s %4d   target 0  %s\n' "writes to the database file" "$ndb" "$(mark "$ndb")"
	printf '  %-44s %4d   target 0  %s\n' "writes to the -wal (WAL header and frames)" "$nwal" "$(mark "$nwal")"
	printf '  %-44s %4d   target 0  %s\n' "syncs (fsync, fdatasync)" "$nsync" "$(mark "$nsync")"
	if cmp -s "$copy" "$DB1"; then same=0; else same=1; fi
	printf '  %-44s %4s   target yes %s\n' "database file byte for byte unchanged" \
		"$([ $same -eq 0 ] && echo yes || echo no)" "$(mark $same)"
	if [ -s "$copy-wal" ]; then left=1; else left=0; fi
	printf '  %-44s %4s   target no  %s\n' "a -wal with frames left behind" \
		"$([ $left -eq 0 ] && echo no || echo yes)" "$(mark $left)"
	echo "  (and $nshm writes to the -shm: the index of the WAL that SQLite sets up in shared memory"
	echo "   whenever a database in WAL mode is opened; no data.  Full trace: $log)"
	rm -f "$copy" "$copy-wal" "$copy-shm"
else
	echo "  strace is not installed, so the writes and syncs on open are not counted here."
	echo "  Install it with: apt-get install strace"
	echo "  (tests/e2e/test_open_readonly.sh checks in make check that the file is unchanged.)"
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
