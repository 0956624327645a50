#!/bin/sh
# test_paper_screen.sh: the paper from the screen, as a clerk does it, on
# the demo community at 80×24 on 2026-11-22.  From the decided proposal
# 2026-006 on the board: the 决议公开 notice is made and previewed,
# exported as PDF and as GB18030 text into the documents folder, and
# printed through a real CUPS to a cups-pdf queue chosen in the preview.
# Then the notice board (days left, an objection and its answer, public
# and internal versions), a meeting signed (签字确认) from the screen that
# refuses changes and takes an addendum (更正), and the implementation of
# 2026-007 up to its 实施结果公开 notice, with the overdue 2026-003 marked.
. tests/e2e/lib.sh
Q=YS-PDF-SCREEN
. tests/e2e/cups.sh

# the user's documents folder (a Chinese name, as on a Chinese desktop)
DOCS=$T_TMP/文档
mkdir -p "$DOCS"
export XDG_DOCUMENTS_DIR="$DOCS"
OUTDIR=$DOCS/议事厅
# the text of the one-line prompt box on screen ("| text |")
prompt_text() { screen | sed -n 's/.*| \(.*[^ ]\) *|$/\1/p'; }

$YS_BIN demo --db "$DB" >/dev/null 2>&1 || fail "the demo database could not be written"
cups_ok=""
cups_setup
cups_rc=$?
[ $cups_rc = 0 ] && cups_ok=1

# ---- the demo as the test expects it ------------------------------------------------------
expect_sql "SELECT step || '/' || status FROM proposal WHERE number = '2026-006'" "4/0" "2026-006 is at 决议 in the demo"
expect_sql "SELECT count(*) FROM notice n JOIN proposal p ON p.id = n.proposal_id WHERE p.number = '2026-006'" "0" \
	"2026-006 has no notice yet"
expect_sql "SELECT step FROM proposal WHERE number = '2026-007'" "5" "2026-007 is at 决议公开 in the demo"
expect_sql "SELECT p.step || ' ' || i.deadline FROM proposal p JOIN impl i ON i.proposal_id = p.id WHERE p.number = '2026-003'" \
	"6 2026-06-30" "2026-003 is at 实施 with the deadline 2026-06-30"
# the next 文号 of 2026 and the posting period (setting notice_days, from today)
NEXTNO=$(sql "SELECT max(seq) + 1 FROM notice WHERE year = 2026")
DAYS=$(sql "SELECT value FROM setting WHERE key = 'notice_days'")
END=$(sql "SELECT date('2026-11-22', '+' || ($DAYS - 1) || ' days')")
if [ "$NEXTNO" = 7 ] && [ "$DAYS" = 7 ] && [ "$END" = 2026-11-28 ]; then
	pass "the next notice is 〔2026〕7号, posted for 7 days: 2026-11-22 to 2026-11-28"
else
	fail "the demo changed: next notice number $NEXTNO, $DAYS days, ending $END"
fi
TITLE=关于开办社区老年助餐点的公示
PARTY=$(sql "SELECT party_org FROM community")
COMMITTEE=$(sql "SELECT committee FROM community")
NAME=2026-006_$TITLE

# ---- (1) the decision notice from the board ----------------------------------------------
start 80 24
expect "2026-009" "the demo board"
keys Right Right Right
expect "▸2026-006" "2026-006 is under the cursor in the column 决议"
expect "下一步：决议公开。按 a 推进。" "the board says the next step is 决议公开 with a"
keys a
expect "决议公开：2026-006" "a opens the notice form"
expect "张贴日期：2026-11-22" "posted today unless the clerk says otherwise"
keys F10
expect "（文号在张贴时编定）" "F10 shows the notice as it will print, before it has a number"
expect_sql "SELECT step FROM proposal WHERE number = '2026-006'" "4" "nothing is posted while the clerk reads it"
keys Enter
expect "预览：$TITLE" "once posted, the notice opens with its title for printing"
expect "〔2026〕7号" "the preview shows the 文号 〔2026〕7号"
expect "全体居民：" "the preview is addressed to 全体居民"
expect "公示期：2026年11月22日至2026年11月28日。" "the preview shows the posting period in Chinese dates"
expect "2026-006「开办社区老年助餐点」进行表决" "the body names the proposal and the vote"
expect "$PARTY" "the signature (落款) names the Party committee"
expect "$COMMITTEE" "the signature names the residents' committee"
expect "                2026年11月22日" "the signature is dated 2026年11月22日"
expect "已张贴公示 〔2026〕7号" "the message says the notice was posted"
check_screen_sane "the notice preview is clean"
expect_sql "SELECT step FROM proposal WHERE number = '2026-006'" "5" "2026-006 is now at step 5 (决议公开)"
expect_sql "SELECT n.kind || '|' || n.doc_no || '|' || n.title || '|' || n.start_date || '|' || n.end_date FROM notice n JOIN proposal p ON p.id = n.proposal_id WHERE p.number = '2026-006'" \
	"1|〔2026〕7号|$TITLE|2026-11-22|2026-11-28" "the notice is stored: 决议公开, 〔2026〕7号, 11-22 to 11-28"

# ---- (2) export from the preview -----------------------------------------------------------
keys x
expect "导出为" "x asks for the format"
expect "1 PDF" "PDF is the first format"
keys Enter
expect "导出到文件夹" "then for the folder"
if prompt_text | grep -qxF -- "$OUTDIR"; then
	pass "the folder offered is 文档/议事厅 under XDG_DOCUMENTS_DIR"
else
	fail "the folder offered is not $OUTDIR"
fi
keys Enter
expect_wrapped "已导出：$OUTDIR/$NAME.pdf" "the message says where the PDF went"
PDF=$OUTDIR/$NAME.pdf
if [ -s "$PDF" ]; then
	pass "the PDF is in the documents folder, named 编号_标题.pdf"
	pdftotext -layout "$PDF" "$T_TMP/export.txt" 2>/dev/null
	file_has "$T_TMP/export.txt" "$TITLE" "the exported PDF holds the title"
	file_has "$T_TMP/export.txt" "〔2026〕7号" "the exported PDF holds the 文号"
	file_has "$T_TMP/export.txt" "公示期：2026年11月22日至2026年11月28日" "the exported PDF holds the posting period"
	file_has "$T_TMP/export.txt" "$COMMITTEE" "the exported PDF holds the signature"
	file_has "$T_TMP/export.txt" "— 1 —" "the exported notice is numbered 「— 1 —」 as GB/T 9704 numbers 公文"
	if pdffonts "$PDF" 2>/dev/null | grep -i 'CJK' | grep -q ' yes '; then
		pass "the exported PDF embeds its CJK font"
	else
		fail "no embedded CJK font in the exported PDF: $(pdffonts "$PDF" 2>&1 | tail -n +3 | head -3)"
	fi
else
	fail "no PDF at $PDF (folder holds: $(ls -R "$DOCS" 2>&1 | tr '\n' ' '))"
fi

keys x
expect "4 纯文本 GB18030" "the formats include GB18030 text"
keys Down Down Down Enter
expect "导出到文件夹" "the folder again"
if prompt_text | grep -qxF -- "$OUTDIR"; then
	pass "the second export offers the same folder again"
else
	fail "the second export offers '$(prompt_text | tr '\n' ' ')' instead of $OUTDIR"
	# as the clerk would: type the right folder
	keys C-u
	typ "$OUTDIR"
fi
keys Enter
expect_wrapped "已导出：$OUTDIR/$NAME.txt" "the message says where the GB18030 text went"
TXT=$OUTDIR/$NAME.txt
if [ -s "$TXT" ]; then
	pass "the GB18030 text is in the documents folder"
	if iconv -f UTF-8 -t UTF-8 "$TXT" >/dev/null 2>&1; then
		fail "the GB18030 export is valid UTF-8: it was not converted"
	else
		pass "the GB18030 export is not UTF-8"
	fi
	iconv -f GB18030 -t UTF-8 "$TXT" >"$T_TMP/gb.txt" 2>/dev/null || fail "iconv could not read the export as GB18030"
	file_has "$T_TMP/gb.txt" "$TITLE" "read as GB18030, the text holds the title"
	file_has "$T_TMP/gb.txt" "公示期：2026年11月22日至2026年11月28日" "and the posting period"
else
	fail "no text file at $TXT"
fi

# ---- (3) print from the preview -----------------------------------------------------------
if [ -n "$cups_ok" ]; then
	ls -d "${TMPDIR:-/tmp}"/yishiting-* 2>/dev/null | sort >"$T_TMP/tmp-before"
	if ! LC_ALL=C lpstat -d 2>/dev/null | grep -q 'system default destination:'; then
		keys P
		expect "没有设置默认打印机" "with no printer chosen and no system default, P says so"
		expect "$Q" "and names the printers there are"
	fi
	keys d
	expect "选择打印机" "d lists the printers"
	expect "1 系统默认打印机" "the first choice is the system default"
	idx=$(LC_ALL=C lpstat -e 2>/dev/null | grep -nx -- "$Q" | cut -d: -f1)
	if [ -n "$idx" ]; then
		i=0; while [ $i -lt "$idx" ]; do keys Down; i=$((i + 1)); done
		keys Enter
		expect "打印机：$Q" "the queue $Q is chosen"
		expect_sql "SELECT value FROM setting WHERE key = 'printer'" "$Q" "the choice is kept in the setting printer"
	else
		fail "lpstat -e does not list $Q"
		keys Escape
	fi
	touch "$T_TMP/stamp"
	sleep 1
	keys P
	expect "已送打印机 $Q（作业 $Q-" "P prints and names the printer and the job" 30
	if wait_pdf "$TITLE"; then
		pass "the printed notice arrived from cups-pdf ($(basename "$got"))"
		# cups-pdf names the file after the job's title, as the print queue
		# shows it to the clerk: the document's name, as `yishiting print` gives it
		case "$(basename "$got")" in
		2026-006_*) pass "the print job is titled after the notice (2026-006_…)" ;;
		*) fail "the print job's title is not the notice's name 2026-006_…: cups-pdf wrote $(basename "$got")" ;;
		esac
		for want in "$TITLE" "全体居民" "现予公示" "$PARTY" "$COMMITTEE"; do
			if han "$T_TMP/arrived.txt" | grep -qF -- "$(hanstr "$want")"; then
				pass "the printed notice holds 「$want」"
			else
				fail "the printed notice lacks 「$want」"
			fi
		done
		[ -s "$PDF" ] && same_han notice "$PDF"
	else
		fail "no PDF with 「$TITLE」 arrived in 60 s in $outdirs; queue: $(LC_ALL=C lpstat -o "$Q" 2>&1 | head -3)"
	fi
	ls -d "${TMPDIR:-/tmp}"/yishiting-* 2>/dev/null | sort >"$T_TMP/tmp-after"
	if cmp -s "$T_TMP/tmp-before" "$T_TMP/tmp-after"; then
		pass "printing left no temporary file in /tmp"
	else
		fail "left in /tmp: $(comm -13 "$T_TMP/tmp-before" "$T_TMP/tmp-after" | tr '\n' ' ')"
	fi
elif [ $cups_rc = 1 ]; then
	fail "printing from the preview is not checked: no CUPS"
fi
check_screen_sane "the preview after export and print is clean"
keys Escape
expect "决议公开 (2)" "Esc closes the preview: the board has followed 2026-006 to the column 决议公开"
expect "▸2026-006" "with the cursor on it"

# ---- (4) the notice board -------------------------------------------------------------------
keys 5
expect "[5 公示栏]" "the notice board"
expect "▸〔2026〕7号 决议公开 关于开办社区老年助餐点的… 11-22至11-28 还剩 7 天" \
	"the new notice is listed first: 7 days left of 11-22 to 11-28"
expect "〔2026〕6号 决议公开 关于楼道堆物集中清理的公… 11-17至11-23 还剩 2 天" "〔2026〕6号 has 2 days left"
expect "〔2026〕5号 结果公开 关于1栋至4栋雨污分流改造… 11-10至11-16 已过公示期" "〔2026〕5号 is marked 已过公示期"
expect "公示期内没有收到异议" "no objections yet"
keys o
expect "异议人" "o asks who objects"
typ "欧阳明德"
keys Enter
expect "异议内容" "then for the objection"
typ "助餐点午餐价格偏高，希望再议"
keys C-s
expect "已记录 欧阳明德 对 〔2026〕7号 的异议" "the objection is recorded"
expect "还剩 7 天  1/1未答" "the list counts one unanswered objection"
expect "欧阳明德：助餐点午餐价格偏高，希望再议" "the clerk sees the objection under the list"
keys r
expect "答复哪一条异议" "r asks which objection to answer"
keys Enter
expect "答复内容" "then for the answer"
typ "价格经街道核定，低保和高龄老人另有优惠"
keys Enter
expect "已答复" "the answer is recorded"
expect_not "1/1未答" "the objection no longer counts as unanswered"
expect_sql "SELECT o.person || '|' || o.content || '|' || o.answer FROM objection o JOIN notice n ON n.id = o.notice_id WHERE n.doc_no = '〔2026〕7号'" \
	"欧阳明德|助餐点午餐价格偏高，希望再议|价格经街道核定，低保和高龄老人另有优惠" "the objection and its answer are stored"
keys i
expect "（内部存档）" "i previews the internal version"
keys End
expect "异议人：欧阳明德" "the internal version names the objector"
expect "答复：价格经街道核定，低保和高龄老人另有优惠" "and gives the answer"
keys Escape
expect "[5 公示栏]" "back on the notice board"
keys Enter
expect "预览：$TITLE   第" "Enter previews the public version"
expect "〔2026〕7号" "the public version is the same notice"
expect_not "欧阳明德" "the public version does not name the objector"
expect_not "内部存档" "the public version is not marked internal"
keys End
expect_not "欧阳明德" "not even at its end"
keys Escape
expect "[5 公示栏]" "back on the notice board"

# ---- (5) a meeting signed from the screen ------------------------------------------------------
keys 2 n
expect "新会议" "a new meeting"
keys Tab Tab Tab Tab C-u
typ "社区党群服务中心二楼会议室"
keys Tab
pick "林志强"
keys Tab Tab
pick "王晓燕"
keys Tab Tab
typ "冬季消防安全检查安排"
keys C-s
expect "已建立会议 2026-H-21" "the meeting 2026-H-21 is set up"
keys Enter Enter Enter Enter Enter
expect "实到 5" "five sign in"
keys s
expect "会议开始" "the meeting opens"
keys Tab
expect "[记录]" "the minutes tab"
keys i
wait_for "输入姓名查找" 5
typ "林志强"
sleep 0.2
keys Enter
expect "记录发言  时间 按钟点  发言人：林志强" "recording 林志强's words, the time from the clock"
typ "入冬前对各楼道灭火器逐一检查"
keys Enter
expect "已保存第 1 条记录" "the minute is saved"
keys Escape
keys z
expect "仍然散会" "z asks before closing"
keys y
expect "遗留问题" "then for open questions"
keys C-s
expect "[已散会]" "the meeting is closed"
keys f
expect "已在纸面记录上签字" "f asks whether chair and clerk signed"
keys y
expect "[已签字]" "the meeting is signed and sealed"
expect_sql "SELECT s.chair_name || '|' || s.clerk_name || '|' || length(s.sm3) FROM seal s JOIN meeting m ON m.id = s.meeting_id WHERE m.number = '2026-H-21'" \
	"林志强|王晓燕|64" "the seal is stored with the SM3 digest"
SEALMSG="会议记录已签字确认，不能修改；如有错误请按 e 添加更正。"
# a minute: refused on the key, before anything is typed
keys i
expect "$SEALMSG" "adding a minute to a sealed meeting is refused with the message"
expect_not "Enter 保存本条" "no entry line opens on a sealed meeting"
# the speech, and the line 散会 wrote for the item left open (not voted)
expect_sql "SELECT count(*) FROM minute mi JOIN meeting m ON m.id = mi.meeting_id WHERE m.number = '2026-H-21'" "2" \
	"the sealed minutes still hold their two lines"
expect_sql "SELECT count(*) FROM minute mi JOIN meeting m ON m.id = mi.meeting_id WHERE m.number = '2026-H-21' AND mi.text LIKE '议题 % 未表决，留作未决。'" "1" \
	"散会 wrote why the item was left open"
# sign-in
keys Tab Tab
expect "[签到]" "the sign-in tab"
ATT="SELECT group_concat(a.person_no || ':' || a.status || ':' || a.signed_at, ' ') FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.number = '2026-H-21'"
att_before=$(sql "$ATT")
keys Enter
expect "$SEALMSG" "changing the sign-in of a sealed meeting is refused with the message"
keys l
expect "$SEALMSG" "so is marking someone 请假"
expect_not "请假原因" "without asking for a reason first"
expect_sql "$ATT" "$att_before" "the sign-in in the database is unchanged"
expect "实到 5  请假 0" "and on screen"
# a vote
keys Tab Tab
expect "[表决]" "the vote tab"
keys v
expect "不能" "a vote in a sealed meeting is refused"
expect_sql "SELECT count(*) FROM vote v JOIN meeting m ON m.id = v.meeting_id WHERE m.number = '2026-H-21'" "0" "no vote was stored"
# the addendum
keys e
expect "更正的理由" "e asks for the reason of the addendum"
typ "记录人漏记发言人职务"
keys Enter
expect "更正的内容" "then for its text"
typ "第1条发言人林志强为社区党委书记"
keys C-s
expect "已添加更正" "the addendum is added"
expect_sql "SELECT a.reason || '|' || a.text FROM addendum a JOIN meeting m ON m.id = a.meeting_id WHERE m.number = '2026-H-21'" \
	"记录人漏记发言人职务|第1条发言人林志强为社区党委书记" "the addendum is stored"
keys p
expect "预览：2026年第8次两委联席会议记录" "p previews the minutes"
keys End
expect "更正理由：记录人漏记发言人职务" "the preview shows the reason of the addendum"
expect "更正内容：第1条发言人林志强为社区党委书记" "and its text"
expect "经主持人林志强、记录人王晓燕签字确认" "and the signature"
check_screen_sane "the minutes preview is clean"
keys Escape
keys Escape
expect "F3/n新会议" "back on the meeting list"
expect "▸2026-H-21" "with the new meeting chosen"
keys p
expect "预览：2026年第8次两委联席会议记录" "p on the meeting list previews its minutes"
keys End
expect "更正理由：记录人漏记发言人职务" "with the addendum"
keys Escape
expect "F3/n新会议" "Esc returns to the meeting list"
out=$(env $SAN_ENV $YS_BIN verify --db "$DB" 2>&1); rc=$?
case "$rc:$out" in
0:*完好*) pass "verify: every sealed record matches its digest" ;;
*) fail "verify (exit $rc): $out" ;;
esac

# ---- (6) implementation ---------------------------------------------------------------------
keys 1
expect "[1 议题]" "the board"
screen | grep -qF "决议公开 (" || keys Tab
expect "决议公开 (2)" "the second page of the board"
expect "2026-003 已逾" "the overdue 2026-003 is marked 已逾期 on its card"
expect_not "2026-007 已逾" "2026-007 is not marked overdue"
expect "▸2026-006" "2026-006 under the cursor"
keys p
expect "预览：$TITLE" "p on the board previews 2026-006's notice"
expect "公示期：2026年11月22日至2026年11月28日。" "the one made today"
keys Escape
expect "[1 议题]" "back on the board"
keys Down
expect "▸2026-007" "2026-007 under the cursor"
expect "下一步：组织实施。按 a 推进。" "the next step of 2026-007 is 组织实施"
keys a
expect "组织实施：2026-007" "a opens the form 组织实施"
pick "游建华"
expect "*责任人：游建华" "the responsible person is picked"
keys Tab
typ "2026-12-31"
keys C-s
expect "决议公示期到 2026-11-23 才结束，请写明提前的理由" "starting while the decision notice is up asks why"
typ "入冬前须清除楼道消防隐患。"
keys Enter
expect "已进入实施：2026-11-22 起，责任人 游建华，时限 2026-12-31" "2026-007 goes to 实施"
expect_sql "SELECT p.step || '|' || i.responsible || '|' || i.deadline FROM proposal p JOIN impl i ON i.proposal_id = p.id WHERE p.number = '2026-007'" \
	"6|游建华|2026-12-31" "2026-007 is at step 6 with its person and deadline"
expect "实施 (2)" "two proposals in the column 实施"
expect "▸2026-007" "the cursor has followed 2026-007 into the column 实施"
keys Up
expect "▸2026-003" "2026-003 first"
expect "已逾期：时限 2026-06-30，责任人 黄建平" "its detail says it is overdue"
keys Down
expect "▸2026-007" "then 2026-007"
expect_not "▸2026-007 已逾" "2026-007's card is not overdue"
keys r
expect "实施进展" "r asks for a progress entry"
expect "进展日期：2026-11-22" "on today's date unless the clerk says otherwise"
keys Tab
typ "各楼栋张贴清理通知，已清运堆物三车"
keys C-s
expect "已记录 2026-11-22 的实施进展" "the progress is recorded"
expect_sql "SELECT g.at || '|' || g.text FROM progress g JOIN proposal p ON p.id = g.proposal_id WHERE p.number = '2026-007'" \
	"2026-11-22|各楼栋张贴清理通知，已清运堆物三车" "the progress entry is stored"
keys a
expect "实施结果公开：2026-007" "a opens the result notice form"
keys Tab Tab
typ "物业公司承担清运费用，社区未出资。"
keys F10
expect "决议公示期到 2026-11-23 才结束，请写明提前的理由" "the result before the decision notice ends asks why"
typ "清理已完成，居民要求尽快公开。"
keys Enter
expect "资金使用情况：物业公司承担清运费用，社区未出资。" "the draft carries the clerk's paragraph"
keys Enter
expect "预览：关于楼道堆物集中清理实施结果的公示" "the result notice preview"
expect "〔2026〕8号" "it is 〔2026〕8号"
expect "由游建华负责，完成时限为2026年12月31" "it names the person and the deadline"
expect "2026年11月22日：各楼栋张贴清理通知，已清运堆物三车" "it is written from the progress entry"
expect "公示期：2026年11月22日至2026年11月28日。" "its posting period"
expect_sql "SELECT p.step || '|' || n.kind || '|' || n.doc_no FROM notice n JOIN proposal p ON p.id = n.proposal_id WHERE p.number = '2026-007' AND n.kind = 2" \
	"7|2|〔2026〕8号" "2026-007 is at 结果公开 with its notice"
keys Escape
expect "结果公开 (2)" "the board shows two in 结果公开"

# ---- (7) decisions as data and the board as a page, from the screen ----------------------
keys x
expect "导出全部决议的数据" "x on the board offers the decisions as data"
keys 1
expect "导出决议数据到文件夹" "it asks for the folder"
keys Enter
CSV=$(ls "$OUTDIR"/决议汇总_2026-11-22.csv 2>/dev/null | head -1)
expect_wrapped "已导出：$OUTDIR/决议汇总_2026-11-22.csv" "the message says where the CSV went"
if [ -f "$CSV" ] && [ "$(head -c 3 "$CSV" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then
	pass "the CSV starts with the UTF-8 byte order mark (Excel, WPS)"
else
	fail "no CSV with a BOM at $OUTDIR/决议汇总_2026-11-22.csv"
fi
if [ -f "$CSV" ] && grep -q "2026-006" "$CSV" && grep -q "开办社区老年助餐点" "$CSV"; then
	pass "the CSV holds the decision made on screen"
else
	fail "the CSV lacks 2026-006"
fi
keys 5 x
expect "公示栏网页导出到文件夹" "x on the 公示栏 exports the board as a page"
keys Enter
expect "已导出公示栏网页" "the board site is written"
if [ -f "$OUTDIR/公示栏/index.html" ] && grep -q "关于开办社区老年助餐点的公示" "$OUTDIR/公示栏/index.html"; then
	pass "its index lists the notice posted today"
else
	fail "no board index with the new notice in $OUTDIR/公示栏"
fi
keys q
wait_for "程序已退出" 5
expect "程序已退出:0" "q leaves the program with status 0"

out=$(env $SAN_ENV $YS_BIN check --db "$DB" 2>&1)
case "$out" in *完好*) pass "the database passes its check" ;; *) fail "check: $out" ;; esac
