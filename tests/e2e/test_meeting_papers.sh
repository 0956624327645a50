#!/bin/sh
# The papers a clerk prints before a meeting, on the demo community's
# upcoming 2026-H-20 (居民代表会议, not yet held, two items): from the
# meetings screen (m: 签到表, 表决票, 议程, 主持词, each previewed and
# exported with x) at 80×24, and from the command line (export and the
# refusals of bad options).
. tests/e2e/lib.sh

OUTDIR=$T_TMP/out
mkdir -p "$OUTDIR"
$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
start 80 24
expect "2026-009" "the demo board"
keys 2
expect "2026-H-20" "the upcoming meeting is listed"
expect "未开始" "not yet held"
expect "m会前材料" "the bottom line names the papers key"
# inside it: who has asked for leave, and what the meeting will need
keys Enter
expect "请假：出差在外" "the 请假 asked for ahead is on the sign-in list"
expect "开会须至少 10 人" "the quorum meter says what the meeting will need"
screen | grep -q "✗ 不足" && fail "a meeting not yet held is shown as short of its quorum" ||
	pass "a meeting not yet held is not shown as short of its quorum"
keys Escape
expect "m会前材料" "back at the list"

# 签到表 by grid
keys m
expect "会前材料" "m offers the papers"
expect "会议通知（预览后可编号张贴" "the notice of the meeting first"
expect "签到表（按应到名单" "the sign-in sheet"
expect "主持词" "and the chair's script"
keys Down Enter
expect "签到表的次序" "the order is asked"
keys Down Enter
expect "2026年第4次居民代表会议签到表" "the sheet is previewed"
expect "网格/楼栋" "with its columns"
check_screen_sane "the sheet preview is clean"
keys x
expect "导出为" "x exports it"
keys Enter
expect "导出到文件夹" "to a folder"
keys C-u
typ "$OUTDIR"
keys Enter
expect "已导出" "the sheet is exported"
keys Escape
PDF=$(ls "$OUTDIR"/*签到表.pdf 2>/dev/null | head -n 1)
[ -s "$PDF" ] && pass "the sheet is a PDF named after the meeting" || fail "no sign-in sheet PDF in $OUTDIR"
pdftotext "$PDF" "$T_TMP/s.txt"
file_has "$T_TMP/s.txt" "参加对象：全体居民代表（应到 15 人）" "the sheet names who is expected"
file_has "$T_TMP/s.txt" "列席人员签到表" "with a sheet for 列席"

# 表决票: both items on one ballot, 15 (应到), three to a page (measured)
keys m Down Down Enter
expect "表决事项：2 项" "both open items are ticked"
expect "份数：15" "as many as 应到"
keys Tab Tab C-u
typ "0"
keys F10
expect "「份数」超出范围，请输入 1 到 5000 之间的整数。" "0 copies is refused, naming the range"
keys C-u
typ "abc"
keys F10
expect "「份数」只能输入数字，请输入 1 到 5000 之间的整数。" "letters are refused, naming the same range"
keys C-u
typ "15"
keys F10
expect "每张表决票有 2 项议程，一页最多印 3 张" "four to a page is reduced to what fits, and the clerk is told"
expect "表决票" "the ballots are previewed"
expect "同意的画“○”，不同意的画“×”，弃权的不画任何符号" "with the instruction"
keys x Enter C-u
typ "$OUTDIR"
keys Enter
expect "已导出" "the ballots are exported"
keys Escape
PDF=$(ls "$OUTDIR"/*表决票.pdf 2>/dev/null | head -n 1)
[ "$(pdfinfo "$PDF" 2>/dev/null | awk '/^Pages:/ {print $2}')" = 5 ] &&
	pass "15 ballots three to a page make 5 pages" || fail "the ballots PDF has not 5 pages"

# 主持词 for a secret ballot
keys m Down Down Down Down Down Enter
expect "主持词按哪种表决方式写" "the script asks the method"
keys Down Enter
expect "主持词" "the script is previewed"
expect "实到______人" "实到 is left blank before the meeting"
keys Escape
expect "2026-H-20" "back at the list"

# 会议通知: read as it will print, then numbered and posted
sql "UPDATE community SET doc_abbr = '军社'"
keys m Enter
expect "会议通知" "the notice's form"
expect "张贴日期：2026-11-22" "posted today by default"
expect "联系人：王晓燕" "the clerk is the contact"
keys Tab
typ "居民代表证"
keys F10
expect "关于召开2026年第4次居民代表会议的通知" "the notice is previewed"
expect "（文号在张贴时编定）" "unnumbered until posted"
keys x
expect "这是张贴前的预览，还没有文号：按 Enter 编号并张贴后再导出、打印。" \
	"x on the draft says why it is not exported yet"
expect "全体居民代表：" "addressed to those who attend"
expect "请携带：居民代表证" "what to bring"
expect_sql "SELECT count(*) FROM notice WHERE kind = 3" "0" "nothing posted while previewing"
keys Enter
expect "已张贴会议通知 军社〔2026〕7号" "Enter posts it, numbered with the office's short name"
expect_sql "SELECT doc_no || '|' || start_date || '|' || end_date FROM notice WHERE kind = 3" \
	"军社〔2026〕7号|2026-11-22|2026-12-10" "posted from today to the meeting's day"
keys Escape
keys 5
expect "会议通知" "the 公示栏 lists the notice of the meeting"
keys 2
keys q
expect "程序已退出:0" "the program quits"

# ---- the command line ----------------------------------------------------------
run export meeting-notice --db "$DB" --meeting 2026-H-20 --format pdf -o "$OUTDIR/notice.pdf"
rc_is 0 "export the posted meeting notice"
pdftotext "$OUTDIR/notice.pdf" "$T_TMP/n.txt"
file_has "$T_TMP/n.txt" "军社〔2026〕7号" "the PDF carries the number"
file_has "$T_TMP/n.txt" "—1—" "the page number as GB/T 9704 sets it"
file_has "$T_TMP/n.txt" "联系人：王晓燕" "and who to ask"
for p in signin ballots agenda script; do
	run export $p --db "$DB" --meeting 2026-H-20 --format pdf -o "$OUTDIR/$p.pdf"
	rc_is 0 "export $p"
	pdffonts "$OUTDIR/$p.pdf" | grep -q "yes yes" && pass "$p: the font is embedded" ||
		fail "$p: the font is not embedded"
done
pdftotext "$OUTDIR/signin.pdf" "$T_TMP/s.txt"
file_has "$T_TMP/s.txt" "黄美玲" "the sign-in sheet lists the representatives"
file_has "$T_TMP/s.txt" "请假：出差在外，12月12日返回" "with the 请假 asked for ahead of the meeting"
pdftotext "$OUTDIR/agenda.pdf" "$T_TMP/a.txt"
file_has "$T_TMP/a.txt" "表决议题 2026-008「2栋南侧闲置地块改建停车位」" "the agenda lists the items"
file_has "$T_TMP/a.txt" "党员大会审议通过" "with the steps passed before"
pdftotext "$OUTDIR/script.pdf" "$T_TMP/c.txt"
file_has "$T_TMP/c.txt" "赞成须超过出席人数的半数（按实到人数计算）" "the script says the rule that decides"
run export ballots --db "$DB" --meeting 2026-H-20 --named --format txt -o "$OUTDIR/named.txt"
rc_is 0 "named ballots"
file_has "$OUTDIR/named.txt" "记名表决票" "named ballots are titled so"
file_has "$OUTDIR/named.txt" "表决人：" "and carry a name"
mkdir -p "$OUTDIR/ways"
run export ballots --db "$DB" --meeting 2026-H-20 -o "$OUTDIR/ways"
run export ballots --db "$DB" --meeting 2026-H-20 --separate -o "$OUTDIR/ways"
[ -s "$OUTDIR/ways/2026-H-20_2026年第4次居民代表会议表决票.pdf" ] &&
	[ -s "$OUTDIR/ways/2026-H-20_2026年第4次居民代表会议表决票（每项单独一张）.pdf" ] &&
	pass "ballots printed each item separately go to a file of their own" ||
	fail "the two ways of printing ballots do not make two files: $(ls "$OUTDIR/ways")"
run export ballots --db "$DB" --meeting 2026-H-20 --per-page 3
rc_is 2 "--per-page 3 is refused"
has "--per-page 只能是 1、2 或 4" "saying what it may be"
run export ballots --db "$DB" --meeting 2026-H-20 --items 5
rc_is 1 "an item not on the agenda is refused"
has "没有第 5 项议程（共 2 项）" "naming the item"
run export agenda --db "$DB" --meeting 2026-h-20 --format txt -o "$OUTDIR/lower.txt"
rc_is 0 "a meeting number typed in small letters is found"
file_has "$OUTDIR/lower.txt" "2026年第4次居民代表会议议程" "and its paper made"
run export agenda --db "$DB" --meeting 2026-H-20 -o "$OUTDIR/agenda.docx"
rc_is 1 "a file name the program cannot make (.docx) is refused"
has "不能导出为「.docx」这种文件" "saying so in Chinese"
[ -e "$OUTDIR/agenda.docx" ] && fail "a PDF was written under the name agenda.docx" ||
	pass "no file is written under that name"
run export agenda --db "$DB" --meeting 2026-H-20 --format pdf -o "$OUTDIR/agenda2.txt"
rc_is 1 "a PDF asked for under a .txt name is refused"
has "PDF 应以 .pdf 结尾" "naming the extension it needs"
run export agenda --db "$DB" --meeting 2026-H-20 -o "$OUTDIR/agenda3.htm"
rc_is 0 "the format follows a name the program can make (.htm)"
file_has "$OUTDIR/agenda3.htm" "<html" "as HTML"
run export signin --db "$DB" --meeting 2026-H-99
rc_is 1 "an unknown meeting is refused"
has "没有编号为 2026-H-99 的会议" "naming the number"
