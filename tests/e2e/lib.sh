# lib.sh: drive the real ./yishiting in tmux as a person would, or run it
# without a terminal and look at what it prints (run, has, rc_is …).
# Sourced by tests/e2e/test_*.sh.  A private tmux server (-L) per test run
# keeps tests apart from each other and from the user's tmux.
YS_BIN=${YS_BIN:-./yishiting}
ROOT=$(pwd)
T_TMP=$(mktemp -d /tmp/ys-e2e.XXXXXX)
DB=$T_TMP/test.db
SOCK=ys$$
SES=s0
NOW=${NOW:-2026-11-22 14:05}
export YISHITING_NOW="$NOW"
SAN_ENV="ASAN_OPTIONS=detect_leaks=0:log_path=$ROOT/build/logs/san.asan UBSAN_OPTIONS=print_stacktrace=1:log_path=$ROOT/build/logs/san.ubsan"
TEST=${TEST:-$(basename "$0" .sh)}

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

cleanup() {
	tm kill-server 2>/dev/null
	chattr -R -i "$T_TMP" 2>/dev/null   # a test's immutable file
	rm -rf "$T_TMP"
}
trap cleanup EXIT

# start W H [args...]: the program on $DB at W×H with the fixed clock, in
# a new session; the previous one is closed after the new one exists (so
# the server never exits in between).  TERM_TEST sets the terminal type,
# LANG_TEST the locale, RUN_AS a command to run it under (another user).
NSES=0
start() {
	w=$1; h=$2; shift 2
	old=$SES
	NSES=$((NSES + 1))
	SES=s$NSES
	tm new-session -d -s "$SES" -x "$w" -y "$h" \
		"${RUN_AS:+$RUN_AS }env LC_ALL= LANG=${LANG_TEST:-C.UTF-8} TERM=${TERM_TEST:-screen-256color} YISHITING_NOW='$NOW' $SAN_ENV $YS_BIN --db $DB $*; echo 程序已退出:\$?; sleep 600"
	[ "$NSES" -gt 1 ] && tm kill-session -t "$old" 2>/dev/null
	tm set-option -t "$SES" status off >/dev/null
	tm resize-window -t "$SES" -x "$w" -y "$h" 2>/dev/null
}

screen() { tm capture-pane -p -t "$SES"; }

# keys KEY...: tmux key names (Enter, Tab, Escape, Down, F2, C-s ...)
# An Escape goes alone and is given time: the program reads an Esc that
# more bytes follow at once as one key it does not know (Alt+key), which is
# how terminals send those
keys() {
	case " $* " in
	*" Escape "*)
		for k in "$@"; do
			tm send-keys -t "$SES" "$k"
			[ "$k" = Escape ] && sleep 0.25
		done ;;
	*) tm send-keys -t "$SES" "$@" ;;
	esac
	sleep 0.05
}
# typ TEXT: literal text (Chinese included), as typed through an input method
typ() { tm send-keys -t "$SES" -l "$1"; sleep 0.05; }
# paste TEXT: a bracketed paste of a block, as a terminal pastes it
paste() {
	tm set-buffer -b ysclip -- "$1"
	tm paste-buffer -p -b ysclip -t "$SES"
	sleep 0.05
}
# paste_file FILE: a bracketed paste of a file's text (tmux takes no more
# than a few KB as an argument)
paste_file() {
	tm load-buffer -b ysclip "$1"
	tm paste-buffer -p -b ysclip -t "$SES"
	sleep 0.2
}

pass() { echo "PASS $TEST: $1"; }
# skip WHY: a check that cannot run on this machine at all, and why (counted
# apart by tests/run.sh; never for a check that merely failed)
skip() { echo "SKIP $TEST: $1"; }
# fail DESCRIPTION: with the screen, once the program has been started in one
fail() {
	echo "FAIL $TEST: $1"
	[ "$NSES" -gt 0 ] || return 0
	echo "---- screen ----"
	screen | sed 's/^/| /'
	echo "----------------"
}

# wait_for TEXT [SECONDS]: until TEXT is on screen; 0 or 1
wait_for() {
	n=$(( ${2:-10} * 10 ))
	while [ $n -gt 0 ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

# expect TEXT DESCRIPTION: pass when TEXT appears on screen
expect() {
	if wait_for "$1" "${3:-10}"; then pass "$2"; else fail "$2 (expected on screen: $1)"; fi
}
# expect_wrapped TEXT DESCRIPTION: TEXT on screen, perhaps wrapped over
# lines (each line's trailing blanks and the line breaks are ignored)
expect_wrapped() {
	n=100
	while [ $n -gt 0 ]; do
		if screen | sed 's/ *$//' | tr -d '\n' | grep -qF -- "$1"; then
			pass "$2"
			return
		fi
		sleep 0.1
		n=$((n - 1))
	done
	fail "$2 (expected on screen, perhaps wrapped: $1)"
}
# expect_not TEXT DESCRIPTION
expect_not() {
	if screen | grep -qF -- "$1"; then fail "$2 (unexpected on screen: $1)"; else pass "$2"; fi
}
# sql QUERY: run against the test database
sql() { sqlite3 -batch -noheader "$DB" "$1"; }
# expect_sql QUERY VALUE DESCRIPTION
expect_sql() {
	got=$(sql "$1")
	if [ "$got" = "$2" ]; then pass "$3"; else fail "$3 (SQL: $1 gave '$got', expected '$2')"; fi
}

# no replacement characters and no half characters on screen
check_screen_sane() {
	if screen | grep -q '�'; then fail "$1: replacement character on screen"; return; fi
	pass "$1"
}

# pick NAME: in a person picker, type part of the name, take the first match
pick() { keys Enter; wait_for "输入姓名查找" 5; typ "$1"; sleep 0.2; keys Enter; }

# secret_count SCRUTINEER COUNTER ISSUED RETURNED VALID INVALID YES NO ABSTAIN:
# in the secret ballot's count form (focus on 监票人), the tellers picked
# and the seven counts typed, then saved (^S)
secret_count() {
	pick "$1"
	keys Tab
	pick "$2"
	shift 2
	for n in "$@"; do keys Tab C-u; typ "$n"; done
	keys C-s
}

# sign_in N: in the live meeting's sign-in sheet, the next N people present
# (Enter signs in and moves down, scrolling the sheet)
sign_in() { i=0; while [ $i -lt "$1" ]; do keys Enter; i=$((i + 1)); done; }

# meeting_form KIND_STEPS [DATE] [TIME]: on the demo community, the
# new-meeting form filled up to its agenda — the kind KIND_STEPS to the
# right of the first, the date and start when given (else today and now),
# the place, 林志强 in the chair, 王晓燕 the clerk — with the agenda's
# check list open
meeting_form() {
	keys 2 n
	wait_for "新会议" || fail "meeting form did not open"
	i=0; while [ $i -lt "$1" ]; do keys Right; i=$((i + 1)); done
	keys Tab Tab
	if [ -n "$2" ]; then keys C-u; typ "$2"; fi
	keys Tab
	if [ -n "$3" ]; then keys C-u; typ "$3"; fi
	keys Tab C-u
	typ "社区党群服务中心二楼会议室"
	keys Tab
	pick "林志强"
	keys Tab Tab
	pick "王晓燕"
	keys Tab Enter
}

# ---- the program without a terminal ------------------------------------------

# run ARGS...: sets out (stdout+stderr) and rc
run() { out=$(env $SAN_ENV $YS_BIN "$@" 2>&1 </dev/null); rc=$?; }
# has TEXT DESCRIPTION: pass when the last output contains TEXT
has() {
	case "$out" in *"$1"*) pass "$2" ;; *) fail "$2 (output lacks: $1; rc=$rc; output: $out)" ;; esac
}
# lacks TEXT DESCRIPTION: pass when the last output does not contain TEXT
lacks() {
	case "$out" in *"$1"*) fail "$2 (output has: $1)" ;; *) pass "$2" ;; esac
}
# rc_is WANT DESCRIPTION: the last exit status (WANT: a number, or "nonzero")
rc_is() {
	if { [ "$1" = nonzero ] && [ "$rc" -ne 0 ]; } || [ "$rc" = "$1" ]; then
		pass "$2"
	else
		fail "$2 (exit status $rc, expected $1; output: $out)"
	fi
}
# file_has FILE TEXT DESCRIPTION, file_lacks FILE TEXT DESCRIPTION: white
# space ignored on both sides (PDF text extraction puts its own spaces and
# line breaks)
file_has() {
	if tr -d ' \n\r\t' <"$1" | grep -qF -- "$(printf '%s' "$2" | tr -d ' \n\r\t')"; then
		pass "$3"
	else
		fail "$3 ($1 lacks: $2)"
	fi
}
file_lacks() {
	if tr -d ' \n\r\t' <"$1" | grep -qF -- "$(printf '%s' "$2" | tr -d ' \n\r\t')"; then
		fail "$3 ($1 has: $2)"
	else
		pass "$3"
	fi
}
