#!/bin/sh
# The database file under the clerk's feet: moved away while the program
# runs (a write is refused, never reported as saved, the text stays in the
# form), read-only (opens for looking, exporting and verifying, with a
# banner), damaged (a clear message and the way out; check and verify
# agree) and empty (not taken for a new database without asking).
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
props() { sqlite3 "$1" "SELECT COUNT(*) FROM proposal"; }
# new_proposal TITLE: the form filled (title, content, proposed by the 居委会)
new_proposal() {
	keys n
	expect "新议题（提议）" "the proposal form opens"
	typ "$1"
	keys Tab Tab
	typ "居民反映，需要处理。"
	keys Tab Right Right
	wait_for "提议主体：< 居委会 >" 2
}
n0=$(props "$DB")

# ---- moved away while open ------------------------------------------------------
start 80 24
expect "2026-009" "the demo board"
new_proposal "楼道灯更换"
mv "$DB" "$DB.moved"
keys F10
expect "已不在原处" "saving into a database moved away is refused"
expect "输入的文字仍在" "and it says the text is kept"
expect "楼道灯更换" "the title stays in the form"
if screen | grep -q "已登记议题"; then fail "a refused write was reported as saved"; else pass "nothing says 已登记"; fi
[ "$(props "$DB.moved")" = "$n0" ] && pass "the moved file got no row" || fail "the moved file got a row"
mv "$DB.moved" "$DB"
keys F10
expect "已登记议题" "put back, the same form saves"
expect_sql "SELECT COUNT(*) FROM proposal WHERE title = '楼道灯更换'" "1" "the row is in the file at its path"
# replaced by another file of the same name
cp "$DB" "$T_TMP/copy.db"
new_proposal "单元门禁维修"
mv "$T_TMP/copy.db" "$DB"
keys F10
expect "已不是本程序打开的那个文件" "a file replaced under the program is not written"
expect "单元门禁维修" "the title stays"
keys Escape
wait_for "放弃" 2 && keys y
keys q
expect "程序已退出:0" "q quits"

# ---- a damaged file ---------------------------------------------------------------
cp "$DB" "$T_TMP/bad.db"
sqlite3 "$T_TMP/bad.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
# two pages in the middle overwritten with a pattern (a bad sector, a
# copy cut off and patched)
dd if=/dev/zero bs=4096 count=2 2>/dev/null | tr '\000' '\132' |
	dd of="$T_TMP/bad.db" bs=4096 seek=80 conv=notrunc 2>/dev/null
run check --db "$T_TMP/bad.db"
rc_is 1 "check finds the damage"
has "数据库文件完整性检查：" "check names SQLite's findings"
has "程序自身的一致性检查没有进行" "and says why it went no further"
run verify --db "$T_TMP/bad.db"
rc_is 1 "verify agrees: not 完好"
has "数据库文件本身已损坏" "verify says the file is damaged"
lacks "完好" "verify does not call a damaged file sound"
run export --db "$T_TMP/bad.db" decisions --format csv -o "$T_TMP/d.csv"
rc_is 1 "export refuses a damaged file"
has "已经损坏" "saying it is damaged"
has "yishiting check --db $T_TMP/bad.db" "and the way out: check"
has "yishiting restore --db $T_TMP/bad.db --from" "restore"
has "yishiting salvage --db $T_TMP/bad.db -o" "and salvage"
[ -e "$T_TMP/d.csv" ] && fail "an export of a damaged file was written" || pass "nothing exported"
DB_KEEP=$DB
DB=$T_TMP/bad.db
start 80 24
expect "已经损坏" "the screen does not open a damaged file, and says so"
expect "程序已退出:1" "it ends with status 1"
DB=$DB_KEEP

# ---- an empty file ---------------------------------------------------------------
: > "$T_TMP/empty.db"
run list proposals --db "$T_TMP/empty.db"
rc_is nonzero "a command on an empty file is refused"
has "是空的（0 字节）" "saying it is empty"
DB=$T_TMP/empty.db
start 80 24
expect "在这个文件里新建一个社区的数据库吗？(y/n)" "the screen asks before making an empty file a database"
keys n Enter
expect "没有打开，文件保持原样。" "no: nothing done"
[ -s "$T_TMP/empty.db" ] && fail "the empty file was written" || pass "the file is still empty"
start 80 24
expect "(y/n)" "asked again"
keys y Enter
expect "社区名称" "yes: the first-start form"
keys Escape
DB=$DB_KEEP

# ---- read-only ---------------------------------------------------------------------
# A file the program may not write to.  Root writes to any file: then the
# program runs as nobody, for whom the file is read-only (a clerk given a
# copy they may not change); where nobody cannot even run it (a chroot
# whose / only root may enter), the file is made immutable, which root
# cannot write either (a write-protected stick).
cp "$DB" "$T_TMP/ro.db"
sqlite3 "$T_TMP/ro.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
rm -f "$T_TMP/ro.db-wal" "$T_TMP/ro.db-shm"
chmod 444 "$T_TMP/ro.db"
chmod 777 "$T_TMP"
RUN_AS=
RO_HOW="no write permission"
if [ "$(id -u)" = 0 ]; then
	if setpriv --reuid=65534 --regid=65534 --clear-groups $YS_BIN --version >/dev/null 2>&1; then
		RUN_AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
		RO_HOW="run as nobody"
	elif chattr +i "$T_TMP/ro.db" 2>/dev/null; then
		RO_HOW="an immutable file"
	else
		echo "SKIP test_db_file: a read-only database cannot be made here: root writes any file, nobody cannot run the program, and the file system has no immutable flag"
		exit 0
	fi
fi
echo "(read-only: $RO_HOW)"
roc() { out=$($RUN_AS env $YS_BIN "$@" 2>&1 </dev/null); rc=$?; }
sum0=$(md5sum < "$T_TMP/ro.db")
roc verify --db "$T_TMP/ro.db"
rc_is 0 "a read-only database can be verified"
has "完好" "and is sound"
roc export --db "$T_TMP/ro.db" decisions --format csv -o "$T_TMP/ro.csv"
rc_is 0 "a read-only database can be exported"
file_has "$T_TMP/ro.csv" "2026-" "the export holds the decisions"
DB=$T_TMP/ro.db
start 80 24
expect "只读：只能查看、导出、打印" "the screen opens a read-only file with a banner"
expect "2026-009" "and shows the board"
new_proposal "试一试"
keys F10
expect "数据库文件是只读的" "saving is refused, saying why"
expect "试一试" "and the text stays"
keys Escape
wait_for "放弃" 2 && keys y
keys q
expect "程序已退出:0" "q quits"
[ "$(md5sum < "$T_TMP/ro.db")" = "$sum0" ] && pass "the read-only file is unchanged" ||
	fail "the read-only file changed"
chattr -i "$T_TMP/ro.db" 2>/dev/null
RUN_AS=
DB=$DB_KEEP
