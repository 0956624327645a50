#!/bin/sh
# A resize in the middle of a meeting, with a minute half typed; a thousand
# resizes in a row; a terminal of 60×20 and of 20×10; a terminal that
# cannot move the cursor (TERM=dumb); 8 colours and monochrome.
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"

# convene a 两委联席会议 on the demo's waiting proposals and open it
start 80 24
expect "2026-009" "the demo board"
keys 2 n
expect "新会议" "the meeting form"
keys Tab Tab Tab Tab C-u
typ "社区党群服务中心二楼会议室"
keys Tab Enter
wait_for "输入姓名查找" 5
typ "林志强"
sleep 0.2
keys Enter Tab Tab Enter
wait_for "输入姓名查找" 5
typ "王晓燕"
sleep 0.2
keys Enter Tab Enter Space Enter C-s
expect "[签到]" "the live meeting"
keys Enter Enter Enter Enter Enter s
expect "[进行中]" "the meeting is open"
keys Tab i
wait_for "发言人" 5
typ "林志强"
sleep 0.2
keys Enter
expect "记录发言  时间 按钟点  发言人：林志强" "the minute editor"
typ "关于楼顶防水，大家意见一致，"

# a paste of 100 KB into the minute line: refused whole, saying why and what
# to do; the line typed so far stays as it was (before, it was cut to 2,000
# characters with a beep)
printf '楼顶漏水情况%.0s' $(seq 1 5700) >"$T_TMP/big.txt"
[ "$(wc -c <"$T_TMP/big.txt")" -gt 100000 ] && pass "the paste is over 100 KB" || fail "the paste is too small"
paste_file "$T_TMP/big.txt"
expect "一条记录最多 2000 个字，粘贴的内容多出" "a 100 KB paste says the limit and how much too long it is"
expect "请分成几段" "and what to do"
expect "关于楼顶防水，大家意见一致，" "the typed line is kept"
if screen | grep -q "楼顶漏水情况"; then fail "part of the refused paste went into the line"; else pass "nothing of the refused paste went in"; fi

# bigger: the editor and the typed text are still there
tm resize-window -t "$SES" -x 132 -y 43
expect "关于楼顶防水，大家意见一致，" "after growing to 132×43 the half-typed minute is kept"
sz=$(tm display-message -p -t "$SES" '#{pane_width}x#{pane_height}')
[ "$sz" = 132x43 ] && pass "the terminal is 132×43" || fail "resize did not happen: $sz"

# too small: a clear message instead of a broken screen
tm resize-window -t "$SES" -x 60 -y 20
expect "窗口太小：现在 60×20，至少需要 80×24。" "at 60×20 the program says the window is too small"
expect_not "记录发言  时间" "nothing else is drawn over the notice"

# a thousand resizes as fast as tmux sends them (a window dragged about):
# the program keeps up, the text stays, and the keys still work after
i=0
while [ $i -lt 1000 ]; do
	case $((i % 4)) in
	0) tm resize-window -t "$SES" -x 100 -y 30 ;;
	1) tm resize-window -t "$SES" -x 20 -y 10 ;;
	2) tm resize-window -t "$SES" -x 200 -y 50 ;;
	3) tm resize-window -t "$SES" -x 81 -y 25 ;;
	esac
	i=$((i + 1))
done
tm resize-window -t "$SES" -x 20 -y 10
expect "至少需要 80×24。" "after 1000 resizes, at 20×10 the notice is whole, in short lines"
expect "按 q 退出。" "with the way out"

# back to 80×24: the editor returns with the text, and typing goes on
tm resize-window -t "$SES" -x 80 -y 24
expect "关于楼顶防水，大家意见一致，" "back at 80×24 the typed text is intact"
typ "同意修缮。"
keys Enter
expect "已保存第" "the minute is saved after the resizes"
expect_sql "SELECT text FROM minute WHERE text LIKE '关于楼顶防水%'" "关于楼顶防水，大家意见一致，同意修缮。" \
	"the stored minute is the whole text"
keys Escape
expect "关于楼顶防水，大家意见一致，同意修缮。" "the minutes pane shows it"
check_screen_sane "the live meeting after resizes"
keys q

# starting in a 60×20 terminal
start 60 20
expect "窗口太小：现在 60×20" "starting at 60×20 shows the notice"
keys q
expect "程序已退出:0" "q quits from the notice"

# a terminal that cannot move the cursor: said at once, in Chinese
TERM_TEST=dumb start 80 24
expect "终端类型 TERM=dumb 不能移动光标，无法全屏显示" "TERM=dumb is refused with the reason"
expect "程序已退出:1" "and the program ends"
TERM_TEST=

# monochrome: selection is still visible (reverse video), no colour codes
TERM_TEST=vt100 start 80 24
expect "2026-009" "the board on a monochrome terminal (vt100)"
esc=$(tm capture-pane -e -p -t "$SES")
case "$esc" in *"[7m"*) pass "monochrome: the selection is in reverse video" ;;
	*) fail "monochrome: no reverse video for the selection" ;; esac
case "$esc" in *"[3"[0-7]"m"*|*"[4"[0-7]"m"*|*";3"[0-7]"m"*|*";4"[0-7]"m"*) fail "monochrome: colour codes were sent" ;;
	*) pass "monochrome: no colour codes" ;; esac
keys q

# 8 colours
TERM_TEST=xterm start 80 24
expect "2026-009" "the board on an 8-colour terminal (xterm)"
esc=$(tm capture-pane -e -p -t "$SES")
case "$esc" in *"[4"[0-7]"m"*|*";4"[0-7]"m"*|*"[4"[0-7]";"*) pass "8 colours: colours are used" ;;
	*) fail "8 colours: no colour codes" ;; esac
keys q
