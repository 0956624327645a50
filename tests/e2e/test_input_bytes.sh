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
expect "要找的字词" "the search asks its words"
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

# ---- keys the program does not know never answer for the clerk ----------------
# Alt+x arrives as ESC x, an unknown function key as ESC [ 9 9 ~: before,
# the ESC asked 「放弃本次输入的内容？」 and the Enter after it answered yes,
# so the form was gone.  Now the whole burst is one unknown key.
TERM_TEST=
start 80 24
expect "2026-009" "the board again"
keys n
expect "新议题（提议）" "the proposal form opens"
typ "楼道灯更换"
hexkeys 1b 78
hexkeys 1b 5b 39 39 7e
hexkeys 1b 1b 5b 41
hexkeys 1b e4 b8 ad
typ "工程"
keys Enter
has_screen() { screen | grep -qF "$1"; }
if has_screen "放弃本次输入的内容"; then
	fail "an Alt key or unknown sequence asked to throw the form away"
else
	pass "Alt+x, ESC [ 9 9 ~, Alt+Up and Alt+中 are ignored, nothing asked"
fi
expect "楼道灯更换工程" "the title typed before and after them stays whole"
keys Escape
expect "放弃本次输入的内容？" "a real Esc still asks before the form is thrown away"
keys n
expect "楼道灯更换工程" "answering no keeps it"

# a paste longer than the field takes is refused whole and said so
long=$(printf '很长的标题%.0s' $(seq 1 20))
keys BTab
wait_for "标题" 2
keys C-e
paste "$long"
expect "「标题」最多 60 个字，粘贴的内容多出 47 个字：没有粘贴，请删减后再粘贴。" \
	"a paste too long for the title is refused with the numbers"
expect "楼道灯更换工程" "and the title typed before it is kept as it was"
# a control character pasted into an empty field is ignored (before, the
# empty buffer was copied from a null pointer)
keys Tab
tm set-buffer -b ysclip -- "$(printf '\001\002')"
tm paste-buffer -p -b ysclip -t "$SES"
sleep 0.2
typ "ok"
expect "楼道灯更换工程" "the form is still there after a pasted control character"
keys Escape
expect "放弃本次输入的内容？" "Esc asks"
keys y
expect "2026-009" "back on the board"
keys q
expect "程序已退出:0" "q quits"

# ---- a terminal in GB18030 or GBK is told what to set, in its own encoding ----
out=$(env LC_ALL= LC_CTYPE= LANG=zh_CN.GB18030 $YS_BIN check --db "$DB" 2>&1 </dev/null); rc=$?
rc_is 2 "a GB18030 locale is refused"
if printf '%s' "$out" | iconv -c -f GB18030 -t UTF-8 2>/dev/null |
	grep -q "议事厅只支持 UTF-8 编码的终端，现在的编码是 GB18030"; then
	pass "the refusal is written in GB18030, readable on that terminal"
else
	fail "no GB18030 text in the refusal: $out"
fi
has "（以下是同一段话的 UTF-8 文本）" "and again in UTF-8"
has "LANG=C.UTF-8 yishiting" "it says what to run"
out=$(env LC_ALL= LC_CTYPE= LANG=zh_CN.GBK $YS_BIN check --db "$DB" 2>&1 </dev/null); rc=$?
rc_is 2 "a GBK locale is refused too"
has "现在的编码是 GBK" "naming GBK"
out=$(env LC_ALL= LC_CTYPE= LANG= $YS_BIN check --db "$DB" 2>&1 </dev/null); rc=$?
rc_is 0 "no locale at all is taken as UTF-8, as terminals are"
LANG_TEST=zh_CN.GB18030
start 80 24
expect "议事厅只支持 UTF-8 编码的终端，现在的编码是 GB18030。" "the screen, started in GB18030, says why it does not open"
expect "程序已退出:2" "and ends"
LANG_TEST=
