#!/bin/sh
# test_board_site.sh: `yishiting export board` writes the notice board as
# a small static site.  Opened in a real headless Chromium: the notices of
# the posting window are on the index with their days left (expired ones
# marked), each has its own page, nothing is loaded from elsewhere and no
# script runs, the clerk's text is escaped, and the pages fit a 1920×1080
# lobby screen and a 390×844 phone without horizontal overflow — also
# with long unbroken strings (phone numbers, digests, URLs) in them.
. tests/e2e/lib.sh

if ! command -v chromium >/dev/null 2>&1; then
	fail "chromium is not installed (sh tools/deps.sh test installs it)"
	exit 1
fi
# chrome ARGS...: headless Chromium that never hangs the test
chrome() {
	prof=$(mktemp -d "$T_TMP/chrome.XXXXXX")
	timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$prof" "$@" 2>/dev/null </dev/null
}

$YS_BIN demo --db "$DB" >/dev/null 2>&1 || fail "the demo database could not be written"
TODAY=${NOW%% *}
S=$T_TMP/site

# long unbroken strings in what the site shows: a URL in the objection
# channel, a digest and a long number in the body, a long Latin word in the
# title of a notice still posted, and a hostile title on an expired one
POSTED=$(sql "SELECT id FROM notice WHERE start_date <= '$TODAY' AND end_date >= '$TODAY' ORDER BY start_date DESC LIMIT 1")
EXPIRED=$(sql "SELECT id FROM notice WHERE end_date < '$TODAY' AND end_date >= date('$TODAY', '-30 days') ORDER BY end_date DESC LIMIT 1")
if [ -n "$POSTED" ] && [ -n "$EXPIRED" ]; then
	pass "the demo has a notice posted on $TODAY and one recently expired"
else
	fail "the demo lacks a posted ($POSTED) or a recently expired ($EXPIRED) notice on $TODAY"
fi
LONGURL="https://www.example.gov.cn/jumin/gongshi/2026/11/notice-attachment-download-0123456789abcdefghijklmnopqrstuvwxyz.pdf"
DIGEST="7ea76b1baa7e79ab3b0b6aa990d32ddd322197e89e24ed2f47786769d63ada787ea76b1baa7e79ab3b0b6aa990d32ddd"
sqlite3 "$DB" "UPDATE notice SET
	title = title || 'Supercalifragilisticexpialidocious_AND_A_VERY_LONG_WORD_WITHOUT_ANY_BREAK',
	channel = channel || ' 附件：$LONGURL 电话：059187654321059187654321059187654321',
	body = body || char(10) || '摘要：$DIGEST'
	WHERE id = '$POSTED'"
sqlite3 "$DB" "INSERT INTO objection(id, notice_id, received_at, person, content, answer, answered_at)
	VALUES ('0b1ec710-0000-4000-8000-00000000b0a1', '$POSTED', '$TODAY 09:00:00', '欧阳异议人',
	        '清运时间太早，详见$LONGURL', '已调整为上午九点后清运。', '$TODAY 11:00:00')"
EVIL='<script>alert(1)</script>&"'
sqlite3 "$DB" "UPDATE notice SET title = '$EVIL' WHERE id = '$EXPIRED'"

run export board --db "$DB" -o "$S"
rc_is 0 "export board exits 0"
has "$S/index.html" "export board says where the site is"
[ -s "$S/index.html" ] && pass "index.html is written" || fail "no $S/index.html"

# the notices of the window: posted today, or expired in the last 30 days
sql "SELECT id || '|' || title || '|' || end_date FROM notice
     WHERE start_date <= '$TODAY' AND end_date >= date('$TODAY', '-30 days')
     ORDER BY start_date DESC" >"$T_TMP/window"
nwin=$(wc -l <"$T_TMP/window")
npages=$(ls "$S" | grep -v '^index\.html$' | grep -c '\.html$')
if [ "$npages" -eq "$nwin" ] && [ "$nwin" -ge 2 ]; then pass "one page per notice of the window ($npages)"; else fail "$npages pages for $nwin notices: $(ls "$S")"; fi
OLD=$(sql "SELECT title FROM notice WHERE end_date < date('$TODAY', '-30 days') ORDER BY end_date DESC LIMIT 1")

# ---- no script, nothing from elsewhere, every link works, escaping ------------------------
if grep -il '<script' "$S"/*.html >/dev/null; then fail "a page has a <script>: $(grep -il '<script' "$S"/*.html)"; else pass "no page has a script"; fi
if grep -iE '(src|href)="(https?:)?//|@import|url\(' "$S"/*.html >/dev/null; then
	fail "a page loads something from elsewhere: $(grep -ioE '(src|href)="(https?:)?//[^"]*|@import|url\([^)]*' "$S"/*.html | head -3)"
else
	pass "no page loads anything from elsewhere"
fi
if grep -q '<meta name="viewport"' "$S/index.html"; then pass "the index sets the viewport for phones"; else fail "no viewport meta"; fi
broken=""
for h in $(grep -oh 'href="[^"]*"' "$S"/*.html | sed 's/^href="//; s/"$//' | sort -u); do
	[ -f "$S/$h" ] || broken="$broken $h"
done
if [ -z "$broken" ]; then pass "every link points to a page in the folder"; else fail "broken links:$broken"; fi
if grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;&amp;' "$S/index.html"; then pass "a hostile title is escaped on the index"; else fail "the hostile title is not escaped on the index"; fi
epage=$(grep -l '&lt;script&gt;alert(1)' "$S"/*.html | grep -v index.html | head -1)
if [ -n "$epage" ]; then pass "and on its own page ($(basename "$epage"))"; else fail "the hostile title's page does not show it escaped"; fi
if grep -qF '欧阳异议人' "$S"/*.html; then fail "an objector's name is on the public site"; else pass "objectors' names stay off the site"; fi
# an objection is public only as counts: what one household wrote and was
# promised is for the archive
if grep -qF '已调整为上午九点后清运' "$S"/*.html; then fail "the answer to an objection is on the public site"; else pass "answers to objections stay off the site"; fi
if grep -qF '清运时间太早' "$S"/*.html; then fail "an objection's text is on the public site"; else pass "objections' text stays off the site"; fi
nobj=$(sql "SELECT count(*) FROM objection WHERE notice_id = '$POSTED'")
nans=$(sql "SELECT count(*) FROM objection WHERE notice_id = '$POSTED' AND answer <> ''")
ppage=$(grep -l 'Supercalifragilistic' "$S"/*.html | grep -v index.html | head -1)
if grep -qF "收到异议 $nobj 件，已答复 $nans 件" "$ppage"; then pass "the notice's page gives the objections as counts ($nobj, $nans answered)"
else fail "no 收到异议 $nobj 件，已答复 $nans 件 on $ppage"; fi

# ---- in Chromium: the titles, days left, expired ones --------------------------------------
chrome --dump-dom "file://$S/index.html" >"$T_TMP/index.dom"
if [ -s "$T_TMP/index.dom" ]; then pass "Chromium opens index.html from the folder"; else fail "Chromium gave no DOM for index.html"; fi
while IFS='|' read -r id title end; do
	[ "$id" = "$EXPIRED" ] && title='&lt;script&gt;alert(1)&lt;/script&gt;&amp;"'
	if grep -qF -- "$title" "$T_TMP/index.dom"; then pass "the index shows 「$title」"; else fail "the index lacks 「$title」"; fi
done <"$T_TMP/window"
if [ -n "$OLD" ] && grep -qF -- "$OLD" "$T_TMP/index.dom"; then fail "a notice expired long ago is still on the index: $OLD"; else pass "notices expired long ago are left off"; fi
left=$(sql "SELECT CAST(julianday(end_date) - julianday('$TODAY') AS INTEGER) + 1 FROM notice WHERE id = '$POSTED'")
# a static page is read on later days: the count says the day it counts from
CNDAY=$(echo "$TODAY" | awk -F- '{ printf "%d年%d月%d日", $1, $2, $3 }')
if grep -qF "还剩 $left 天（按${CNDAY}计）" "$T_TMP/index.dom"; then pass "the posted notice shows 还剩 $left 天（按${CNDAY}计）"
else fail "no 还剩 $left 天（按${CNDAY}计） on the index"; fi
if grep -qF "已过公示期" "$T_TMP/index.dom"; then pass "expired notices are marked 已过公示期"; else fail "no 已过公示期 on the index"; fi
if grep -qF "收到异议 $nobj 件，已答复 $nans 件" "$T_TMP/index.dom"; then pass "the index counts the objections ($nobj)"; else fail "no 收到异议 $nobj 件 on the index"; fi
# another day: 4 days before the end
EARLY=$(sql "SELECT date(end_date, '-3 days') FROM notice WHERE id = '$POSTED'")
out=$(env YISHITING_NOW="$EARLY 09:00" $SAN_ENV $YS_BIN export board --db "$DB" -o "$T_TMP/site2" 2>&1); rc=$?
if grep -qF "还剩 4 天（按" "$T_TMP/site2/index.html"; then pass "on $EARLY the notice shows 还剩 4 天"; else fail "on $EARLY: no 还剩 4 天 ($out)"; fi

# ---- screenshots and overflow at 1920×1080 and 390×844 ---------------------------------------
PAGE=$(grep -oh 'href="[^"]*"' "$S/index.html" | sed 's/^href="//; s/"$//' | grep -v index.html | head -1)
for pg in index.html "$PAGE"; do
	# a test copy that reports its scroll width and viewport width to the
	# page around it (an iframe of the exact size: headless Chromium does
	# not make windows narrower than 500 px)
	base=${pg%.html}
	sed 's|</body>|<script>window.addEventListener("load",function(){var d=document.documentElement;parent.postMessage("sw="+d.scrollWidth+";iw="+window.innerWidth,"*");});</script></body>|' \
		"$S/$pg" >"$S/_measure_$base.html"
	for size in 1920x1080 390x844; do
		w=${size%x*}; h=${size#*x}
		shot=$T_TMP/shot-$base-$w.png
		chrome --hide-scrollbars --window-size="$w,$h" --screenshot="$shot" "file://$S/$pg" >/dev/null
		if [ -s "$shot" ] && [ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
			pass "screenshot of $pg at $size"
		else
			fail "no screenshot of $pg at $size"
		fi
		cat >"$S/_frame.html" <<EOF
<!DOCTYPE html><html><body style="margin:0"><div id="r">pending</div>
<iframe src="_measure_$base.html" style="width:${w}px;height:${h}px;border:0;display:block"></iframe>
<script>window.addEventListener("message",function(e){document.getElementById("r").textContent="MEASURE "+e.data+" END";});</script>
</body></html>
EOF
		m=$(chrome --window-size=$((w + 40)),$((h + 100)) --virtual-time-budget=5000 --dump-dom "file://$S/_frame.html" |
			sed -n 's/.*MEASURE sw=\([0-9]*\);iw=\([0-9]*\) END.*/\1 \2/p' | head -1)
		sw=${m% *}; iw=${m#* }
		if [ -z "$m" ]; then
			fail "no measurement of $pg at $size"
		elif [ "$iw" -ne "$w" ]; then
			fail "$pg at $size: the viewport was $iw px wide"
		elif [ "$sw" -le "$iw" ]; then
			pass "$pg at $size does not scroll sideways (scroll width $sw ≤ viewport $iw)"
		else
			fail "$pg at $size overflows: scroll width $sw > viewport $iw"
		fi
	done
done
rm -f "$S"/_measure_*.html "$S/_frame.html"
# (YS_KEEP_SHOTS=DIR keeps the screenshots for a person to look at)
[ -n "$YS_KEEP_SHOTS" ] && mkdir -p "$YS_KEEP_SHOTS" && cp "$T_TMP"/shot-*.png "$YS_KEEP_SHOTS"/
# the check itself catches an overflow: a page with a wide element
printf '<!DOCTYPE html><html><body><div style="width:700px">x</div></body></html>' >"$S/wide.html"
sed 's|</body>|<script>window.addEventListener("load",function(){var d=document.documentElement;parent.postMessage("sw="+d.scrollWidth+";iw="+window.innerWidth,"*");});</script></body>|' \
	"$S/wide.html" >"$S/_measure_wide.html"
cat >"$S/_frame.html" <<EOF
<!DOCTYPE html><html><body style="margin:0"><div id="r">pending</div>
<iframe src="_measure_wide.html" style="width:390px;height:844px;border:0;display:block"></iframe>
<script>window.addEventListener("message",function(e){document.getElementById("r").textContent="MEASURE "+e.data+" END";});</script>
</body></html>
EOF
m=$(chrome --window-size=430,944 --virtual-time-budget=5000 --dump-dom "file://$S/_frame.html" |
	sed -n 's/.*MEASURE sw=\([0-9]*\);iw=\([0-9]*\) END.*/\1 \2/p' | head -1)
if [ -n "$m" ] && [ "${m% *}" -gt "${m#* }" ]; then pass "the overflow check sees a page that is too wide ($m)"; else fail "the overflow check missed a too-wide page ($m)"; fi

# ---- errors ----------------------------------------------------------------------------------
run export board --db "$DB"
rc_is 2 "export board without -o exits 2"
printf 'x' >"$T_TMP/file"
run export board --db "$DB" -o "$T_TMP/file"
rc_is 1 "export board onto a file (not a folder) exits 1"
