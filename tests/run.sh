#!/bin/sh
# Run every test: the unit tests (plain and under ASan/UBSan), the checks
# of the source and of what the build makes besides the program
# (tests/static: the layers, the manual page, make install, make deb; once,
# they do not depend on which binary),
# and the end-to-end tests that drive the real program in tmux (plain and
# under ASan/UBSan).  Each test prints "PASS ..." or "FAIL ..." lines, and
# "SKIP ..." with the reason for a check that cannot run on this machine at
# all (CUPS in a chroot whose / nobody but root may enter); the run ends with
# "N passed, N failed" (", N skipped" when there were any) and fails when
# anything failed.
cd "$(dirname "$0")/.." || exit 2
mkdir -p build/logs
rm -f build/logs/san.*
pass=0
fail=0
skipped=0

count() {  # count OUTPUT RC LABEL
	p=$(printf '%s\n' "$1" | grep -c '^PASS ')
	f=$(printf '%s\n' "$1" | grep -c '^FAIL ')
	s=$(printf '%s\n' "$1" | grep -c '^SKIP ')
	printf '%s\n' "$1" | grep -E '^(FAIL|SKIP) ' | sed "s|^|[$3] |"
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL [$3] exited with status $2 without reporting a failure:"
		printf '%s\n' "$1" | tail -n 20
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	skipped=$((skipped + s))
	if [ "$s" -gt 0 ]; then
		echo "$3: $p passed, $f failed, $s skipped"
	else
		echo "$3: $p passed, $f failed"
	fi
}

# unit tests
for b in build/obj/test_*; do
	[ -x "$b" ] || continue
	out=$("$b" 2>&1); rc=$?
	count "$out" $rc "$(basename "$b")"
done
for b in build/asan/test_*; do
	[ -x "$b" ] || continue
	out=$(ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 "$b" 2>&1); rc=$?
	count "$out" $rc "asan/$(basename "$b")"
done

# the fuzz targets' corpora under the sanitizers (make fuzz searches for
# more; the database corpus is made fresh by seed_db.sh)
sh tests/fuzz/seed_db.sh ./yishiting build/fuzz-corpus/db >/dev/null 2>&1
rm -rf build/fuzz-corpus/import
mkdir -p build/fuzz-corpus/import
cp tests/fuzz/corpus/import/* build/fuzz-corpus/import/
./yishiting export roster --db build/fuzz-corpus/db/demo.db -o build/fuzz-corpus/import/demo_roster.xlsx >/dev/null 2>&1
for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	b=build/asan/$name
	if [ ! -x "$b" ]; then
		count "FAIL $name: $b was not built (make asan builds it)" 1 "asan/$name"
		continue
	fi
	case $name in
	fuzz_db) dir=build/fuzz-corpus/db ;;
	fuzz_edit) dir=tests/fuzz/corpus/text ;;
	fuzz_pdf) dir=tests/fuzz/corpus/doc ;;
	fuzz_import) dir=build/fuzz-corpus/import ;;
	*) dir=tests/fuzz/corpus/${name#fuzz_} ;;
	esac
	out=$(YS_FUZZ_BASE=build/fuzz-corpus/db/small.db ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1 "$b" "$dir" 2>&1); rc=$?
	if [ $rc -eq 0 ]; then
		out="PASS $name: every input of its corpus ran clean ($(printf '%s\n' "$out" | tail -n 1))"
	else
		out="FAIL $name: an input of $dir failed:
$(printf '%s\n' "$out" | tail -n 30)"
	fi
	count "$out" $rc "asan/$name"
done

# the source, the manual, install, the package: once
for t in tests/static/test_*.sh; do
	[ -f "$t" ] || continue
	out=$(YS_BIN=./yishiting sh "$t" 2>&1); rc=$?
	count "$out" $rc "static/$(basename "$t" .sh)"
done

# end-to-end: the plain binary and the sanitizer build.  The sanitizers
# write to build/logs/san.*; any such file is a failure.  Leak checking is
# off for the screen program: ncurses keeps its allocations until exit.
# Two run at a time (each has its own tmux server and folder); the two that
# use the machine's CUPS run alone afterwards.  Their output is counted in
# the same order as ever.
E2E=build/logs/e2e
rm -rf "$E2E"
mkdir -p "$E2E"
jobs=""
for bin in ./yishiting build/asan/yishiting; do
	for t in tests/e2e/test_*.sh; do
		[ -f "$t" ] && jobs="$jobs $bin:$t"
	done
done
job_name() { n=$(basename "${1#*:}" .sh); [ "${1%%:*}" = ./yishiting ] || n="asan_$n"; echo "$n"; }
run_job() {
	n=$(job_name "$1")
	YS_BIN=${1%%:*} sh "${1#*:}" >"$E2E/$n.out" 2>&1
	echo $? >"$E2E/$n.rc"
}
alone() { case $1 in *test_print.sh|*test_paper_screen.sh) return 0 ;; esac; return 1; }
lane() {  # every other job that may share the machine, from the Nth
	i=0
	for j in $jobs; do
		alone "$j" && continue
		[ $((i % 2)) -eq "$1" ] && run_job "$j"
		i=$((i + 1))
	done
}
lane 0 &
lane 1 &
wait
for j in $jobs; do
	alone "$j" && run_job "$j"
done
for j in $jobs; do
	n=$(job_name "$j")
	count "$(cat "$E2E/$n.out")" "$(cat "$E2E/$n.rc")" "$(echo "$n" | sed 's|^asan_|asan/|')"
done
for f in build/logs/san.*; do
	[ -f "$f" ] || continue
	echo "FAIL sanitizer report in $f:"
	head -n 30 "$f"
	fail=$((fail + 1))
done

# a skipped check is one that cannot run on this machine at all; it says why above
if [ "$skipped" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skipped skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
