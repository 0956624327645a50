#!/bin/sh
# seed_db.sh YISHITING DIR: the database corpus, made fresh and the same
# every time: the demo community's file, and copies of it cut short, with
# bytes overwritten in its header, its b-tree pages and its free space, and
# an empty file.  (A binary file in the repository would hide what it is.)
set -e
bin=$1
dir=$2
rm -rf "$dir"
mkdir -p "$dir"
YISHITING_NOW='2026-11-22 20:10:00' "$bin" demo --db "$dir/demo.db" >/dev/null
sqlite3 "$dir/demo.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE" >/dev/null
rm -f "$dir/demo.db-wal" "$dir/demo.db-shm"
size=$(wc -c <"$dir/demo.db")
# overwrite N bytes at OFFSET with BYTE: name
poke() {
	cp "$dir/demo.db" "$dir/$4"
	dd if=/dev/zero bs=1 count="$2" 2>/dev/null | tr '\000' "$3" |
		dd of="$dir/$4" bs=1 seek="$1" conv=notrunc 2>/dev/null
}
poke 16 2 '\377' pagesize
poke 28 4 '\377' pagecount
poke 56 4 '\000' encoding
poke 60 4 '\377' user_version
poke 100 8 '\377' page1_header
poke 4096 64 '\132' page2_head
poke 40960 4096 '\132' page11
poke 163840 16 '\000' page41_cells
poke $((size - 4096)) 4096 '\377' last_page
# a small one for libFuzzer (its inputs are mutated whole: the smaller, the
# more of them a minute): two meetings, one sealed, the rest gone, 1 KB pages
cp "$dir/demo.db" "$dir/small.db"
sqlite3 "$dir/small.db" "
	DELETE FROM meeting WHERE number NOT IN ('2026-H-01', '2026-H-20');
	DELETE FROM agenda_item WHERE meeting_id NOT IN (SELECT id FROM meeting);
	DELETE FROM attendance WHERE meeting_id NOT IN (SELECT id FROM meeting);
	DELETE FROM minute WHERE meeting_id NOT IN (SELECT id FROM meeting);
	DELETE FROM vote WHERE agenda_id NOT IN (SELECT id FROM agenda_item);
	DELETE FROM seal WHERE meeting_id NOT IN (SELECT id FROM meeting);
	DELETE FROM notice; DELETE FROM objection; DELETE FROM progress; DELETE FROM impl;
	DELETE FROM proposal_event WHERE proposal_id NOT IN (SELECT proposal_id FROM agenda_item);
	DELETE FROM proposer WHERE proposal_id NOT IN (SELECT proposal_id FROM agenda_item);
	DELETE FROM proposal WHERE id NOT IN (SELECT proposal_id FROM agenda_item);
	DELETE FROM person WHERE no > 12;
	INSERT INTO proposal_fts(proposal_fts) VALUES ('optimize');
	PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM;" >/dev/null 2>&1
ssize=$(wc -c <"$dir/small.db")
cp "$dir/small.db" "$dir/small_poked.db"
dd if=/dev/zero bs=1 count=64 2>/dev/null | tr '\000' '\132' |
	dd of="$dir/small_poked.db" bs=1 seek=$((ssize / 2)) conv=notrunc 2>/dev/null
# patches on small.db, as fuzz_db reads an input starting with P (with
# YS_FUZZ_BASE naming small.db): cut to LENGTH (0: not cut), then write
# COUNT bytes of BYTE at OFFSET
le24() {
	printf "\\$(printf %03o $(($1 & 255)))\\$(printf %03o $((($1 >> 8) & 255)))\\$(printf %03o $((($1 >> 16) & 255)))"
}
patch() {
	{ printf P; le24 "$1"; le24 "$2"; printf "\\$(printf %03o "$3")"
	  dd if=/dev/zero bs=1 count="$3" 2>/dev/null | tr '\000' "$4"; } >"$dir/$5"
}
patch 0 0 0 '\000' patch_none
patch 0 16 2 '\377' patch_pagesize
patch 0 1024 16 '\000' patch_page2
patch 0 $((ssize / 2)) 64 '\132' patch_middle
patch $((ssize / 2)) 0 0 '\000' patch_cut_half
patch $((ssize - 1)) $((ssize - 1024)) 1 '\001' patch_cut_one
head -c 100 "$dir/demo.db" >"$dir/cut_header"
head -c $((size / 2)) "$dir/demo.db" >"$dir/cut_half"
head -c $((size - 1)) "$dir/demo.db" >"$dir/cut_one"
: >"$dir/empty"
printf 'SQLite format 3\000' >"$dir/magic_only"
echo "$(ls "$dir" | wc -l) database seeds in $dir"
