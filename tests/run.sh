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

# the source, the manual, install, the package: once
for t in tests/static/test_*.sh; do
	[ -f "$t" ] || continue
	out=$(YS_BIN=./yishiting sh "$t" 2>&1); rc=$?
	count "$out" $rc "static/$(basename "$t" .sh)"
done

# end-to-end: the plain binary, then the sanitizer build.  The sanitizers
# write to build/logs/san.*; any such file is a failure.  Leak checking is
# off for the screen program: ncurses keeps its allocations until exit.
for bin in ./yishiting build/asan/yishiting; do
	for t in tests/e2e/test_*.sh; do
		[ -f "$t" ] || continue
		name="$(basename "$t" .sh)"
		[ "$bin" = ./yishiting ] || name="asan/$name"
		out=$(YS_BIN=$bin sh "$t" 2>&1); rc=$?
		count "$out" $rc "$name"
	done
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
