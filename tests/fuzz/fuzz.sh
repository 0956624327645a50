#!/bin/sh
# fuzz.sh SECONDS [NAME...]: `make fuzz` — each libFuzzer target
# (build/fuzz/fuzz_NAME; all of them when none is named) searches for
# SECONDS from a copy of its corpus (fuzz_edit starts from the text corpus,
# fuzz_pdf from the document one, fuzz_db from the small database seeds and
# patches seed_db.sh makes, fuzz_import from its CSV seeds and the demo
# community's roster exported as .xlsx); what it finds that crashes is left as
# build/fuzz/crash-NAME-* with the command that replays it.  FUZZ_RUNS=N
# in the environment stops each target after N executions, if sooner.  Prints the
# executions per target (for the README) and fails when one crashed.
secs=${1:-60}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/../.." || exit 2
rc=0
sh tests/fuzz/seed_db.sh ./yishiting build/fuzz/seed-db >/dev/null || exit 1
if [ $# -eq 0 ]; then
	set --
	for b in build/fuzz/fuzz_*; do
		[ -x "$b" ] && set -- "$@" "$(basename "$b" | sed 's/^fuzz_//')"
	done
fi
for name in "$@"; do
	[ -x "build/fuzz/fuzz_$name" ] || { echo "fuzz_$name: no such target in build/fuzz"; rc=1; continue; }
	corpus=build/fuzz/corpus-$name
	mkdir -p "$corpus"
	extra=
	case $name in
	db)
		# small inputs only: the patches on small.db and the short
		# files (make check runs the demo-sized ones)
		cp build/fuzz/seed-db/patch_* build/fuzz/seed-db/cut_header build/fuzz/seed-db/empty \
			build/fuzz/seed-db/magic_only "$corpus"/
		extra=-max_len=4096 ;;
	edit) cp tests/fuzz/corpus/text/* "$corpus"/ ;;
	import)
		# and a workbook: the roster of the demo community
		cp tests/fuzz/corpus/import/* "$corpus"/
		./yishiting export roster --db build/fuzz/seed-db/demo.db -o "$corpus/demo_roster.xlsx" >/dev/null
		extra=-max_len=65536 ;;
	doc|pdf)
		# documents of up to 2 KB: longer ones only repeat blocks
		cp tests/fuzz/corpus/doc/* "$corpus"/
		extra=-max_len=2048 ;;
	*) cp tests/fuzz/corpus/"$name"/* "$corpus"/ ;;
	esac
	log=build/fuzz/$name.log
	echo "fuzz_$name: $secs s${FUZZ_RUNS:+ or $FUZZ_RUNS executions} ……"
	(cd build/fuzz && YS_FUZZ_BASE="$PWD/seed-db/small.db" \
		ASAN_OPTIONS=detect_leaks=0:fast_unwind_on_malloc=1 "./fuzz_$name" \
		-max_total_time="$secs" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} $extra -artifact_prefix="crash-$name-" \
		-print_final_stats=1 "corpus-$name" >"$name.log" 2>&1)
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
