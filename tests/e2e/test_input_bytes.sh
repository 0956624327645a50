#!/bin/sh
# Bytes from the terminal that are not UTF-8 never stop the program: each
# sequence is read as 「�」 and every key after it still works (before,
# one such byte left curses returning an error for good and no key, not
# even q, was read again).  In a field, the text typed before and after
# stays, the bad byte shown as 「�」.  And Home/End sent as ESC [ 1 ~ and
# ESC [ 4 ~ are Home and End on any TERM.
. tests/e2e/lib.sh

hexkeys() { tm send-keys -t "$SES" -H "$@"; sleep 0.05; }

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
start 80 24
expect "2026-009" "the demo board"

# a lone continuation byte, a lead byte cut short, bytes that never begin
# a character, a surrogate, an overlong slash
for seq in "b9" "c3 28" "ff" "e4 bd" "f0 28 8c 28" "ed a0 80" "c0 af" "fe fe"; do
	hexkeys $seq
	keys 2
	if wait_for "会议名称" 3; then
		pass "after the bytes $seq the keys still work"
	else
		fail "after the bytes $seq the key 2 was not read"
	fi
	keys 1
	wait_for "提议" 3 || fail "after the bytes $seq the key 1 was not read"
done

# in a field: what was typed before and after stays
keys /
expect "标题或内容中的字词" "the search asks its words"
typ "电梯"
hexkeys c3 28
typ "ok"
expect "电梯�(ok" "the bad byte is 「�」, the text around it kept, the next byte read as itself"
keys C-u
typ "电梯"
keys Enter
expect "2026-" "the search still runs"
keys Escape q
expect "程序已退出:0" "q quits after all that"

# Home and End as tmux, screen and PuTTY send them (ESC [ 4 ~, ESC [ 1 ~),
# on a terminal whose entry names others (xterm): before, ESC [ 4 ~ in the
# help was read as Esc and then 「4」, which opened the rules screen
TERM_TEST=xterm-256color
start 80 24
expect "2026-009" "the board on an xterm"
keys F1
expect "帮助：本屏幕的按键" "F1 opens the help"
hexkeys 1b 5b 34 7e
expect "他         其他" "End (ESC [ 4 ~) goes to the end of the help"
expect "帮助：本屏幕的按键" "and the help stays open"
hexkeys 1b 5b 31 7e
expect "左一列" "Home (ESC [ 1 ~) goes back to its beginning"
keys Escape q
expect "程序已退出:0" "q quits"
