#!/bin/sh
# test_export.sh: the documents and data leave the program from the command
# line, on the demo community: minutes of a sealed meeting as txt/html/pdf
# (title, 散会, the SM3 digest, page numbers), a notice in its public
# version (no objector names, no roster phone numbers) and its internal
# one, GB18030 on request, the default export folder and file names,
# decisions as CSV (UTF-8 BOM, RFC 4180) and JSON, `list`, `verify` before
# and after the database is altered behind the program's back, HTML
# escaping of everything the clerk typed, and the errors.
. tests/e2e/lib.sh

# runo ARGS...: stdout only into $T_TMP/stdout, stderr into $T_TMP/stderr
runo() { env $SAN_ENV $YS_BIN "$@" >"$T_TMP/stdout" 2>"$T_TMP/stderr" </dev/null; rc=$?; }

$YS_BIN demo --db "$DB" >/dev/null 2>&1 || fail "the demo database could not be written"
OUT=$T_TMP/out
mkdir -p "$OUT"

# ---- minutes of a sealed meeting ---------------------------------------------------
M=$(sql "SELECT m.number FROM seal s JOIN meeting m ON m.id = s.meeting_id ORDER BY m.date DESC, m.number DESC LIMIT 1")
MTITLE=$(sql "SELECT title FROM meeting WHERE number = '$M'")
SM3=$(sql "SELECT s.sm3 FROM seal s JOIN meeting m ON m.id = s.meeting_id WHERE m.number = '$M'")
if [ -n "$M" ] && [ ${#SM3} -eq 64 ]; then pass "the demo has a sealed meeting ($M)"; else fail "no sealed meeting in the demo"; fi

for f in txt html pdf; do
	run export minutes --db "$DB" --meeting "$M" --format $f -o "$OUT/minutes.$f"
	rc_is 0 "export minutes as $f exits 0"
	has "已导出：$OUT/minutes.$f" "export minutes as $f says where it wrote"
done
pdftotext -layout "$OUT/minutes.pdf" "$OUT/minutes.pdf.txt" 2>/dev/null
file_has "$OUT/minutes.pdf.txt" "$MTITLE" "the minutes PDF holds the meeting's title"
file_has "$OUT/minutes.pdf.txt" "散会" "the minutes PDF holds 散会"
file_has "$OUT/minutes.pdf.txt" "$SM3" "the minutes PDF carries the SM3 digest"
file_has "$OUT/minutes.pdf.txt" "第 1 页 共" "the minutes PDF is paginated 第 1 页 共 N 页"
pages=$(pdfinfo "$OUT/minutes.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
digests=$(tr -d ' ' <"$OUT/minutes.pdf.txt" | grep -c "$SM3")
if [ -n "$pages" ] && [ "$digests" -ge "$pages" ]; then
	pass "the digest is on every page ($pages pages)"
else
	fail "the digest is on $digests lines of $pages pages"
fi
if pdffonts "$OUT/minutes.pdf" 2>/dev/null | grep -i 'CJK' | grep -q ' yes '; then
	pass "the minutes PDF embeds a CJK font"
else
	fail "no embedded CJK font: $(pdffonts "$OUT/minutes.pdf" 2>&1)"
fi
file_has "$OUT/minutes.txt" "$MTITLE" "the minutes text holds the title"
file_has "$OUT/minutes.txt" "散会" "the minutes text holds 散会"
file_has "$OUT/minutes.txt" "$SM3" "the minutes text holds the digest"
file_has "$OUT/minutes.html" "$MTITLE" "the minutes HTML holds the title"
file_has "$OUT/minutes.html" "散会" "the minutes HTML holds 散会"
if head -c 200 "$OUT/minutes.html" | grep -qi '<!DOCTYPE html>'; then pass "the HTML is a complete page"; else fail "the HTML does not start as a page"; fi

# the format follows the file name when --format is left out
run export minutes --db "$DB" --meeting "$M" -o "$OUT/guess.html"
rc_is 0 "export with -o x.html and no --format exits 0"
if head -c 200 "$OUT/guess.html" | grep -qi '<html'; then pass "-o x.html writes HTML"; else fail "-o x.html did not write HTML"; fi

# ---- the default folder and the file names ----------------------------------------------
H=$T_TMP/home
mkdir -p "$H"
out=$(env -u XDG_DOCUMENTS_DIR HOME="$H" XDG_CONFIG_HOME="$H/.config" $SAN_ENV $YS_BIN export minutes --db "$DB" --meeting "$M" --format pdf 2>&1 </dev/null); rc=$?
rc_is 0 "export without -o exits 0"
want="$H/Documents/议事厅/${M}_"
has "已导出：$want" "without -o the file goes to ~/Documents/议事厅, named by number and title"
f=$(printf '%s\n' "$out" | sed -n 's/^已导出：//p')
if [ -s "$f" ] && case "$f" in *.pdf) true ;; *) false ;; esac; then pass "the file is there: $(basename "$f")"; else fail "no file at '$f'"; fi
D2=$T_TMP/docs
out=$(env HOME="$H" XDG_DOCUMENTS_DIR="$D2" $SAN_ENV $YS_BIN export minutes --db "$DB" --meeting "$M" --format txt 2>&1 </dev/null); rc=$?
has "已导出：$D2/议事厅/${M}_" "XDG_DOCUMENTS_DIR decides the folder"
sqlite3 "$DB" "INSERT OR REPLACE INTO setting(key, value) VALUES ('export_dir', '$T_TMP/setting-dir')"
out=$(env HOME="$H" XDG_DOCUMENTS_DIR="$D2" $SAN_ENV $YS_BIN export minutes --db "$DB" --meeting "$M" --format txt 2>&1 </dev/null); rc=$?
has "已导出：$T_TMP/setting-dir/${M}_" "the setting export_dir (the folder chosen last, as it is) comes first"
sqlite3 "$DB" "DELETE FROM setting WHERE key = 'export_dir'"
mkdir -p "$OUT/dir"
run export minutes --db "$DB" --meeting "$M" --format txt -o "$OUT/dir"
rc_is 0 "export into a folder given with -o exits 0"
has "已导出：$OUT/dir/${M}_" "-o FOLDER names the file by number and title"

# ---- a notice: public and internal ---------------------------------------------------------
NP=$(sql "SELECT p.number FROM notice n JOIN proposal p ON p.id = n.proposal_id WHERE n.kind = 1 ORDER BY n.year DESC, n.seq DESC LIMIT 1")
NID=$(sql "SELECT n.id FROM notice n JOIN proposal p ON p.id = n.proposal_id WHERE n.kind = 1 AND p.number = '$NP' ORDER BY n.year DESC, n.seq DESC LIMIT 1")
NTITLE=$(sql "SELECT title FROM notice WHERE id = '$NID'")
DOCNO=$(sql "SELECT doc_no FROM notice WHERE id = '$NID'")
[ -n "$NP" ] && pass "the demo has a decision notice ($NP, $DOCNO)" || fail "no decision notice in the demo"
# an objection with a name and a phone number: neither may be on the public paper
sqlite3 "$DB" "INSERT INTO objection(id, notice_id, received_at, person, content)
	VALUES ('0b1ec710-0000-4000-8000-000000000001', '$NID', '2026-11-20 10:00:00', '欧阳异议人',
	        '我是13912345678的住户，对清运时间有意见')"
for f in txt html pdf; do
	run export notice --db "$DB" --proposal "$NP" --kind decision --format $f -o "$OUT/notice.$f"
	rc_is 0 "export notice as $f exits 0"
done
pdftotext -layout "$OUT/notice.pdf" "$OUT/notice.pdf.txt" 2>/dev/null
for f in notice.txt notice.html notice.pdf.txt; do
	file_has "$OUT/$f" "$NTITLE" "$f holds the notice's title"
	file_has "$OUT/$f" "$DOCNO" "$f holds the 文号"
	file_has "$OUT/$f" "公示期" "$f holds the posting period"
	file_lacks "$OUT/$f" "欧阳异议人" "$f (public) leaves out the objector's name"
	file_lacks "$OUT/$f" "13912345678" "$f (public) leaves out the objector's phone"
done
phones_found=""
for ph in $(sql "SELECT phone FROM person WHERE phone <> ''"); do
	for f in notice.txt notice.html notice.pdf.txt; do
		if tr -d ' \n' <"$OUT/$f" | grep -qF -- "$ph"; then phones_found="$phones_found $f:$ph"; fi
	done
done
if [ -z "$phones_found" ]; then pass "no roster phone number is in the public notice"; else fail "roster phones in the public notice:$phones_found"; fi
run export notice --db "$DB" --proposal "$NP" --format txt --internal -o "$OUT/notice-internal.txt"
rc_is 0 "export notice --internal exits 0"
file_has "$OUT/notice-internal.txt" "欧阳异议人" "the internal version names the objector"
run export notice --db "$DB" --proposal "$NP" --format pdf
has "已导出：" "a notice exported without -o says where it went"
run export notice --db "$DB" --proposal "$NP" --format pdf -o "$OUT/dir"
has "已导出：$OUT/dir/${NP}_$NTITLE.pdf" "the notice's file is named 编号_标题.pdf"

# ---- GB18030 ------------------------------------------------------------------------------
run export notice --db "$DB" --proposal "$NP" --format txt --gb18030 -o "$OUT/notice-gb.txt"
rc_is 0 "export --gb18030 exits 0"
# the GB18030 text is for old Windows: its lines end in CR LF, which
# Notepad needs; back in UTF-8 with LF it is exactly the UTF-8 export
lines=$(wc -l <"$OUT/notice-gb.txt")
crlfs=$(grep -c "$(printf '\r')\$" "$OUT/notice-gb.txt")
if [ "$lines" -gt 5 ] && [ "$crlfs" = "$lines" ]; then pass "every line of the GB18030 text ends in CR LF ($lines)"
else fail "$crlfs of $lines lines of the GB18030 text end in CR LF"; fi
if grep -q "$(printf '\r')" "$OUT/notice.txt"; then fail "the UTF-8 text has CRs"; else pass "the UTF-8 text keeps LF"; fi
if iconv -f GB18030 -t UTF-8 "$OUT/notice-gb.txt" | tr -d '\r' >"$OUT/notice-gb-back.txt" 2>/dev/null &&
   cmp -s "$OUT/notice-gb-back.txt" "$OUT/notice.txt"; then
	pass "the GB18030 text converts back to exactly the UTF-8 export"
else
	fail "GB18030 round trip differs: $(iconv -f GB18030 -t UTF-8 "$OUT/notice-gb.txt" 2>&1 | diff - "$OUT/notice.txt" | head -5)"
fi
if cmp -s "$OUT/notice-gb.txt" "$OUT/notice.txt"; then fail "the GB18030 file is the same bytes as UTF-8"; else pass "the GB18030 file is really converted"; fi
run export minutes --db "$DB" --meeting "$M" --format html --gb18030 -o "$OUT/minutes-gb.html"
rc_is 0 "export HTML --gb18030 exits 0"
if iconv -f GB18030 -t UTF-8 "$OUT/minutes-gb.html" | grep -qi 'charset="\{0,1\}gb18030'; then
	pass "the GB18030 HTML declares its charset"
else
	fail "the GB18030 HTML does not declare gb18030"
fi
run export minutes --db "$DB" --meeting "$M" --format pdf --gb18030 -o "$OUT/x.pdf"
rc_is 2 "--gb18030 with a PDF is a usage error"

# ---- decisions as data ------------------------------------------------------------------------
# every proposal decided (决议 or later, in the procedure), and every 不予采纳
# that came after a vote on its agenda item
want=$(sql "SELECT (SELECT count(*) FROM proposal WHERE status = 0 AND step >= 4) +
	(SELECT count(*) FROM proposal p WHERE p.status = 1 AND EXISTS (SELECT 1 FROM proposal_event e
	  JOIN vote v ON v.agenda_id = e.agenda_id WHERE e.proposal_id = p.id AND e.action = 4))")
runo export decisions --db "$DB" --format csv
rc_is 0 "export decisions csv to stdout exits 0"
C=$T_TMP/stdout
if [ "$(head -c 3 "$C" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ]; then pass "the CSV starts with the UTF-8 BOM"; else fail "no BOM: $(head -c 3 "$C" | od -An -tx1)"; fi
hdr=$(head -n 1 "$C" | tail -c +4 | tr -d '\r')
if [ "$hdr" = "编号,标题,类别,提议日期,商议日期,审议日期,决议日期,决议会议,应到,实到,赞成,反对,弃权,结果,当前步骤" ]; then
	pass "the CSV header names the columns"
else
	fail "CSV header: $hdr"
fi
rows=$(($(wc -l <"$C") - 1))
if [ "$rows" -eq "$want" ] && [ "$want" -gt 0 ]; then pass "one CSV row per decision ($rows)"; else fail "CSV has $rows rows, expected $want"; fi
if head -n 2 "$C" | tail -n 1 | grep -q "$(printf '\r')\$"; then pass "CSV lines end in CRLF"; else fail "CSV lines do not end in CRLF"; fi
if grep -q '通过' "$C" && grep -q '不予采纳' "$C"; then pass "the CSV has passed and rejected decisions"; else fail "CSV results: $(cut -d, -f14 "$C" | sort -u | tr '\n' ' ')"; fi
run export decisions --db "$DB" --format csv -o "$OUT/decisions.csv"
rc_is 0 "export decisions -o exits 0"
if cmp -s "$OUT/decisions.csv" "$C"; then pass "the CSV file equals the stdout export"; else fail "CSV file and stdout differ"; fi
# a name that lies about the file is refused, for data and the site too
run export decisions --db "$DB" --format csv -o "$OUT/decisions.docx"
rc_is 1 "decisions to a .docx name are refused"
has "决议数据只能导出为 CSV（.csv）或 JSON（.json），请把文件名改为以 .csv 结尾" "saying what it can write"
run export decisions --db "$DB" --format csv -o "$OUT/decisions.json"
rc_is 1 "CSV under a .json name is refused"
has "扩展名与导出格式不符：CSV 应以 .csv 结尾" "saying the extension it should have"
[ -e "$OUT/decisions.docx" ] || [ -e "$OUT/decisions.json" ] && fail "a refused export left a file" || pass "no file written"
run export board --db "$DB" -o "$OUT/公示栏.html"
rc_is 1 "the board site to a file name is refused"
has "公示栏网页是一个文件夹" "saying it is a folder"
[ -e "$OUT/公示栏.html" ] && fail "a folder named 公示栏.html was made" || pass "nothing made under that name"
run export decisions --db "$DB" --format csv --gb18030 -o "$OUT/decisions-gb.csv"
rc_is 0 "export decisions csv --gb18030 exits 0"
iconv -f GB18030 -t UTF-8 "$OUT/decisions-gb.csv" >"$OUT/back.csv" 2>/dev/null
if tail -c +4 "$C" | cmp -s - "$OUT/back.csv"; then
	pass "the GB18030 CSV (no BOM) converts back to the UTF-8 one"
else
	fail "the GB18030 CSV differs from the UTF-8 one"
fi
run export decisions --db "$DB" --format json -o "$OUT/decisions.json"
rc_is 0 "export decisions json exits 0"
if command -v python3 >/dev/null 2>&1; then
	n=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d) if all("steps" in x and "vote" in x for x in d) else -1)' <"$OUT/decisions.json" 2>&1)
else
	n=$(sqlite3 :memory: "SELECT CASE WHEN json_valid(readfile('$OUT/decisions.json')) THEN json_array_length(readfile('$OUT/decisions.json')) ELSE 'invalid' END")
fi
if [ "$n" = "$want" ]; then pass "the JSON parses: an array of $n decisions with steps and votes"; else fail "JSON: $n (expected $want)"; fi
run export decisions --db "$DB" --format xml
rc_is 2 "an unknown data format is a usage error"

# ---- list ------------------------------------------------------------------------------------
for what in meetings proposals notices; do
	runo list "$what" --db "$DB"
	rc_is 0 "list $what exits 0"
	case $what in meetings) tbl=meeting ;; proposals) tbl=proposal ;; notices) tbl=notice ;; esac
	n=$(wc -l <"$T_TMP/stdout")
	want=$(sql "SELECT count(*) FROM $tbl")
	if [ "$n" -eq "$want" ]; then pass "list $what prints one line per record ($n)"; else fail "list $what printed $n lines for $want records"; fi
	# meetings have a fifth field: how they stand
	nf=4; [ "$what" = meetings ] && nf=5
	bad=$(awk -F '\t' -v nf=$nf 'NF != nf || $1 == "" || $2 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/' "$T_TMP/stdout" | head -3)
	if [ -z "$bad" ]; then pass "list $what lines are number, date, kind/step, title (and status)"; else fail "list $what bad lines: $bad"; fi
done
if env $SAN_ENV $YS_BIN list meetings --db "$DB" 2>/dev/null |
   awk -F '\t' -v m="$M" -v t="$MTITLE" '$1 == m && $4 == t { f = 1 } END { exit !f }'; then
	pass "list meetings shows $M with its title"
else
	fail "list meetings lacks $M"
fi
# the demo has a meeting postponed to a day to come and one cancelled: the
# fifth field says so, for the meetings the database says it of
runo list meetings --db "$DB"
for st in "0 AND postponed_from <> '':已延期" "3:已取消"; do
	want=${st##*:}
	n=$(sql "SELECT number FROM meeting WHERE status = ${st%%:*}")
	if [ -n "$n" ] && awk -F '\t' -v m="$n" -v s="$want" '$1 == m && $5 == s { f = 1 } END { exit !f }' "$T_TMP/stdout"; then
		pass "list meetings shows $n as $want"
	else
		fail "list meetings lacks a meeting $want ($n): $(head -3 "$T_TMP/stdout")"
	fi
done

# ---- minutes of a meeting entered afterwards (补录): the meeting's times ----------
A=$(sql "SELECT number FROM meeting WHERE status = 2 AND held_live = 0 ORDER BY number LIMIT 1")
AEND=$(sql "SELECT date || ' ' || end_time FROM meeting WHERE number = '$A'")
ASPAN=$(sql "SELECT held_start || ' 至 ' || end_time FROM meeting WHERE number = '$A'")
TYPED=$(sql "SELECT substr(s.recorded_at, 1, 10) FROM seal s JOIN meeting m ON m.id = s.meeting_id WHERE m.number = '$A'")
if [ -n "$A" ] && [ -n "$TYPED" ] && [ "$TYPED" != "${AEND%% *}" ]; then
	pass "the demo has a meeting entered afterwards ($A, typed on $TYPED)"
else
	fail "no meeting entered afterwards in the demo ($A, $TYPED)"
fi
run export minutes --db "$DB" --meeting "$A" --format txt -o "$OUT/afterwards.txt"
rc_is 0 "the minutes of $A are exported"
file_has "$OUT/afterwards.txt" "起止时间：$ASPAN" "they show the meeting's own start and end"
file_has "$OUT/afterwards.txt" "签字确认 $AEND" "signed as the meeting ended, on paper"
file_lacks "$OUT/afterwards.txt" "$TYPED" "the day they were typed in is not printed as the meeting's"
file_lacks "$OUT/afterwards.txt" "$(date -d "$TYPED" +%Y年%-m月%-d日)" "not even in Chinese"
run list people --db "$DB"
rc_is 2 "list of something unknown is a usage error"

# ---- verify ------------------------------------------------------------------------------------
run verify --db "$DB"
rc_is 0 "verify on the demo exits 0"
has "完好" "verify says all is well"
V=$T_TMP/altered.db
cp "$DB" "$V"
sqlite3 "$V" "UPDATE minute SET text = '改' WHERE id = (SELECT mi.id FROM minute mi JOIN meeting m ON m.id = mi.meeting_id WHERE m.number = '$M' ORDER BY mi.seq LIMIT 1)"
run verify --db "$V"
rc_is 1 "verify after a minute was altered in SQLite exits 1"
has "$M" "verify names the altered meeting"
n=$(printf '%s\n' "$out" | grep -c -- '-H-')
if [ "$n" -eq 1 ]; then pass "only that meeting is reported"; else fail "verify reported $n lines naming meetings: $out"; fi

# ---- HTML escaping ------------------------------------------------------------------------------
E=$T_TMP/escape.db
cp "$DB" "$E"
EVIL='<script>alert(1)</script>&"'
sqlite3 "$E" "UPDATE meeting SET title = '$EVIL' WHERE number = '$M'"
sqlite3 "$E" "UPDATE minute SET text = '<img src=x onerror=alert(2)>' WHERE id = (SELECT mi.id FROM minute mi JOIN meeting m ON m.id = mi.meeting_id WHERE m.number = '$M' ORDER BY mi.seq LIMIT 1)"
sqlite3 "$E" "UPDATE notice SET title = '$EVIL', body = '正文<b>加粗</b>' WHERE id = '$NID'"
run export minutes --db "$E" --meeting "$M" --format html -o "$OUT/evil-minutes.html"
rc_is 0 "export minutes with a hostile title exits 0"
run export notice --db "$E" --proposal "$NP" --format html -o "$OUT/evil-notice.html"
rc_is 0 "export notice with a hostile title exits 0"
for f in evil-minutes.html evil-notice.html; do
	if grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;&amp;' "$OUT/$f"; then pass "$f shows the title as text (&lt;script&gt;)"; else fail "$f lacks the escaped title"; fi
	if grep -qi '<script' "$OUT/$f"; then fail "$f contains a raw <script>"; else pass "$f has no raw <script>"; fi
	if grep -qi '<img\|<b>' "$OUT/$f"; then fail "$f contains raw markup typed by the clerk"; else pass "$f has no raw markup from the clerk"; fi
done
run export minutes --db "$E" --meeting "$M" --format txt -o "$OUT/evil.txt"
file_has "$OUT/evil.txt" "$EVIL" "the text export keeps the title as typed"
# a title with characters not allowed in file names
sqlite3 "$E" "UPDATE meeting SET title = '第3次/会议:记录*?' WHERE number = '$M'"
mkdir -p "$OUT/names"
run export minutes --db "$E" --meeting "$M" --format txt -o "$OUT/names"
n=$(ls "$OUT/names" | wc -l)
name=$(ls "$OUT/names")
case "$name" in
"${M}_第3次_会议_记录__"*.txt) pass "/ : * ? in a title become _ in the file name ($name)" ;;
*) fail "file name: '$name' ($n files)" ;;
esac

# ---- errors --------------------------------------------------------------------------------------
run export minutes --db "$DB" --meeting 1999-H-99 --format txt -o "$OUT/none.txt"
rc_is 1 "an unknown meeting exits 1"
has "没有编号为 1999-H-99 的会议" "the unknown meeting is named"
if [ -e "$OUT/none.txt" ]; then fail "a file was written for an unknown meeting"; else pass "no file for an unknown meeting"; fi
NONOTICE=$(sql "SELECT number FROM proposal WHERE step <= 3 ORDER BY number LIMIT 1")
run export notice --db "$DB" --proposal "$NONOTICE" --format txt -o "$OUT/none.txt"
rc_is 1 "a proposal without a notice exits 1"
has "还没有决议公开的公示" "it says there is no notice yet"
run export minutes --db "$DB" --meeting "$M" --format doc -o "$OUT/x.doc"
rc_is 2 "an unknown document format exits 2"
run export minutes --meeting "$M" --format txt
rc_is 2 "export without --db exits 2"
has "需要 --db" "it says --db is missing"
run export minutes --db "$T_TMP/missing.db" --meeting "$M" --format txt
rc_is 1 "export on a missing database exits 1"
has "数据库文件不存在" "it says the database is missing"
run export minutes --db "$DB" --meeting "$M" --format txt -o "$T_TMP/no/such/dir/x.txt"
rc_is 1 "export into a missing folder exits 1"
has "无法写入" "it says the file cannot be written"
run export frobs --db "$DB"
rc_is 2 "export of something unknown exits 2"
run export minutes --db "$DB" --meeting "$M" --printer X
rc_is 2 "an option the command does not take exits 2"
run --help
has "export minutes" "--help lists export"
has "yishiting verify" "--help lists verify"
has "yishiting list" "--help lists list"
has "yishiting print" "--help lists print"
