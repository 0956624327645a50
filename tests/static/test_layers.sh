#!/bin/sh
# test_layers.sh: the include lines keep the layers (tools/layers.sh): no
# include points up the layers, no header circle, no library outside its
# layer, no write around ops.  First the checker is shown to catch each
# kind of fault in a small tree made for it, then it reads the program.
TEST=test_layers
pass() { echo "PASS $TEST: $1"; }
fail() { echo "FAIL $TEST: $1"; }

tmp=$(mktemp -d /tmp/ys-layers.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/model" "$tmp/src/store" "$tmp/src/ui" "$tmp/include/model" \
         "$tmp/include/store" "$tmp/include/base"
# a model file that reaches up to the store, and uses SQLite
printf '#include "store/store.h"\n#include <sqlite3.h>\n' > "$tmp/src/model/core.c"
printf '/* store */\n' > "$tmp/include/store/store.h"
# two headers that include each other
printf '#include "base/b.h"\n' > "$tmp/include/base/a.h"
printf '#include "base/a.h"\n' > "$tmp/include/base/b.h"
# a screen that writes around ops, and includes a private header it lacks
printf '#include "store/store.h"\n#include "missing.h"\nvoid f(void) { store_person_add(0, 0); }\n' \
	> "$tmp/src/ui/screen.c"
out=$(sh tools/layers.sh "$tmp" 2>&1); rc=$?
[ $rc -ne 0 ] && pass "the checker fails on a faulty tree" || fail "the checker passed a faulty tree: $out"
for want in "model/ may not include store/" "<sqlite3.h> belongs to store/" "include circle" \
            "calls store_person_add()" "is not a private header"; do
	case "$out" in
	*"$want"*) pass "the checker reports: $want" ;;
	*) fail "the checker missed: $want (it said: $out)" ;;
	esac
done

out=$(sh tools/layers.sh . 2>&1); rc=$?
if [ $rc -eq 0 ]; then
	pass "the program keeps its layers ($(printf '%s\n' "$out" | tail -n 1))"
else
	fail "the program breaks its layers:"
	printf '%s\n' "$out" | sed 's/^/  /'
fi

# every source file stays readable in one sitting
big=$(find src include -name '*.[ch]' -exec wc -l {} + | awk '$2 != "total" && $1 > 1000 { print $2 " (" $1 " lines)" }')
if [ -z "$big" ]; then
	pass "no source file is above 1,000 lines"
else
	fail "source files above 1,000 lines: $big"
fi
