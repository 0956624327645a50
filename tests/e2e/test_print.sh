#!/bin/sh
# test_print.sh: printing through a real CUPS.  Starts cupsd when it is not
# running (as root), adds a cups-pdf virtual printer whose PDFs land in
# this test's folder, prints the minutes of a sealed meeting and a notice
# through `yishiting print`, and reads the PDFs that arrive: they must hold
# the Chinese text.  Also: a printer that does not exist and a CUPS that
# does not answer give a clear Chinese message and a failure status.
# No fake lp.  The queue (and a cupsd this test started) are removed at
# the end.
. tests/e2e/lib.sh
# the program's temporary PDFs go here, so that the test can see they are removed
mkdir -p "$T_TMP/tmp"
export TMPDIR="$T_TMP/tmp"

Q=YS-PDF-E2E
. tests/e2e/cups.sh
cups_setup
case $? in
0) ;;
2) exit 0 ;;     # said why with skip
*) exit 1 ;;
esac

# ---- print the minutes -----------------------------------------------------------------------
$YS_BIN demo --db "$DB" >/dev/null 2>&1 || fail "the demo database could not be written"
M=$(sql "SELECT m.number FROM seal s JOIN meeting m ON m.id = s.meeting_id ORDER BY m.date DESC, m.number DESC LIMIT 1")
MTITLE=$(sql "SELECT title FROM meeting WHERE number = '$M'")
# the beginning of the first speech: a long one may run onto the next page,
# past the page number
SPEECH=$(sql "SELECT substr(mi.text, 1, 12) FROM minute mi JOIN meeting m ON m.id = mi.meeting_id WHERE m.number = '$M' ORDER BY mi.seq LIMIT 1")
CHAIR=$(sql "SELECT chair_name FROM meeting WHERE number = '$M'")

if [ -n "$no_queues_before" ]; then
	sqlite3 "$DB" "DELETE FROM setting WHERE key = 'printer'"
	lpadmin -x "$Q" 2>/dev/null
	run print minutes --db "$DB" --meeting "$M"
	rc_is 1 "with no printer at all, print exits 1"
	has "没有可用的打印机：请先在系统中添加打印机" "it says there is no printer and what to do"
	cups_add_queue
else
	echo "(a printer is already set up on this system: the no-printer message is not checked)"
fi

touch "$T_TMP/stamp"
sleep 1
run print minutes --db "$DB" --meeting "$M" --printer "$Q"
rc_is 0 "print minutes --printer $Q exits 0"
has "已送打印机 $Q（作业 $Q-" "it names the printer and the job"
if wait_pdf "$MTITLE"; then
	pass "the printed minutes arrived from cups-pdf ($(basename "$got"))"
	for want in "$MTITLE" "会议记录" "散会" "$CHAIR" "$SPEECH" "第 页 共 页"; do
		if han "$T_TMP/arrived.txt" | grep -qF -- "$(hanstr "$want")"; then
			pass "the printed minutes hold 「$want」"
		else
			fail "the printed minutes lack 「$want」"
		fi
	done
	if grep -q '�' "$T_TMP/arrived.txt"; then fail "the printed text has replacement characters"; else pass "no replacement characters in the printed text"; fi
	env $SAN_ENV $YS_BIN export minutes --db "$DB" --meeting "$M" --format pdf -o "$T_TMP/minutes.pdf" >/dev/null 2>&1
	same_han minutes "$T_TMP/minutes.pdf"
else
	fail "no PDF with 「$MTITLE」 arrived in 60 s in $outdirs; queue: $(LC_ALL=C lpstat -o "$Q" 2>&1 | head -3); files: $(ls $outdirs 2>&1 | head -5)"
fi

# arrived WHAT TITLE KIND ARGS...: a PDF whose text holds TITLE came out of
# the printer, and its Chinese text is that of `export KIND ARGS` as a PDF
arrived() {
	what=$1 title=$2 kind=$3
	shift 3
	if wait_pdf "$title"; then
		pass "the printed $what arrived with its Chinese title"
		env $SAN_ENV $YS_BIN export "$kind" --db "$DB" "$@" --format pdf -o "$T_TMP/$kind.pdf" \
			>/dev/null 2>&1
		same_han "$kind" "$T_TMP/$kind.pdf"
	else
		fail "no PDF with 「$title」 arrived in 60 s"
	fi
}

# ---- the printer from the setting, and a notice ----------------------------------------------
NP=$(sql "SELECT p.number FROM notice n JOIN proposal p ON p.id = n.proposal_id WHERE n.kind = 1 ORDER BY n.year DESC, n.seq DESC LIMIT 1")
NTITLE=$(sql "SELECT n.title FROM notice n JOIN proposal p ON p.id = n.proposal_id WHERE n.kind = 1 AND p.number = '$NP' ORDER BY n.year DESC, n.seq DESC LIMIT 1")
sqlite3 "$DB" "INSERT OR REPLACE INTO setting(key, value) VALUES ('printer', '$Q')"
run print notice --db "$DB" --proposal "$NP" --kind decision
rc_is 0 "print notice without --printer uses the setting 'printer'"
has "已送打印机 $Q" "the job went to the printer of the setting"
arrived "notice" "$NTITLE" notice --proposal "$NP"

# ---- papers before a meeting: the sign-in sheet and the ballots of the meeting to come -------
UM=$(sql "SELECT number FROM meeting WHERE status = 0 ORDER BY date LIMIT 1")
UTITLE=$(sql "SELECT title FROM meeting WHERE number = '$UM'")
run print signin --db "$DB" --meeting "$UM"
rc_is 0 "print signin for the meeting to come ($UM) exits 0"
has "已送打印机 $Q" "the sign-in sheet went to the printer"
arrived "sign-in sheet" "${UTITLE}签到表" signin --meeting "$UM"
run print ballots --db "$DB" --meeting "$UM" --copies 3 --per-page 1
rc_is 0 "print ballots --copies 3 --per-page 1 exits 0"
if wait_pdf "表决票"; then
	pages=$(pdfinfo "$got" 2>/dev/null | awk '/^Pages:/ {print $2}')
	if [ "$pages" = 3 ]; then pass "three ballots one to a page arrived as 3 pages"
	else fail "the printed ballots have $pages pages, expected 3"; fi
	env $SAN_ENV $YS_BIN export ballots --db "$DB" --meeting "$UM" --copies 3 --per-page 1 --format pdf \
		-o "$T_TMP/ballots.pdf" >/dev/null 2>&1
	same_han ballots "$T_TMP/ballots.pdf"
else
	fail "no PDF with 「表决票」 arrived in 60 s"
fi

# ---- failures --------------------------------------------------------------------------------
run print minutes --db "$DB" --meeting "$M" --printer NO-SUCH-PRINTER
rc_is 1 "printing to a printer that does not exist exits 1"
has "找不到打印机「NO-SUCH-PRINTER」" "the message names the missing printer in Chinese"
has "$Q" "the message lists the printers there are"
if ! LC_ALL=C lpstat -d 2>/dev/null | grep -q 'system default destination:'; then
	sqlite3 "$DB" "DELETE FROM setting WHERE key = 'printer'"
	run print minutes --db "$DB" --meeting "$M"
	rc_is 1 "with printers but no default and no --printer, print exits 1"
	has "没有设置默认打印机" "it says no default printer is set"
	has "$Q" "and names the printers there are"
fi
out=$(env CUPS_SERVER="$T_TMP/no-cups.sock" $SAN_ENV $YS_BIN print minutes --db "$DB" --meeting "$M" --printer "$Q" 2>&1 </dev/null); rc=$?
rc_is 1 "printing when CUPS does not answer exits 1"
has "打印服务（CUPS）没有运行" "the message says CUPS is not running"
run print minutes --db "$DB" --meeting 1999-H-99 --printer "$Q"
rc_is 1 "printing an unknown meeting exits 1"
has "没有编号为 1999-H-99 的会议" "the unknown meeting is named"
run print minutes --db "$DB" --meeting "$M" -o x.pdf
rc_is 2 "print with -o is a usage error"
left=$(ls -A "$TMPDIR" | wc -l)
if [ "$left" -eq 0 ]; then pass "no temporary print files are left behind"; else fail "left in \$TMPDIR: $(ls -A "$TMPDIR")"; fi
