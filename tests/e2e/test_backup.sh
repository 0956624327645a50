#!/bin/sh
# Backups a clerk makes: to a folder (a USB stick) from the command line or
# with B on the board, while the program is open; each checked before it
# gets its dated name, the newest N kept; the board reminds when the last
# one is old.  restore puts one back and keeps the file it replaces;
# salvage rescues what a damaged file still holds.
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
STICK=$T_TMP/stick
mkdir -p "$STICK"

# ---- the board reminds; B makes a backup while the program is open ---------
start 80 24
expect "还没有备份过：按 B 把数据库备份到 U 盘" "the board reminds of a backup never made"
# a line written now is in the backup made while the program runs
keys n
expect "新议题（提议）" "the proposal form"
typ "楼道灯更换"
keys Tab Tab
typ "居民反映楼道灯坏了。"
keys Tab Right Right
keys F10
expect "已登记议题" "a proposal is saved"
keys B
expect "备份到哪个文件夹" "B asks where to back up"
typ "$T_TMP/nowhere"
keys Enter
expect "文件夹 $T_TMP/nowhere 不存在：U 盘插好了吗？" "a folder that is not there is refused, saying why"
keys B
expect "备份到哪个文件夹" "asked again"
keys C-u
typ "$STICK"
keys Enter
expect "已备份到 $STICK/议事厅备份_2026-11-22_140500.db" "the backup is made and named by date"
expect "都与摘要一致" "and it says it was checked"
b1=$STICK/议事厅备份_2026-11-22_140500.db
[ -f "$b1" ] && pass "the backup file is there" || fail "no backup file"
[ "$(sqlite3 "$b1" "SELECT COUNT(*) FROM proposal WHERE title = '楼道灯更换'")" = 1 ] &&
	pass "it holds the line just written (the -wal was copied too)" || fail "the backup lacks the new line"
[ "$(sqlite3 "$b1" "PRAGMA journal_mode")" = delete ] && pass "the backup is one file, no -wal" ||
	fail "the backup is in WAL mode"
expect_sql "SELECT value FROM setting WHERE key = 'backup_dir'" "$STICK" "the folder is remembered"
keys 2
keys 1
if screen | grep -q "没有备份"; then fail "the reminder stays after a backup"; else pass "the reminder is gone"; fi
keys B
expect "$STICK" "the next backup offers the same folder"
keys Escape
keys q
expect "程序已退出:0" "q quits"

# ---- the reminder after the set number of days ------------------------------------
sql "UPDATE setting SET value = '2026-11-10 09:00:00' WHERE key = 'last_backup'" >/dev/null
start 80 24
expect "已经 12 天没有备份（上次 2026-11-10）：按 B 备份到 U 盘。" "12 days after the last backup the board says so"
keys q
sql "INSERT OR REPLACE INTO setting(key, value) VALUES ('backup_remind_days', '0')" >/dev/null
start 80 24
expect "2026-009" "the board"
if screen | grep -q "没有备份"; then fail "the reminder shows though it is turned off"; else pass "0 turns the reminder off"; fi
keys q
sql "DELETE FROM setting WHERE key = 'backup_remind_days'" >/dev/null

# ---- the command line: backup, keep, restore ------------------------------------
run backup --db "$DB" --to "$STICK"
rc_is 0 "backup from the command line"
has "已备份到 $STICK/议事厅备份_2026-11-22_140500_2.db" "a second backup in the same minute gets _2"
has "签字确认的会议记录 17 份都与摘要一致" "each sealed meeting checked"
run backup --db "$DB" --to "$STICK" --keep 2
rc_is 0 "a third backup, keeping 2"
has "只保留最新的 2 份备份，删除了更早的 1 份" "the oldest is removed"
[ "$(ls "$STICK" | grep -c '^议事厅备份_')" = 2 ] && pass "two backups are left" || fail "$(ls "$STICK")"
run backup --db "$DB" --to "$STICK" --keep 0
rc_is 2 "--keep 0 is a usage error"
has "--keep 应为 1 至 1000 之间的整数" "saying the range"

last=$(ls "$STICK"/议事厅备份_* | tail -n 1)
sql "UPDATE person SET name = '备份后改名' WHERE no = 1" >/dev/null
run restore --db "$DB" --from "$last"
rc_is 0 "restore from the newest backup"
has "原来的文件改名保留为 $DB.恢复前-" "the file it replaces is kept"
expect_sql "SELECT COUNT(*) FROM person WHERE name = '备份后改名'" "0" "the database is the backup again"
kept=$(ls "$DB".恢复前-* | grep -v -- '-wal$\|-shm$' | head -n 1)
[ "$(sqlite3 "$kept" "SELECT COUNT(*) FROM person WHERE name = '备份后改名'")" = 1 ] &&
	pass "the replaced file still holds what was changed after the backup" || fail "the replaced file lost a row"

# a backup whose sealed minutes were changed is not put back
cp "$last" "$T_TMP/tampered.db"
m=$(sqlite3 "$T_TMP/tampered.db" "SELECT m.id FROM minute m JOIN seal s ON s.meeting_id = m.meeting_id LIMIT 1")
sqlite3 "$T_TMP/tampered.db" "PRAGMA writable_schema=0; DROP TRIGGER IF EXISTS minute_sealed_update;
	UPDATE minute SET text = text || '（改）' WHERE id = '$m'" 2>/dev/null
run restore --db "$DB" --from "$T_TMP/tampered.db"
if [ "$(sqlite3 "$T_TMP/tampered.db" "SELECT COUNT(*) FROM minute WHERE text LIKE '%（改）'")" = 1 ]; then
	rc_is 1 "a backup with an altered sealed minute is refused"
	has "与摘要不符" "saying the seals do not hold"
else
	fail "the test could not alter a sealed minute in its copy"
fi

# ---- salvage ---------------------------------------------------------------------------
cp "$last" "$T_TMP/bad.db"
dd if=/dev/zero bs=4096 count=2 2>/dev/null | tr '\000' '\132' |
	dd of="$T_TMP/bad.db" bs=4096 seek=80 conv=notrunc 2>/dev/null
run salvage --db "$T_TMP/bad.db" -o "$T_TMP/saved.db"
has "从 $T_TMP/bad.db 救出记录到 $T_TMP/saved.db" "salvage runs"
has "人员：救出" "it says what each table gave"
has "原来的文件没有改动" "and that the damaged file was left alone"
run check --db "$T_TMP/saved.db"
has "检查 $T_TMP/saved.db" "the rescued file opens"
run salvage --db "$T_TMP/bad.db" -o "$T_TMP/saved.db"
rc_is 1 "salvage never writes over a file"
has "已经存在" "saying the file exists"
run salvage --db "$last" -o "$T_TMP/whole.db"
rc_is 0 "salvage of a sound file reads everything"
has "全部表都完整读出" "and says so"
has "签字确认的会议记录 17 份都与摘要一致" "the copy's seals hold"
