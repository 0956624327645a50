#!/bin/sh
# test_diary.sh: 民情日记 at 80×24 on the demo database — the clerk enters
# last week's concern from a worker's notebook (Chinese text, a date in the
# future refused first), records the reply that closes the loop, filters
# by state and grid, turns a concern into a proposal from the form filled
# in for her, sees the link in the proposal's dossier and goes back to the
# entry; a linked entry cannot be deleted.  Then the list and the export
# on the command line, and the wide screen.
. tests/e2e/lib.sh

if ! $YS_BIN demo --db "$DB" >/dev/null 2>&1; then
	fail "the demo database could not be written"
	exit 1
fi

start 80 24
expect "议事厅  军门社区" "the demo community opens"

# ---- the tab ----------------------------------------------------------------
keys 6
expect "[6 民情日记]" "key 6 opens the diary tab"
expect "共 75 条：待答复 13（其中逾期 4），已答复 62；显示：全部" "the counts line says how many are open, overdue, answered"
expect_sql "SELECT count(*) FROM diary WHERE replied_on = ''" "13" "the open count agrees with the database"
expect "▸ 11-21 2026-民-070 郑宝珠" "the newest entry is selected first"
expect "待答复：应在 2026-11-24 前答复（紧急 3 天），按 p 转为议题。按 r 记录答复" \
	"the detail says when the reply is due and what to do"
expect "F2/n新增  Enter详情  e修改  r答复  p转为议题  f筛选" "the hint bar comes from the key table"
check_screen_sane "the diary at 80×24"

# ---- last week's concern, entered tonight -------------------------------------
keys n
expect "新的民情日记" "n opens the form of a new entry"
keys C-u
typ "2026-11-30"
keys Tab
pick "潘雅琴"
keys Tab
pick "徐国平"
expect "13800001048" "the resident picked from the roster brings the phone"
expect "10栋2单元" "and the building and unit"
keys Tab Tab Tab Tab Right Right Right Tab Right Tab
typ "10栋2单元楼道里有一股烧焦味，怀疑电线老化。"
keys F10
expect "反映日期 2026-11-30 还没到（今天是 2026-11-22）" "a day in the future is refused in the clerk's words"
expect_sql "SELECT count(*) FROM diary" "75" "nothing was written"
keys C-u                                 # the cursor is back on the date
typ "2026-11-16"
keys F10
expect "已记下民情日记 2026-民-071（2026-11-16 徐国平 反映）" "the entry is saved with the next number of the year"
expect_sql "SELECT raised_on || '|' || worker_name || '|' || resident_name || '|' || grid || '|' || place || '|' || category || '|' || urgency FROM diary WHERE number = '2026-民-071'" \
	"2026-11-16|潘雅琴|徐国平|第四网格|10栋2单元|环境卫生|1" "the database has what was typed, with the roster's grid"
expect_sql "SELECT content FROM diary WHERE number = '2026-民-071'" "10栋2单元楼道里有一股烧焦味，怀疑电线老化。" \
	"the Chinese text is stored whole"
expect "2026-民-071 徐国平" "the new entry is listed"
expect "待答复：应在 2026-11-23 前答复（较急 7 天），按 p 转为议题" "it is open, due in seven days"

# ---- the reply ------------------------------------------------------------------
keys r
expect "答复 2026-民-071（2026-11-16 徐国平 反映）" "r opens the reply of the selected entry"
keys C-u
typ "2026-11-18"
keys Tab
typ "已请物业电工检查，更换了老化的电线，烧焦味已消除。"
keys F10
expect "已记录 2026-民-071 的答复（2026-11-18），这条民情日记已答复。" "the reply closes the loop"
expect_sql "SELECT replied_on || '|' || reply FROM diary WHERE number = '2026-民-071'" \
	"2026-11-18|已请物业电工检查，更换了老化的电线，烧焦味已消除。" "the reply and its day are stored"
expect "共 76 条：待答复 13（其中逾期 4），已答复 63" "the counts follow"
expect "2026-11-18 答复：已请物业电工检查" "the detail shows the reply"

# ---- filters ----------------------------------------------------------------------
keys f
expect "筛选民情日记" "f offers the filters"
keys 4
expect "显示：逾期" "the overdue filter"
rows=$(screen | grep -cE '^(▸| ) [01][0-9]-[0-3][0-9] 20[0-9]{2}-民-[0-9]{3} .* 逾期 ')
if [ "$rows" -eq 4 ]; then pass "the four overdue entries are listed"; else fail "overdue: $rows rows"; fi
rows=$(screen | grep -cE '^(▸| ) [01][0-9]-[0-3][0-9] 20[0-9]{2}-民-[0-9]{3} .* (已答复|待答复) ')
if [ "$rows" -eq 0 ]; then pass "no other entry under the overdue filter"; else fail "overdue: $rows other rows"; fi
n=$(sql "SELECT n FROM (SELECT grid, row_number() OVER (ORDER BY count(*) DESC, grid) AS n FROM diary WHERE grid <> '' GROUP BY grid) WHERE grid = '第四网格'")
keys f
keys $((n + 5))
expect "显示：逾期，第四网格" "a grid filter on top of the state"
want=$(sql "SELECT count(*) FROM diary WHERE grid = '第四网格'")
expect "共 $want 条" "the counts are of the grid"
keys f 1 f 5
expect "已答复 63；显示：全部" "back to everything"
expect_not "显示：全部，" "no grid filter left"

# ---- 转为议题 ----------------------------------------------------------------------
keys Home
expect "▸ 11-21 2026-民-070" "Home selects the newest entry"
keys Down Down Down Down Down Down       # 071 before 064: the same day, newest number first
expect "▸ 11-16 2026-民-071" "the new entry is selected"
keys p
expect "新议题（来自民情日记 2026-民-071）" "p opens the new-proposal form from the entry"
expect "标题：10栋2单元楼道里有一股烧焦味，怀疑电线老化。" "the title is the first line of the concern"
expect "来源：< 民情日记 2026-民-071 >" "the source names the entry"
expect "提议人：徐国平" "the resident on the roster proposes it"
expect "类别：< 环境卫生 >" "with the entry's category"
keys F10
expect_wrapped "已登记议题 2026-014「10栋2单元楼道里有一股烧焦味，怀疑电线老化。」，来源：民情日记 2026-民-071" \
	"the proposal is recorded"
expect_sql "SELECT p.number || '|' || p.source || '|' || p.grid || '|' || p.building FROM diary d JOIN proposal p ON p.id = d.proposal_id WHERE d.number = '2026-民-071'" \
	"2026-014|民情日记 2026-民-071|第四网格|10栋2单元" "the entry points to the proposal, whose source names the entry"
expect_sql "SELECT name || '|' || kind FROM proposer WHERE proposal_id = (SELECT proposal_id FROM diary WHERE number = '2026-民-071')" \
	"徐国平|2" "the resident proposes it (居民联名: not a 居民代表)"
expect_sql "SELECT count(*) FROM change_log WHERE entity = 'diary' AND field = '转为议题' AND new_value = '2026-014'" "1" \
	"the link is in the change log"
keys Down Up                             # the long message made way for the detail
expect "已转为议题 2026-014；2026-11-18 答复：" "the diary shows the link"

# ---- a linked entry stays ------------------------------------------------------------
keys DC
expect "民情日记 2026-民-071 已转为议题 2026-014，不能删除。" "Del is refused for a linked entry"
expect_sql "SELECT count(*) FROM diary" "76" "nothing was deleted"

# ---- an entry made by mistake goes ----------------------------------------------------
keys Home
expect "▸ 11-21 2026-民-070 郑宝珠" "the newest entry is selected"
keys X
expect "删除民情日记 2026-民-070" "X asks before deleting"
keys y
expect "已删除民情日记 2026-民-070。" "an entry that led nowhere is deleted"
expect_sql "SELECT count(*) FROM diary WHERE number = '2026-民-070'" "0" "it is gone from the database"
expect_sql "SELECT count(*) FROM change_log WHERE entity = 'diary' AND field = '删除' AND old_value LIKE '2026-民-070 %'" "1" \
	"the deletion is in the change log with what was deleted"

# ---- the dossier ----------------------------------------------------------------------
keys 1
expect "[1 议题]" "back to the board"
keys Down Down Down
expect "▸2026-014" "the new proposal is selected on the board"
keys Enter
expect "【2026-014】" "its dossier opens"
expect "来源：民情日记 2026-民-071" "the dossier names the source entry"
expect "2026-民-071  2026-11-16  徐国平 反映（潘雅琴 记录）  按 m 查看这条民情日记" "the dossier shows the linked entry"
expect "10栋2单元楼道里有一股烧焦味" "and what was raised"
keys m
expect "[6 民情日记]" "m jumps to the diary"
expect "▸ 11-16 2026-民-071 徐国平" "with the entry selected"
check_screen_sane "after the round trip"

# ---- the command line ----------------------------------------------------------------------
run list diary --db "$DB" --state overdue
rc_is 0 "list diary --state overdue"
n=$(printf '%s\n' "$out" | grep -c '逾期')
if [ "$n" -eq 4 ]; then pass "four overdue entries listed"; else fail "list overdue: $n lines ($out)"; fi
run list diary --db "$DB" --state late
rc_is 2 "an unknown state is a usage error"
has "--state 只能是 open（待答复）、answered（已答复）或 overdue（逾期），不认识「late」" "said in Chinese"
run export diary --db "$DB" --format csv -o "$T_TMP/diary.csv"
rc_is 0 "export diary as CSV"
file_has "$T_TMP/diary.csv" "2026-民-071,2026-11-16,潘雅琴,徐国平" "the CSV has the new entry"
file_has "$T_TMP/diary.csv" "已答复,2026-014" "with its state and its proposal"
run export diary --db "$DB" -o "$T_TMP/diary.xlsx"
rc_is 0 "export diary as xlsx"
# read with Python's zipfile (unzip is not on a fresh machine; python3 is,
# for the roster tests)
if [ -s "$T_TMP/diary.xlsx" ] &&
   /usr/bin/python3 -c "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode())" \
	"$T_TMP/diary.xlsx" | grep -q '2026-民-071'; then
	pass "the workbook has the entry"
else
	fail "the workbook lacks the entry"
fi

# ---- wide ------------------------------------------------------------------------------
start 200 50
expect "议事厅  军门社区" "the program opens again at 200×50"
keys 6
expect "转为议题" "the wide list has the proposal column"
expect "2026-民-053 潘德胜     第三网格 7栋1单元" "with the grid in its own column"
check_screen_sane "the diary at 200×50"
keys q
