#!/bin/sh
# Statistics and the annual ledger on the demo community: every number of
# the workbook `stats` writes, read back by another tool (openpyxl), is
# checked against SQL written here independently of the program; the PDF
# carries every table and its charts in vectors (no pictures); the text on
# the terminal; bad periods refused in Chinese; on the screen, tab 8 with
# its bars, another year, a period typed in, the preview.
. tests/e2e/lib.sh

PY=/usr/bin/python3
if ! $PY -c 'import openpyxl' 2>/dev/null; then
	fail "python3-openpyxl is missing (sh tools/deps.sh test installs it)"
	exit 0
fi
$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"

# ---- the workbook against SQL ----------------------------------------------
run stats --db "$DB" --year 2026 --format xlsx -o "$T_TMP/stats.xlsx"
rc_is 0 "stats --format xlsx"
has "已导出：$T_TMP/stats.xlsx" "the workbook's path said"

# every cell of every sheet as "sheet|row label|column head=value"
$PY - "$T_TMP/stats.xlsx" >"$T_TMP/cells" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets[1:]:
    rows = list(ws.iter_rows(values_only=True))
    head = rows[2]
    for r in rows[3:]:
        if r[0] is None or str(r[0]).startswith("注："):
            continue
        for h, v in zip(head[1:], r[1:]):
            if h is None:
                continue
            if isinstance(v, float) and v != int(v):
                v = "%.4f" % v
            elif isinstance(v, (int, float)):
                v = int(v)
            print("%s|%s|%s=%s" % (ws.title.split(" ", 1)[1], r[0], h, v))
print("概况|" + wb.worksheets[0]["A4"].value)
EOF
cell() { grep -F -- "$1|$2|$3=" "$T_TMP/cells" | head -1 | sed 's/.*=//'; }
same() {
	got=$(cell "$1" "$2" "$3")
	if [ "$got" = "$4" ]; then pass "$1 $2 $3 = $4"; else fail "$1 $2 $3: workbook has '$got', SQL says '$4'"; fi
}

Y0=2026-01-01; Y1=2026-12-31
HELD="status = 2 AND date BETWEEN '$Y0' AND '$Y1'"
for k in "1 两委联席会议" "2 党员大会" "3 居民会议" "4 居民代表会议" "5 议事协商会"; do
	kind=${k%% *}; name=${k#* }
	same "会议召开情况（按类型）" "$name" "召开次数" "$(sql "SELECT COUNT(*) FROM meeting WHERE kind = $kind AND $HELD")"
	same "会议召开情况（按类型）" "$name" "应到人次" \
		"$(sql "SELECT COUNT(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.kind = $kind AND m.status = 2 AND m.date BETWEEN '$Y0' AND '$Y1' AND a.entitled = 1")"
	same "会议召开情况（按类型）" "$name" "实到人次" \
		"$(sql "SELECT COUNT(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.kind = $kind AND m.status = 2 AND m.date BETWEEN '$Y0' AND '$Y1' AND a.entitled = 1 AND a.status = 1")"
done
same "会议召开情况（按类型）" "合计" "召开次数" "$(sql "SELECT COUNT(*) FROM meeting WHERE $HELD")"
rate=$(sql "SELECT printf('%.4f', 1.0 * SUM(a.entitled = 1 AND a.status = 1) / SUM(a.entitled))
            FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 2 AND m.date BETWEEN '$Y0' AND '$Y1'")
same "会议召开情况（按类型）" "合计" "出席率" "$rate"
for m in 2 11; do
	same "会议召开情况（按月）" "${m}月" "合计" \
		"$(sql "SELECT COUNT(*) FROM meeting WHERE $HELD AND CAST(substr(date, 6, 2) AS INTEGER) = $m")"
done
same "会议召开情况（按月）" "11月" "议事协商" \
	"$(sql "SELECT COUNT(*) FROM meeting WHERE $HELD AND kind = 5 AND substr(date, 6, 2) = '11'")"

# the matters' events in the year, counted in SQL
EV="substr(at, 1, 10) BETWEEN '$Y0' AND '$Y1'"
same "议题办理结果" "新提出" "议题数" "$(sql "SELECT COUNT(DISTINCT proposal_id) FROM proposal_event WHERE action = 1 AND $EV")"
same "议题办理结果" "决议通过" "议题数" "$(sql "SELECT COUNT(DISTINCT proposal_id) FROM proposal_event WHERE action = 2 AND to_step = 4 AND $EV")"
same "议题办理结果" "实施结果公开（办结）" "议题数" "$(sql "SELECT COUNT(DISTINCT proposal_id) FROM proposal_event WHERE action = 8 AND $EV")"
same "议题办理结果" "归档" "议题数" "$(sql "SELECT COUNT(DISTINCT proposal_id) FROM proposal_event WHERE action = 9 AND $EV")"
same "议题办理结果" "不予采纳" "议题数" "$(sql "SELECT COUNT(DISTINCT proposal_id) FROM proposal_event WHERE action = 4 AND $EV")"
same "议题办理结果" "撤回" "议题数" "$(sql "SELECT COUNT(DISTINCT proposal_id) FROM proposal_event WHERE action = 5 AND $EV")"
same "议题办理情况（按类别）" "停车管理" "新提出" \
	"$(sql "SELECT COUNT(DISTINCT e.proposal_id) FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id WHERE e.action = 1 AND p.category = '停车管理' AND substr(e.at, 1, 10) BETWEEN '$Y0' AND '$Y1'")"
# the demo's matters all began this year: the steps at the end are today's
for s in "1 提议" "4 决议" "8 归档"; do
	same "期末议题所处步骤" "${s#* }" "议题数" "$(sql "SELECT COUNT(*) FROM proposal WHERE status = 0 AND step = ${s%% *}")"
done
same "期末议题所处步骤" "不予采纳" "议题数" "$(sql "SELECT COUNT(*) FROM proposal WHERE status = 1")"
# days from 提议 to 决议, each matter's first decision in the year
same "议题办理用时（天）" "提议至决议" "最长" \
	"$(sql "SELECT MAX(d) FROM (SELECT CAST(julianday(MIN(substr(e.at, 1, 10))) - julianday(p.proposed_on) AS INTEGER) d
	        FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id
	        WHERE e.action = 2 AND e.to_step = 4 AND $EV GROUP BY p.id)")"
same "议事协商会" "召开议事协商会（次）" "数量" "$(sql "SELECT COUNT(*) FROM meeting WHERE kind = 5 AND $HELD")"
same "议事协商会" "协商事项（件）" "数量" \
	"$(sql "SELECT COUNT(*) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.kind = 5 AND m.status = 2 AND m.date BETWEEN '$Y0' AND '$Y1'")"
same "议事协商会" "形成协商意见、化解矛盾（件）" "数量" \
	"$(sql "SELECT COUNT(*) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.kind = 5 AND m.status = 2 AND m.date BETWEEN '$Y0' AND '$Y1' AND i.outcome <> 0 AND trim(i.decision) <> ''")"
# the 民情日记 of the year (the clock of the test: 2026-11-22)
DY="raised_on BETWEEN '$Y0' AND '$Y1'"
same "民情日记（按类别）" "合计" "收到" "$(sql "SELECT COUNT(*) FROM diary WHERE $DY")"
same "民情日记（按类别）" "合计" "已答复" "$(sql "SELECT COUNT(*) FROM diary WHERE $DY AND replied_on <> ''")"
same "民情日记（按类别）" "合计" "转为议题" "$(sql "SELECT COUNT(*) FROM diary WHERE $DY AND proposal_id IS NOT NULL")"
DUE="date(raised_on, '+' || CASE urgency WHEN 2 THEN 3 WHEN 1 THEN 7 ELSE 15 END || ' days')"
same "民情日记（按类别）" "合计" "按时答复" "$(sql "SELECT COUNT(*) FROM diary WHERE $DY AND replied_on <> '' AND replied_on <= $DUE")"
same "民情日记（按类别）" "合计" "逾期未答复" "$(sql "SELECT COUNT(*) FROM diary WHERE $DY AND replied_on = '' AND $DUE < '2026-11-22'")"
cat=$(sql "SELECT category FROM diary WHERE $DY GROUP BY category ORDER BY COUNT(*) DESC, category LIMIT 1")
same "民情日记（按类别）" "$cat" "收到" "$(sql "SELECT COUNT(*) FROM diary WHERE $DY AND category = '$cat'")"
file_has "$T_TMP/cells" "概况|2026年，共召开会议$(sql "SELECT COUNT(*) FROM meeting WHERE $HELD")次" "the summary on the first sheet"
# Excel's own charts are in the workbook
if $PY -c "import zipfile,sys; sys.exit(0 if any(n.startswith('xl/charts/chart') for n in zipfile.ZipFile('$T_TMP/stats.xlsx').namelist()) else 1)"; then
	pass "the workbook carries Excel charts"
else
	fail "no chart in the workbook"
fi

# ---- the PDF and the terminal ----------------------------------------------
run stats --db "$DB" --year 2026 -o "$T_TMP/stats.pdf"
rc_is 0 "stats -o x.pdf"
pdftotext -layout "$T_TMP/stats.pdf" "$T_TMP/stats.txt"
for h in "军门社区2026年议事协商工作统计" "一、概况" "九、民情日记（按类别）" "二、会议召开情况（按类型）" "三、会议召开情况（按月）" \
         "四、议题办理情况（按类别）" "五、期末议题所处步骤" "六、议题办理结果" "七、议题办理用时（天）" "八、议事协商会"; do
	file_has "$T_TMP/stats.txt" "$h" "the PDF has $h"
done
file_has "$T_TMP/stats.txt" "两委联席 党员大会 居民会议 居民代表 议事协商" "the stacked chart's legend in the PDF"
if [ -z "$(pdfimages -list "$T_TMP/stats.pdf" 2>/dev/null | sed 1,2d)" ]; then
	pass "the charts are vectors, not pictures"
else
	fail "the PDF holds pictures"
fi
pdftoppm -r 30 -png -f 1 -l 2 "$T_TMP/stats.pdf" "$T_TMP/page" && [ -s "$T_TMP/page-1.png" ] && pass "the PDF renders"

run stats --db "$DB" --year 2026
rc_is 0 "stats on the terminal"
has "二、会议召开情况（按类型）" "the tables as text"
has "图例：█ 两委联席  ▒ 党员大会" "a chart in block characters"
run stats --db "$DB" --period 2026-11-01..2026-11-30 --format txt -o -
has "（2026年11月1日至2026年11月30日）" "a period"
has "共召开会议$(sql "SELECT COUNT(*) FROM meeting WHERE status = 2 AND date BETWEEN '2026-11-01' AND '2026-11-30'")次" "the period's meetings"
run stats --db "$DB" --year 2026 --format html -o "$T_TMP/stats.html"
rc_is 0 "stats as HTML"
file_has "$T_TMP/stats.html" 'class="bar-row"' "HTML bars"

# ---- refused --------------------------------------------------------------
run stats --db "$DB" --year 二零二六
rc_is 2 "a year in words refused"
has "--year 应为四位数的年份" "why"
run stats --db "$DB" --period 2026-08-31..2026-03-01
rc_is 2 "a period back to front refused"
has "起始日期 2026-08-31 晚于截止日期 2026-03-01" "why"
run stats --db "$DB" --period 2026-03-01
rc_is 2 "a period without its end refused"
has "起始日期..截止日期" "the form shown"
run stats --db "$DB" --year 2026 --period 2026-01-01..2026-02-01
rc_is 2 "both refused"
run stats --db "$DB" --year 2026 -o "$T_TMP/stats.docx"
rc_is 1 "an unknown kind of file refused"
has "统计只能导出为 PDF（.pdf）、HTML（.html）、纯文本（.txt）或 Excel（.xlsx）" "what it can be"
[ -e "$T_TMP/stats.docx" ] && fail "a .docx was written" || pass "nothing written"

# ---- the screen --------------------------------------------------------------
start 80 24
wait_for "1 议题" 10
keys 8
expect "统计期间：2026年（2026年1月1日至2026年12月31日）" "tab 8 shows this year"
expect "一、概况" "the summary numbered as on paper"
expect "二、会议召开情况（按类型）" "the first table"
expect "两委联席会议" "its rows"
if screen | grep -q '党员大会.*█'; then pass "bars beside the rows"; else fail "no bars on screen"; fi
expect "d起止日期" "the keys in the hint bar"
check_screen_sane "80x24"
keys Tab Tab Tab
expect "四、议题办理情况（按类别）" "Tab: the next table, then the next"
keys PageDown
expect "六、议题办理结果" "PageDown scrolls on"
i=0
while [ $i -lt 10 ] && ! screen | grep -qF "一、概况"; do keys Tab; sleep 0.2; i=$((i + 1)); done
if screen | grep -qF "一、概况" && [ $i -ge 3 ]; then
	pass "Tab after the last table comes back to the start ($i presses)"
else
	fail "Tab never came back to the summary ($i presses)"
fi
keys Left
expect "统计期间：2025年" "← the year before"
expect_wrapped "2025年，共召开会议0次" "an empty year says so"
keys Right
expect "统计期间：2026年" "→ back"
keys Right
expect "2027 年还没到：统计到今年为止。" "a year that has not come is not counted"
keys d
expect "统计一段时间" "d asks for a period"
keys C-u
typ "2026-03-01"
keys Tab C-u
typ "2026-02-01"
keys F10
expect "起始日期 2026-03-01 晚于截止日期 2026-02-01" "a period back to front refused on the form"
keys C-u
typ "2026-08-31"
keys F10
expect "统计期间：2026年3月1日至2026年8月31日    ←→ 按年统计" "the period typed in, said once"
keys p
expect "军门社区2026年3月1日至2026年8月31日议事协商工作统计" "the preview of the report"
keys Escape
wait_for "统计期间" 5
keys q
start 200 50
wait_for "1 议题" 10
keys 8
expect "出席率" "200x50"
if screen | grep -q '议事协商会.*█'; then pass "bars at 200 columns"; else fail "no bars at 200 columns"; fi
check_screen_sane "200x50"
