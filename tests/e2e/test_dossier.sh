#!/bin/sh
# 一事一档 and attachments.  Scans attached from files to a matter, a
# meeting and a notice (a PNG written here by zlib, a JPEG and a PDF made
# from the program's own minutes), refused with a Chinese reason when the
# file cannot be taken; listed, exported back byte for byte, and checked by
# verify (an altered blob is named).  The dossier of 2026-001, which went
# through every step, exported as PDF and read back with pdftotext part by
# part: the cover, the contents with the pages each part really starts on,
# the proposal, each meeting's attendance, speeches and vote sentences, the
# notices, the progress, the objections, the attachments with their SM3,
# the pictures (pdfimages) and the seals' digests; then the same from the
# screens (f on the dossier, b for the dossier).
. tests/e2e/lib.sh

PY=/usr/bin/python3
$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"

# ---- files to attach -----------------------------------------------------------
$PY - "$T_TMP/photo.png" <<'EOF2'
import struct, sys, zlib
w, h = 160, 100
raw = b"".join(b"\0" + b"".join(bytes((x * 255 // w, y * 255 // h, 90)) for x in range(w)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
EOF2
run export minutes --db "$DB" --meeting 2026-H-01 -o "$T_TMP/minutes.pdf"
rc_is 0 "minutes exported to make a scan of"
pdftoppm -jpeg -r 40 -f 1 -singlefile "$T_TMP/minutes.pdf" "$T_TMP/signed" || fail "pdftoppm -jpeg"
[ -s "$T_TMP/signed.jpg" ] && pass "a JPEG made from the minutes" || fail "no JPEG"

# ---- attach: refusals --------------------------------------------------------------
run attach --db "$DB" "$T_TMP/photo.png"
rc_is 2 "attach without an owner is a usage error"
has "--proposal、--meeting、--notice" "the usage error names the three owners"
run attach --db "$DB" --proposal 2026-001 --meeting 2026-H-01 "$T_TMP/photo.png"
rc_is 2 "two owners refused"
has "只能一个" "only one owner"
run attach --db "$DB" --proposal 2026-001 "$T_TMP/nothing.png"
rc_is 1 "a missing file refused"
has "找不到文件「$T_TMP/nothing.png」" "the missing file named"
run attach --db "$DB" --proposal 2026-001 "$T_TMP"
rc_is 1 "a folder refused"
has "是一个文件夹，不是文件" "a folder is not a file"
truncate -s 21M "$T_TMP/huge.pdf"
run attach --db "$DB" --proposal 2026-001 "$T_TMP/huge.pdf"
rc_is 1 "a file over 20 MB refused"
has "超过附件的上限 20 MB" "the limit said"
run attach --db "$DB" --proposal 2026-999 "$T_TMP/photo.png"
rc_is 1 "an unknown proposal refused"
has "没有编号为 2026-999 的议题" "the unknown proposal named"
expect_sql "SELECT COUNT(*) FROM attachment" 3 "nothing written by the refusals (the demo has three)"

# ---- attach, list, export --------------------------------------------------------------
run attach --db "$DB" --proposal 2026-001 "$T_TMP/photo.png" --title "验收现场照片"
rc_is 0 "a PNG attached to the matter"
has "已附上：议题 2026-001 的附件「验收现场照片」（PNG 图片" "attach says what it did"
run attach --db "$DB" --meeting 2026-h-01 "$T_TMP/signed.jpg" --title "签字的会议记录"
rc_is 0 "a JPEG attached to the meeting (number in small letters)"
has "JPEG 图片" "the JPEG known by its bytes"
run attach --db "$DB" --notice "〔2026〕1号" "$T_TMP/minutes.pdf" --title "张贴的公示"
rc_is 0 "a PDF attached to the notice by its 文号"
expect_sql "SELECT group_concat(type, ',') FROM (SELECT type FROM attachment WHERE added_at >= '2026-11-22' ORDER BY type)" \
	"jpeg,pdf,png" "types from the bytes"
expect_sql "SELECT COUNT(*) FROM change_log WHERE field = '附件'" 6 "each attachment in the change log"
run list attachments --db "$DB"
rc_is 0 "list attachments"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 6 ] && pass "six listed" || fail "list: $out"
has "议题 2026-001	验收现场照片	PNG 图片" "the list names owner, title and type"
run list attachments --db "$DB" --meeting 2026-H-01
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] && pass "two for the meeting" || fail "list --meeting: $out"
has "签字的会议记录" "the meeting's attachment"
png_id=$(sql "SELECT substr(id, 1, 8) FROM attachment WHERE file_name = 'photo.png'")
run export attachment --db "$DB" --id "$png_id" -o "$T_TMP/back/"
rc_is 0 "export attachment"
cmp -s "$T_TMP/back/photo.png" "$T_TMP/photo.png" && pass "the same bytes back" || fail "exported PNG differs"
# into the same folder again: the file there is kept, the new one numbered
printf 'the clerk'"'"'s own file' >"$T_TMP/back/photo.png"
run export attachment --db "$DB" --id "$png_id" -o "$T_TMP/back/"
has "$T_TMP/back/photo (2).png" "a file of the same name is not overwritten: photo (2).png"
grep -q "the clerk's own file" "$T_TMP/back/photo.png" && pass "the file that was there is kept" || fail "a file was overwritten"
cmp -s "$T_TMP/back/photo (2).png" "$T_TMP/photo.png" && pass "the numbered copy has the bytes" || fail "photo (2).png differs"
run export attachment --db "$DB" --id 00000000
rc_is 1 "an unknown attachment"
has "没有编号为 00000000 的附件" "the unknown attachment named"

# ---- verify --------------------------------------------------------------------------------
run verify --db "$DB"
rc_is 0 "verify with attachments"
has "附件共 6 个，全部与添加时的 SM3 摘要一致" "verify counts the attachments"
cp "$DB" "$T_TMP/altered.db"
sqlite3 "$T_TMP/altered.db" "UPDATE attachment SET data = zeroblob(size) WHERE type = 'jpeg'"
run verify --db "$T_TMP/altered.db"
rc_is 1 "verify finds an altered attachment"
has "会议 2026-H-01 的附件「签字的会议记录」" "the altered attachment named"
has "与添加时的 SM3 摘要不符" "and what is wrong with it"

# ---- the dossier ------------------------------------------------------------------------------
run export dossier --db "$DB" --proposal 2026-001 -o "$T_TMP/dossier.pdf"
rc_is 0 "export dossier"
has "已导出：$T_TMP/dossier.pdf" "written where asked"
pdftotext -layout "$T_TMP/dossier.pdf" "$T_TMP/dossier.txt"
pdftotext -raw "$T_TMP/dossier.pdf" "$T_TMP/dossier.raw"
D=$T_TMP/dossier.txt
pages=$(pdfinfo "$T_TMP/dossier.pdf" | sed -n 's/^Pages: *//p')
# the cover
file_has "$D" "议事协商档案" "cover: title"
file_has "$D" "议题编号：2026-001" "cover: number"
file_has "$D" "议题名称：10栋至12栋背巷路面硬化" "cover: matter"
file_has "$D" "议题类别：路面硬化" "cover: category"
file_has "$D" "提议人：杨建军" "cover: proposer"
file_has "$D" "办理时间：2026年1月6日（提议）至2026年6月1日（归档）" "cover: from 提议 to the last step"
file_has "$D" "办理状态：归档（已归档，办理完毕）" "cover: the state"
# the contents: each part on the page the contents say
for part in 一、提议 二、办理经过 三、会议记录 四、公示 五、实施情况 六、异议及答复 七、附件 八、会议记录签字确认的摘要; do
	pg=$(pdftotext -f 2 -l 2 -layout "$T_TMP/dossier.pdf" - | grep -F "$part" | head -1 | awk '{print $NF}')
	if [ -z "$pg" ] || [ "$pg" -lt 3 ] || [ "$pg" -gt "$pages" ]; then
		fail "contents: no page for $part ($pg)"
		continue
	fi
	if pdftotext -f "$pg" -l "$pg" "$T_TMP/dossier.pdf" - | grep -qF "$part"; then
		pass "contents: $part on page $pg"
	else
		fail "contents: $part is not on page $pg"
	fi
done
# the proposal
file_has "$D" "10栋至12栋之间的背巷长约120米" "the proposal's text"
# each meeting: its name, attendance, the speeches on this matter, every vote's sentence
for m in 2026-H-01 2026-H-02 2026-H-03; do
	title=$(sql "SELECT title FROM meeting WHERE number = '$m'")
	file_has "$D" "会议名称：$title" "meeting $m: its name"
	ent=$(sql "SELECT COUNT(*) FROM attendance WHERE meeting_id = (SELECT id FROM meeting WHERE number = '$m') AND entitled = 1")
	file_has "$D" "会议编号：$m" "meeting $m: its number"
	sql "SELECT substr(text, 1, 24) FROM minute WHERE agenda_id IN (SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id JOIN proposal p ON p.id = a.proposal_id WHERE m.number = '$m' AND p.number = '2026-001')" >"$T_TMP/speech"
	n=0
	while IFS= read -r s; do
		[ -n "$s" ] || continue
		file_has "$D" "$s" "meeting $m: speech 「$s」"
		n=$((n + 1))
	done <"$T_TMP/speech"
	[ $n -gt 0 ] && pass "meeting $m: $n speeches" || fail "meeting $m has no speech on the matter"
	sql "SELECT v.sentence FROM vote v JOIN agenda_item a ON a.id = v.agenda_id JOIN meeting m ON m.id = a.meeting_id JOIN proposal p ON p.id = a.proposal_id WHERE m.number = '$m' AND p.number = '2026-001' AND v.id NOT IN (SELECT supersedes FROM vote WHERE correction = 1 AND supersedes IS NOT NULL)" >"$T_TMP/sent"
	while IFS= read -r s; do
		[ -n "$s" ] && file_has "$D" "$s" "meeting $m: vote 「$s」"
	done <"$T_TMP/sent"
done
file_lacks "$D" "1栋至4栋雨污分流改造" "another matter of the same meetings left out"
[ "$(grep -c '出席情况' "$D")" -eq 3 ] && pass "three meetings' attendance" || fail "attendance sections"
[ "$(grep -c '应到人数' "$D")" -ge 3 ] && pass "应到 of each meeting" || fail "应到"
[ "$(grep -c '实到人数' "$D")" -ge 3 ] && pass "实到 of each meeting" || fail "实到"
# the notices, their numbers and periods
file_has "$D" "决议公开〔2026〕1号" "the 决议公开 notice"
file_has "$D" "实施结果公开〔2026〕4号" "the 实施结果公开 notice"
file_has "$D" "公示期：2026年2月12日至2026年2月18日" "a notice's period"
file_has "$D" "关于10栋至12栋背巷路面硬化的公示" "the notice as posted"
# the progress
file_has "$D" "责任人：黄建平" "the implementation's responsible"
sql "SELECT substr(text, 1, 20) FROM progress WHERE proposal_id = (SELECT id FROM proposal WHERE number = '2026-001')" >"$T_TMP/prog"
while IFS= read -r s; do
	[ -n "$s" ] && file_has "$D" "$s" "progress 「$s」"
done <"$T_TMP/prog"
# the objections (none for this matter)
file_has "$D" "六、异议及答复" "the objections part"
file_has "$D" "公示期内未收到异议。" "no objections said so"
# the attachments: listed with their whole SM3, the two pictures shown, the PDF only listed
for h in $(sql "SELECT sm3 FROM attachment"); do
	file_has "$T_TMP/dossier.raw" "$h" "attachment SM3 $(echo $h | cut -c1-8) listed"
done
file_has "$D" "验收现场照片" "the PNG's title"
file_has "$D" "张贴的公示" "the PDF listed"
imgs=$(pdfimages -list "$T_TMP/dossier.pdf" | tail -n +3)
[ "$(printf '%s\n' "$imgs" | grep -c .)" -eq 5 ] && pass "five pictures in the PDF (two here, three of the demo)" || fail "pictures: $imgs"
printf '%s\n' "$imgs" | grep -q " jpeg " && pass "the JPEG embedded as JPEG" || fail "no JPEG image: $imgs"
printf '%s\n' "$imgs" | awk '{print $4}' | grep -qx 160 && pass "the PNG in its own size" || fail "PNG size: $imgs"
# the seals' digests
for m in 2026-H-01 2026-H-02 2026-H-03; do
	h=$(sql "SELECT s.sm3 FROM seal s JOIN meeting m ON m.id = s.meeting_id WHERE m.number = '$m'")
	file_has "$D" "$h" "seal digest of $m"
done
# the pages render
pdftoppm -r 60 -png -f 1 -l 2 "$T_TMP/dossier.pdf" "$T_TMP/page" && [ -s "$T_TMP/page-01.png" ] \
	&& pass "pages render" || fail "pdftoppm"

# the same document as text and HTML
run export dossier --db "$DB" --proposal 2026-001 -o "$T_TMP/dossier.html"
rc_is 0 "dossier as HTML"
file_has "$T_TMP/dossier.html" '<ul class="contents">' "HTML contents"
file_has "$T_TMP/dossier.html" 'src="data:image/png;base64,' "HTML shows the PNG"
run export dossier --db "$DB" --proposal 2026-001 --format txt -o "$T_TMP/text/"
rc_is 0 "dossier as text"
file_has "$T_TMP/text/2026-001_10栋至12栋背巷路面硬化（一事一档）.txt" "七、附件" "text contents, the file named by number and title"

# a phone's photo turned by its EXIF orientation (6: a quarter clockwise):
# a landscape picture stands upright on its page; one that cannot be read
# says so on its page
pdftoppm -jpeg -r 50 -f 1 -singlefile -x 100 -y 100 -W 320 -H 120 "$T_TMP/minutes.pdf" "$T_TMP/land"
$PY - "$T_TMP/land.jpg" "$T_TMP/turned.jpg" <<'EOF2'
import struct, sys
j = open(sys.argv[1], "rb").read()
tiff = b"MM\0*" + struct.pack(">IH", 8, 1) + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0) + b"\0\0\0\0"
app1 = b"\xff\xe1" + struct.pack(">H", 2 + 6 + len(tiff)) + b"Exif\0\0" + tiff
open(sys.argv[2], "wb").write(j[:2] + app1 + j[2:])
EOF2
printf '\211PNG\r\n\032\nbroken' >"$T_TMP/bad.png"
for f in turned.jpg land.jpg bad.png; do
	run attach --db "$DB" --proposal 2026-009 "$T_TMP/$f" --title "照片$f"
	rc_is 0 "attached $f"
done
run export dossier --db "$DB" --proposal 2026-009 -o "$T_TMP/d9.pdf"
rc_is 0 "dossier of 2026-009"
pdftotext "$T_TMP/d9.pdf" "$T_TMP/d9.txt"
file_has "$T_TMP/d9.txt" "图片无法显示：PNG 文件不完整" "an unreadable picture said so"
# the size of what is drawn on a picture's page (its frame and content)
bbox() {
	pg=$(pdftotext "$T_TMP/d9.pdf" - | awk -v RS='\f' -v t="$1" 'index($0, t) && /SM3/ {print NR}' | tail -1)
	pdftoppm -gray -r 50 -f "$pg" -l "$pg" -singlefile "$T_TMP/d9.pdf" "$T_TMP/bb"
	$PY - "$T_TMP/bb.pgm" <<'EOF2'
import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 3)
w, h = map(int, d[1].split()); px = d[3]
xs, ys = [], []
for y in range(int(h * 0.2), int(h * 0.86)):
    for x in range(w):
        if px[y * w + x] < 245:
            xs.append(x); ys.append(y)
print(max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
EOF2
}
set -- $(bbox "照片turned.jpg")
[ "$2" -gt "$1" ] && pass "the EXIF-turned photo stands upright ($1×$2)" || fail "turned photo drawn $1×$2"
set -- $(bbox "照片land.jpg")
[ "$1" -gt "$2" ] && pass "the same photo without EXIF lies across ($1×$2)" || fail "landscape drawn $1×$2"

# a matter with objections and their answers
run export dossier --db "$DB" --proposal 2026-007 -o "$T_TMP/d7.pdf"
rc_is 0 "dossier of 2026-007"
pdftotext "$T_TMP/d7.pdf" "$T_TMP/d7.txt"
file_has "$T_TMP/d7.txt" "7栋2单元楼道里的旧书柜是我家的" "an objection"
ans=$(sql "SELECT substr(answer, 1, 20) FROM objection WHERE answer IS NOT NULL LIMIT 1")
file_has "$T_TMP/d7.txt" "$ans" "its answer"
file_has "$T_TMP/d7.txt" "尚未答复" "an objection not answered yet"
run export dossier --db "$DB" --proposal 2026-404 -o "$T_TMP/none.pdf"
rc_is 1 "an unknown matter"
has "没有编号为 2026-404 的议题" "the unknown matter named"

# ---- the screens ------------------------------------------------------------------------------
start 100 30
wait_for "议题看板" || wait_for "提议" || fail "the board did not show"
keys Tab
wait_for "归档" || fail "second page of the board"
keys Right Right Right Enter
expect "【2026-001】" "the dossier of 2026-001"
keys f
expect "附件：议题 2026-001" "f opens the matter's attachments"
expect "验收现场照片" "the attachment listed"
expect "PNG 图片" "with its type"
keys a
wait_for "附上文件" || fail "attach form"
typ "$T_TMP/nothing.jpg"
keys Tab
typ "现场照片"
keys C-s
expect "找不到文件" "a bad path said in Chinese"
expect "现场照片" "the form keeps the title"
keys C-u
typ "'$T_TMP/signed.jpg'"
keys C-s
expect "已附上「现场照片」（JPEG 图片" "attached from a quoted path"
expect_sql "SELECT COUNT(*) FROM attachment a JOIN proposal p ON p.id = a.owner_id WHERE p.number = '2026-001'" 3 "three for the matter"
keys Escape
expect "【2026-001】" "Esc back to the dossier"
keys b
expect "议事协商档案" "b previews the dossier"
expect "预览：10栋至12栋背巷路面硬化（一事一档）" "titled as a dossier"
keys Escape
check_screen_sane "screens sane"
