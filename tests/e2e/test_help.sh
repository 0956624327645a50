#!/bin/sh
# test_help.sh: F1 and ? open the help screen, made from the key table, on
# the board, the meetings list, a live meeting, the roster and the rules;
# Esc (or F1, ?, q) closes it and the program goes on; the hint bar at the
# bottom shows each screen's keys as whole items at 80×24.
. tests/e2e/lib.sh

if ! $YS_BIN demo --db "$DB" >/dev/null 2>&1; then
	fail "the demo database could not be written"
	exit 1
fi

HELP_TITLE="帮助：本屏幕的按键（Esc/q 关闭，↑↓ PgUp PgDn End 翻看）"

# hint_bar DESCRIPTION ITEM...: the bottom line holds each ITEM as a whole
# item; every item on it is a key followed by its Chinese hint, with no
# replacement character, and every key it offers is described in the help
# screen (opened with F1 and closed again)
hint_bar() {
	what=$1; shift
	n=30
	while [ $n -gt 0 ]; do
		items=$(screen | tail -n 1 | sed 's/ *$//' | awk -F '  +' '{ for (i = 1; i <= NF; i++) print $i }')
		missing=
		for it in "$@"; do
			printf '%s\n' "$items" | grep -qxF -- "$it" || missing="$missing $it"
		done
		[ -z "$missing" ] && break
		sleep 0.1
		n=$((n - 1))
	done
	bar=$(screen | tail -n 1 | sed 's/ *$//')
	if [ -n "$missing" ]; then
		fail "$what (missing from the hint bar:$missing; bar: '$bar')"
		return
	fi
	if printf '%s' "$bar" | grep -q '�'; then
		fail "$what (replacement character in the hint bar: '$bar')"
		return
	fi
	# a key in ASCII, then a hint that starts and ends with a non-ASCII
	# (Chinese) character: an item cut short would end in ASCII or be empty
	bad=$(printf '%s\n' "$items" | LC_ALL=C grep -v -E '^[!-~]+[^ -~](.*[^ -~])?$')
	if [ -n "$bad" ]; then
		fail "$what (items that are not a key and a hint: '$bad'; bar: '$bar')"
		return
	fi
	keys F1
	if ! wait_for "$HELP_TITLE" 5; then
		fail "$what (F1 did not open the help)"
		return
	fi
	help=$(screen)      # the whole help: it may be longer than the window
	for page in 1 2 3 4 5; do
		keys Down Down Down Down Down Down Down Down Down Down
		help="$help
$(screen)"
	done
	undescribed=
	for it in $(printf '%s\n' "$items" | LC_ALL=C sed 's/^\([!-~]*\).*/\1/'); do
		printf '%s\n' "$help" | grep -qF -- "  $it " || undescribed="$undescribed $it"
	done
	keys Escape
	wait_for "$bar" 5
	if [ -n "$undescribed" ]; then
		fail "$what (keys in the hint bar that the help does not describe:$undescribed)"
	else
		pass "$what"
	fi
}

# help_closed WHAT TEXT: the help screen is gone and TEXT of the screen is back
help_closed() {
	if wait_for "$2" 5 && ! screen | grep -qF "$HELP_TITLE"; then
		pass "the help closes and $1 is back"
	else
		fail "the help did not close back to $1"
	fi
}

start 80 24
expect "议事厅  军门社区" "the demo community opens on the board"

# ---- the board ------------------------------------------------------------------
hint_bar "the board's hint bar shows whole items, F2/n新议题 among them" \
	"Enter档案" "F2/n新议题" "F1/?帮助" "q退出"
check_screen_sane "the board at 80×24"
keys F1
expect "$HELP_TITLE" "F1 opens the help on the board"
expect "F2/n       登记一个新议题（提议）" "the board's help lists F2/n with its description"
expect "Tab        在 提议至决议 与 公开、实施、归档、终止 两页之间切换" "the board's help describes Tab"
first=$(screen | sed -n 2p)
case "$first" in
*左一列*) pass "the board's own keys come first" ;;
*) fail "the first help line is '$first'" ;;
esac
keys End
expect "他         其他" "the help ends with what the identity codes mean"
keys Up Up Up Up Up Up Up Up Up Up
expect "F1/?       显示本屏幕的全部按键" "the global keys follow"
expect "q          退出议事厅（所有内容均已保存）" "q is described"
expect_not "进入会议：签到、记录发言、表决" "the meetings list's keys are not on the board's help"
check_screen_sane "the help screen"
keys Escape
help_closed "the board" "提议 ("
keys '?'
expect "登记一个新议题（提议）" "? opens the same help"
keys q
help_closed "the board" "提议 ("
expect_not "程序已退出" "q in the help closes the help, not the program"
keys '?'
expect "$HELP_TITLE" "? opens the help again"
keys '?'
help_closed "the board" "提议 ("

# ---- the meetings list -----------------------------------------------------------
keys 2
expect "2026-H-17" "the meetings list opens"
hint_bar "the meetings list's hint bar" "Enter进入" "F3/n新会议" "F1/?帮助" "q退出"
keys F1
expect "F3/n       新建会议：类型、时间、地点、主持、记录、议程" "the meetings list's help describes F3/n"
expect "Enter      进入会议：签到、记录发言、表决" "and Enter"
expect_not "登记一个新议题" "the board's keys are not on the meetings list's help"
keys Escape
help_closed "the meetings list" "2026-H-17"

# ---- a live meeting -------------------------------------------------------------
keys n
expect "新会议" "the new-meeting form opens"
keys Tab Tab Tab Tab C-u
typ "社区党群服务中心"
keys Tab Enter
wait_for "输入姓名查找" 5
typ "林志强"
sleep 0.2
keys Enter Tab Tab Enter
wait_for "输入姓名查找" 5
typ "王晓燕"
sleep 0.2
keys Enter Tab Enter Space Enter C-s
expect "[未开始] 两委联席会议" "the meeting is created and opens live"
hint_bar "the sign-in pane's hint bar, as many whole items as fit" \
	"Esc返回" "Tab签到/记录/表决" "Enter出席" "l请假"
keys F1
expect "$HELP_TITLE" "F1 opens the help in a live meeting"
expect "Enter      所选人员签到出席（签到栏）" "the help names the pane of each key"
expect "F4/v       对所选议题表决：举手、无记名（发出、收回、有效、无效，监票人" "the vote key is described"
expect "z          宣布散会：记录遗留问题，会议关闭后不能再改" "the closing key is described"
expect_not "退出议事厅" "the last keys are below the first page"
keys End
expect "q          退出议事厅（所有内容均已保存）" "End scrolls the help to the last key"
expect_not "Esc        回到会议列表" "the first lines have scrolled off"
keys Escape
help_closed "the live meeting" "[签到]"
keys Tab
hint_bar "the minutes pane's hint bar" "i/Enter记录发言"
keys Tab
hint_bar "the vote pane's hint bar before the meeting opens" "s开会"
keys s
expect "[进行中]" "the meeting is opened"
hint_bar "the vote pane's hint bar once the meeting is open" "F4/v表决" "c结束议题"
keys '?'
expect "c          结束所选议题：转入下一步、退回、不予采纳或撤回；其他议题可听取后结" "? opens the help from the vote pane"
expect "             束（表决栏）" "a long help line wraps under its text, nothing cut"
keys Escape
help_closed "the vote pane" "[表决]"
expect_sql "SELECT count(*) FROM meeting WHERE status = 1" "1" "the help changed nothing: the meeting is still open and nothing else started"

# ---- the roster -------------------------------------------------------------------
keys 3
expect "林志强" "the roster opens"
hint_bar "the roster's hint bar" "F2/n新增" "e/Enter修改" "d停用/启用" "/检索" "f筛选"
keys '?'
expect "d          停用或恢复所选人员（以往记录不变）" "the roster's help describes d"
expect "f          按身份筛选" "and f"
expect "e/Enter    修改所选人员" "and e"
keys Escape
help_closed "the roster" "楼栋/单元/室"

# ---- the rules --------------------------------------------------------------------
keys 4
expect "依据：" "the rules open"
hint_bar "the rules' hint bar" "e/Enter修改" "F1/?帮助" "q退出"
keys F1
expect "e/Enter    修改所选规则（须写明理由，修改留痕）" "the rules' help describes e"
keys F1
help_closed "the rules" "依据："

# ---- 手记: two pages, one hint bar each --------------------------------------------
keys 7
expect "篇手记" "the notes open"
hint_bar "the notes' hint bar" "Tab手记/大事记" "F2/n新建" "F1/?帮助" "q退出"
keys Tab
expect "来源 大事" "the 大事记 page opens"
hint_bar "the 大事记's hint bar" "F2/n新建" "h隐藏" "F5/p打印"
keys F1
expect "h          大事记：所选的由会议" "the notes' help describes h"
keys F1
help_closed "the notes" "来源 大事"

keys q
expect "程序已退出:0" "the program quits cleanly"
