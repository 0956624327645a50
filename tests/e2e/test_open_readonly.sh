#!/bin/sh
# Opening a database only to look at it writes nothing: the screen program
# opened on an existing file, its first frame drawn, a look at every tab,
# then q — the database file is byte for byte what it was, and no WAL frame
# was written while it ran or left behind after it.  (Each write is a
# transaction with its syncs: on a slow SD card or a shared disk that is
# felt at every start, and a file that changes when nobody changed anything
# cannot be checked against a backup.)
. tests/e2e/lib.sh

# wal_empty: true when the -wal file is absent or empty (a WAL file holds a
# 32-byte header and then its frames: nothing at all has been written)
wal_empty() { [ ! -s "$DB-wal" ]; }

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
wal_empty || fail "the demo writer left a WAL behind"
cp "$DB" "$T_TMP/before.db"

look() {  # look ROUND: open, the first frame, every tab, quit
	start 80 24
	if wait_for "2026-009"; then pass "$1: the board is drawn"; else fail "$1: the board is drawn"; fi
	if wal_empty; then pass "$1: no WAL frame written on open"
	else fail "$1: no WAL frame written on open ($(wc -c < "$DB-wal") bytes in $DB-wal)"; fi
	keys 2
	wait_for "[2 会议]" 5
	keys 3
	wait_for "[3 花名册]" 5
	keys 4
	wait_for "[4 规则]" 5
	keys 5
	wait_for "[5 公示栏]" 5
	keys 6
	wait_for "[6 民情日记]" 5
	keys 1
	wait_for "[1 议题]" 5
	keys q
	if wait_for "程序已退出:0"; then pass "$1: q quits"; else fail "$1: q quits"; fi
	if cmp -s "$DB" "$T_TMP/before.db"; then pass "$1: the database file is unchanged"
	else fail "$1: the database file is unchanged ($(cmp "$DB" "$T_TMP/before.db" 2>&1))"; fi
	if wal_empty; then pass "$1: no WAL frame left after quitting"
	else fail "$1: no WAL frame left after quitting ($(wc -c < "$DB-wal") bytes in $DB-wal)"; fi
}

look "first open"
# and again: the file is still what it was before either open
look "second open"
