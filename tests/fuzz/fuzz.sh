#!/bin/sh
# fuzz.sh SECONDS: `make fuzz` — each libFuzzer target (build/fuzz/fuzz_*)
# searches for SECONDS from a copy of its corpus (the database target's
# corpus made by seed_db.sh); what it finds that crashes is left as
# build/fuzz/crash-* with the command that replays it.  Prints the
# executions per target (for the README) and fails when one crashed.
secs=${1:-60}
cd "$(dirname "$0")/../.." || exit 2
rc=0
sh tests/fuzz/seed_db.sh ./yishiting build/fuzz/seed-db >/dev/null || exit 1
for b in build/fuzz/fuzz_*; do
	[ -x "$b" ] || continue
	name=$(basename "$b" | sed 's/^fuzz_//')
	corpus=build/fuzz/corpus-$name
	mkdir -p "$corpus"
	if [ "$name" = db ]; then
		# the small seeds only: libFuzzer mutates whole inputs, and the
		# demo-sized ones would make every run slow (make check has them)
		cp build/fuzz/seed-db/small* build/fuzz/seed-db/cut_header build/fuzz/seed-db/empty \
			build/fuzz/seed-db/magic_only "$corpus"/
	else
		cp tests/fuzz/corpus/"$name"/* "$corpus"/
	fi
	log=build/fuzz/$name.log
	echo "fuzz_$name: $secs s ……"
	(cd build/fuzz && ASAN_OPTIONS=detect_leaks=0 "./fuzz_$name" -max_total_time="$secs" \
		-artifact_prefix="crash-$name-" -print_final_stats=1 "corpus-$name" >"$name.log" 2>&1)
	r=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ $r -eq 0 ]; then
		echo "fuzz_$name: ${execs:-?} executions, nothing found"
	else
		echo "fuzz_$name: FOUND a failure after ${execs:-?} executions (see $log and build/fuzz/crash-$name-*)"
		rc=1
	fi
done
exit $rc
