# cups.sh: a real CUPS with a cups-pdf virtual printer, for the tests that
# print.  Sourced after lib.sh by tests/e2e/test_*.sh:
#
#   Q=NAME                 (optional, before sourcing: the queue's name)
#   . tests/e2e/cups.sh
#   cups_setup             checks the tools, starts cupsd when it is not
#                          running (as root), adds the queue $Q whose PDFs
#                          land in $PDFOUT: 0 when it is there, 1 on a
#                          failure (said with fail), 2 when CUPS cannot work
#                          on this machine at all (said with skip)
#   touch "$T_TMP/stamp"; ... print ...
#   wait_pdf TEXT          a new PDF whose Chinese text holds TEXT's
#
# The queue, its cups-pdf configuration and a cupsd started here are
# removed at exit (then lib.sh's cleanup runs).  No fake lp.
Q=${Q:-YS-PDF-E2E}
PDFOUT=$T_TMP/pdf
QCONF=/etc/cups/cups-pdf-$Q.conf
PPD=""
started_cupsd=""
added_queue=""
wrote_conf=""
no_queues_before=""
outdirs="$PDFOUT"
seen=""
got=""

cups_cleanup() {
	[ -n "$added_queue" ] && lpadmin -x "$Q" 2>/dev/null
	[ -n "$wrote_conf" ] && rm -f "$QCONF"
	if [ -n "$started_cupsd" ]; then
		kill "$started_cupsd" 2>/dev/null
		wait "$started_cupsd" 2>/dev/null
	fi
	cleanup
}
trap cups_cleanup EXIT

cups_up() { LC_ALL=C lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }

# cups_add_queue: (re)add the queue $Q; 0 when lpadmin took it
cups_add_queue() {
	# The Debian default renderer for PostScript queues (Ghostscript) turns CID
	# fonts into bitmaps, so text could not be read back from the PDF that
	# cups-pdf makes; pdftocairo keeps the text.  Paper looks the same.
	lpadmin -p "$Q" -E -v "cups-pdf:/$Q" -m "$PPD" -o pdftops-renderer-default=pdftocairo 2>"$T_TMP/lpadmin.err" || return 1
	added_queue=1
	cupsenable "$Q" 2>/dev/null
	cupsaccept "$Q" 2>/dev/null
	return 0
}

# cups_helpers_run: 0 when the user cupsd runs its helpers as (cups-driverd,
# filters, backends: User in cups-files.conf, lp by default) can run a
# program here.  In a chroot whose / is mode 700 nobody but root can, and
# no queue can ever be added there; a real system's / is 755.
cups_helpers_run() {
	[ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 || return 0
	cu=$(awk '$1 == "User" { print $2 }' /etc/cups/cups-files.conf 2>/dev/null)
	cu=${cu:-lp}
	setpriv --reuid="$cu" --regid="$cu" --clear-groups /bin/true 2>/dev/null
}

# cups_setup: 0 when CUPS runs and the queue $Q is there; 1 (said with fail)
# when something is missing or broken; 2 (said with skip) when CUPS cannot
# work on this machine at all
cups_setup() {
	for t in lp lpstat lpadmin lpinfo pdftotext; do
		if ! command -v $t >/dev/null 2>&1; then
			fail "$t is not installed (sh tools/deps.sh test installs cups, printer-driver-cups-pdf and poppler-utils)"
			return 1
		fi
	done
	if [ ! -x /usr/lib/cups/backend/cups-pdf ]; then
		fail "the cups-pdf backend is missing (package printer-driver-cups-pdf)"
		return 1
	fi

	# ---- CUPS running ----
	if cups_up; then
		pass "CUPS is running"
	else
		if [ "$(id -u)" != 0 ]; then
			fail "CUPS is not running and this test is not root, so it cannot start cupsd: start CUPS (systemctl start cups) or run the tests as root"
			return 1
		fi
		if ! command -v cupsd >/dev/null 2>&1; then
			fail "cupsd is not installed (package cups)"
			return 1
		fi
		# (not with a test's private TMPDIR: cupsd refuses one)
		env -u TMPDIR cupsd -f </dev/null >/dev/null 2>&1 &
		started_cupsd=$!
		n=0
		while ! cups_up && [ $n -lt 100 ]; do sleep 0.2; n=$((n + 1)); done
		if cups_up; then
			pass "started cupsd (pid $started_cupsd)"
		else
			fail "cupsd did not come up within 20 s"
			return 1
		fi
	fi

	# ---- the cups-pdf queue ----
	if ! cups_helpers_run; then
		skip "printing is not checked: CUPS cannot work on this machine, its helpers run as user $cu, who cannot run any program here (the root directory / is mode $(stat -c %a /), as in a chroot made from mktemp -d; a real system's / is 755)"
		return 2
	fi
	PPD=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt\.ppd/ { print $1; exit }')
	[ -z "$PPD" ] && PPD=$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ { print $1; exit }')
	[ -z "$PPD" ] && PPD=lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
	[ -z "$(LC_ALL=C lpstat -e 2>/dev/null)" ] &&
		[ -z "$(LC_ALL=C lpstat -d 2>/dev/null | grep 'system default destination:')" ] && no_queues_before=1

	mkdir -p "$PDFOUT"
	# cups-pdf reads /etc/cups/cups-pdf-NAME.conf for a device URI
	# cups-pdf:/NAME: the PDFs land in the test's folder instead of ~/PDF
	if [ -w /etc/cups ]; then
		printf 'Out %s\nLabel 1\n' "$PDFOUT" >"$QCONF" && wrote_conf=1
	fi
	if cups_add_queue; then
		pass "added the cups-pdf queue $Q ($PPD)"
	else
		fail "lpadmin could not add the cups-pdf queue: $(cat "$T_TMP/lpadmin.err")"
		return 1
	fi
	# where the PDFs arrive: ours, else cups-pdf's defaults for this user
	outdirs="$PDFOUT"
	[ -z "$wrote_conf" ] && outdirs="$HOME/PDF /var/spool/cups-pdf/$(id -un)"
	return 0
}

# han FILE: the Chinese characters of a text file, in order.  Only they are
# compared: on the way through cups-pdf (PDF -> PostScript -> Ghostscript)
# the Latin digits of the embedded fonts lose their text mapping, so that
# pdftotext reads "2026年第 次" where the paper shows 第1次; the Chinese
# text comes through whole.
han() { perl -CSD -0777 -ne 'print join("", /\p{Han}/g)' "$1"; }
hanstr() { printf '%s' "$1" | perl -CSD -0777 -ne 'print join("", /\p{Han}/g)'; }

# wait_pdf TEXT [SECONDS]: up to 60 s for a PDF newer than $T_TMP/stamp,
# not seen before, whose Chinese text holds TEXT's; sets got and leaves
# its text in $T_TMP/arrived.txt
wait_pdf() {
	got=""
	want=$(hanstr "$1")
	n=$(( ${2:-60} * 2 ))
	while [ $n -gt 0 ]; do
		for f in $(find $outdirs -maxdepth 1 -name '*.pdf' -newer "$T_TMP/stamp" 2>/dev/null); do
			case " $seen " in *" $f "*) continue ;; esac
			if pdftotext -layout "$f" "$T_TMP/arrived.txt" 2>/dev/null &&
			   han "$T_TMP/arrived.txt" | grep -qF -- "$want"; then
				got=$f
				seen="$seen $f"
				return 0
			fi
		done
		sleep 0.5
		n=$((n - 1))
	done
	return 1
}

# same_han WHAT EXPORTED.pdf: the arrived PDF holds all the Chinese text of
# the same document exported to a file, in the same order
same_han() {
	pdftotext -layout "$2" "$2.txt" 2>/dev/null
	a=$(han "$2.txt")
	b=$(han "$T_TMP/arrived.txt")
	if [ -n "$a" ] && [ "$a" = "$b" ]; then
		pass "the printed $1 holds all its Chinese text (${#a} characters), in order"
	else
		fail "the printed $1's Chinese text differs from the exported PDF's: $(printf '%s\n%s\n' "$a" "$b" | cut -c1-200)"
	fi
}
