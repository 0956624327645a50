#!/bin/sh
# test_notes.sh: tab 7 手记 at 80×24 on the demo — tonight the clerk types
# last week's 书记手记 (Chinese text, linked to a meeting) and opens the
# meeting from it, adds a line to the 大事记 by hand, hides a routine
# meeting's line and shows it dim, previews the 大事记, and exports it as a
# PDF that pdftotext reads back.
. tests/e2e/lib.sh

if ! $YS_BIN demo --db "$DB" >/dev/null 2>&1; then
	fail "the demo database could not be written"
	exit 1
fi

start 80 24
expect "议事厅  军门社区" "the demo community opens"

# ---- 书记手记 ------------------------------------------------------------------
keys 7
expect "[7 手记]" "key 7 opens the 手记 tab"
expect "◀ 2026年 ▶  共 24 篇手记" "the year's notes are counted"
expect "楼顶漏水的现场" "the latest note is listed"
expect "关联：2026-H-18 7栋楼顶防水修缮议事协商会" "the selected note's links are shown under the list"
check_screen_sane "the notes page at 80×24"

keys n
expect "写书记手记" "n opens the form of a new note"
expect "*作者：林志强" "the author is the party secretary by default"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typ "2026-11-23"
keys Tab
typ "周末走访7栋顶楼"
keys Tab Tab Tab Tab
typ "今晚照本子补录：顶楼三户墙面发霉，已请物业先做临时封堵。"
keys F10
expect "在今天（2026-11-22）之后" "a date after today is refused, in Chinese"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typ "2026-11-15"
keys Tab Tab Tab Enter
expect "关联会议" "Enter on 关联会议 lists the meetings"
expect "[ ] 2026-H-17 2026年第1次居民会议（2026-11-18）" "the meetings are listed with number and date"
keys Down Down Space Enter
expect "1 项：2026-H-17 2026年第1次居民会议" "the checked meeting is in the field"
keys F10
expect "手记已保存：2026-11-15 周末走访7栋顶楼" "F10 saves the note"
expect "◀ 2026年 ▶  共 25 篇手记" "the count grows"
expect_sql "SELECT n.author || '|' || m.number FROM note n JOIN note_link l ON l.note_id = n.id JOIN meeting m ON m.id = l.meeting_id WHERE n.title = '周末走访7栋顶楼'" \
	"林志强|2026-H-17" "the note is stored with its author and its meeting"
expect_sql "SELECT count(*) FROM change_log WHERE entity = 'note' AND field = '新建手记' AND new_value LIKE '2026-11-15 周末走访7栋顶楼%'" \
	"1" "the new note is in the change log"

keys Enter
expect "日期：2026年11月15日　　作者：林志强" "Enter shows the note whole"
expect "▸ 会议 2026-H-17　2026年第1次居民会议" "its link is selected"
expect "顶楼三户墙面发霉" "its text is shown"
keys Enter
expect "2026-H-17 [已签字] 居民会议" "Enter on the link opens the meeting"
keys 7
expect "日期：2026年11月15日" "back on tab 7 the note is still open"
keys Escape
expect "共 25 篇手记" "Esc goes back to the list"

# ---- 大事记 ------------------------------------------------------------------
keys Tab
expect "共 41 条，另有 1 条已隐藏（s 显示）" "Tab turns to the 大事记 of the year, saying one line is hidden"
expect "2026-01-20  会议 召开2026年第1次两委联席会议（应到7人，实到7人）" "a meeting held is a line with its attendance"
expect_not "2026-03-26  会议" "the routine meeting the demo hid is not listed"
keys n
expect "添加大事记" "n on the 大事记 page adds a line by hand"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typ "2026-11-21"
keys Tab
typ "区委组织部到社区检查基层党建工作，给予肯定。"
keys F10
expect "大事记已保存：2026-11-21" "the hand line is saved"
expect "共 42 条" "the count grows"
expect "2026-11-21  手写 区委组织部到社区检查基层党建工作" "the hand line is listed at its date, selected"

keys Home Down
expect "2026-01-20  会议 召开2026年第1次两委联席会议" "the second line is the first meeting"
keys h
expect "已隐藏：这一行不写入大事记" "h hides the selected generated line"
expect "共 41 条，另有 2 条已隐藏" "the hidden line is not counted"
expect_not "召开2026年第1次两委联席会议" "and not listed"
keys s
expect "共 41 条，暗色为已隐藏的 2 条" "s shows the hidden lines"
expect "会议 （已隐藏）召开2026年第1次两委联席会议" "the hidden line is marked"
expect_sql "SELECT count(*) FROM chronicle_hidden h JOIN meeting m ON m.id = h.ref_id WHERE m.number = '2026-H-01'" \
	"1" "the hidden line is stored by the meeting's id"

keys p
expect "预览：军门社区2026年大事记" "p previews the 大事记"
expect "一月" "the preview is by month"
keys Escape
expect "[7 手记]" "Esc leaves the preview"
check_screen_sane "the 大事记 page at 80×24"

# ---- the PDF -----------------------------------------------------------------
run export chronicle --db "$DB" --year 2026 -o "$T_TMP/大事记.pdf"
rc_is 0 "export chronicle writes a PDF"
if ! command -v pdftotext >/dev/null 2>&1; then
	skip "pdftotext is not installed"
elif pdftotext "$T_TMP/大事记.pdf" "$T_TMP/c.txt" 2>/dev/null; then
	txt=$(tr -d ' \n' < "$T_TMP/c.txt")
	for want in "军门社区2026年大事记" "十一月" "11月21日" "区委组织部到社区检查基层党建工作，给予肯定。" \
	            "召开2026年第1次居民会议" "决议公开：张贴《关于楼道堆物集中清理的公示》"; do
		case "$txt" in
		*"$want"*) pass "the PDF says $want" ;;
		*) fail "the PDF lacks $want" ;;
		esac
	done
	case "$txt" in
	*"召开2026年第1次两委联席会议"*) fail "the hidden meeting is in the PDF" ;;
	*) pass "the hidden meeting is not in the PDF" ;;
	esac
else
	fail "pdftotext could not read the chronicle PDF"
fi
run export chronicle --db "$DB" --year 26
rc_is 2 "a year that is not four digits is a usage error"
has "--year 应为四位数的年份" "and says so in Chinese"
run export notes --db "$DB" --year 2026 --format txt -o "$T_TMP/手记.txt"
rc_is 0 "export notes writes the notes of the year"
file_has "$T_TMP/手记.txt" "周末走访7栋顶楼" "the new note is in the exported notes"
file_has "$T_TMP/手记.txt" "关联：2026-H-17 2026年第1次居民会议" "with the meeting it is linked to"

# ---- deleting ------------------------------------------------------------------
keys Tab
expect "共 25 篇手记" "Tab goes back to the notes"
keys Home
keys End
expect "楼顶漏水的现场" "End selects the latest note"
keys Up Up
keys DC
expect "删除手记「2026-11-15 周末走访7栋顶楼」" "Del asks before deleting the selected note"
keys y
expect "手记已删除。" "y deletes it"
expect "共 24 篇手记" "the count goes down"
expect_sql "SELECT count(*) FROM note WHERE title = '周末走访7栋顶楼'" "0" "the note is gone from the database"
expect_sql "SELECT count(*) FROM note_link l LEFT JOIN note n ON n.id = l.note_id WHERE n.id IS NULL" "0" \
	"and its links with it"
expect_sql "SELECT count(*) FROM change_log WHERE entity = 'note' AND field = '删除手记'" "1" \
	"the deletion is in the change log"
