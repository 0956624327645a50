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
head -c 100 "$dir/demo.db" >"$dir/cut_header"
head -c $((size / 2)) "$dir/demo.db" >"$dir/cut_half"
head -c $((size - 1)) "$dir/demo.db" >"$dir/cut_one"
: >"$dir/empty"
printf 'SQLite format 3\000' >"$dir/magic_only"
echo "$(ls "$dir" | wc -l) database seeds in $dir"
