#!/bin/sh
# 4 规则 → s 设置: the community's names, the posting period, the days for
# materials, and 计票两人录入 (two clerks' counts must agree).
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
start 80 24
expect "2026-009" "the demo board"
keys 4 s
expect "设置" "s on the rules tab opens the settings"
expect "社区名称：军门社区" "the community's name is filled in"
expect "公示天数：7" "the posting period shows its default, 7 days"
keys Tab Tab Tab Tab Tab Tab    # → 公示期天数
keys C-u
typ "abc"
keys C-s
expect "「公示天数」" "letters in the posting period are refused with a message"
expect_sql "SELECT count(*) FROM setting WHERE key='notice_days' AND value='abc'" "0" "nothing is saved"
keys C-u
typ "10"
keys Tab Tab Right              # → 计票两人录入: 是
keys BTab BTab BTab BTab BTab BTab BTab BTab   # back to 社区名称
keys C-u
typ "军门新村社区"
keys C-s
expect "设置已保存" "the settings are saved"
expect "议事厅  军门新村社区" "the header shows the new name"
expect_sql "SELECT value FROM setting WHERE key='notice_days'" "10" "the posting period is stored"
expect_sql "SELECT value FROM setting WHERE key='tally_double_entry'" "1" "two-clerk counting is on"
expect_sql "SELECT count(*) FROM notice WHERE signoff LIKE '%军门新村%'" "0" "past notices keep their 落款"
expect_sql "SELECT count(*) FROM change_log WHERE entity='community'" "1" "the change is in the change log"

# a 两委联席会议: the count is entered twice and must agree
keys 2 n
wait_for "新会议" || fail "meeting form did not open"
keys Tab Tab Tab Tab C-u
typ "社区党群服务中心二楼会议室"
keys Tab
pick "林志强"
keys Tab Tab
pick "王晓燕"
keys Tab Enter Space Enter C-s
expect "[签到]" "the meeting"
i=0; while [ $i -lt 7 ]; do keys Enter; i=$((i + 1)); done
keys s Tab Tab v Enter
expect "第一名工作人员录入" "the count form is the first clerk's entry"
typ "6"
keys C-s
expect "第一遍已录入，数字不再显示" "the second clerk is asked to count on their own"
keys Enter
expect "第二名工作人员复核录入" "the second clerk's entry"
screen | grep -q "赞成：6" && fail "the second entry shows the first clerk's count"
pass "the second entry shows none of the first entry's numbers"
typ "5"
keys C-s
expect "两遍录入不一致，都没有保存" "entries that differ are refused"
expect "赞成：第一遍 6，第二遍 5" "the difference is shown to both"
expect_sql "SELECT count(*) FROM vote WHERE created_at LIKE '2026-11-22%'" "0" "nothing is saved while they differ"
keys Enter
expect "第一名工作人员录入" "both count again, from the first entry"
screen | grep -q "赞成：6" && fail "the first entry starts blank again"
pass "the first entry starts blank again"
typ "6"
keys C-s
expect "第一遍已录入" "the first entry again"
keys Enter
typ "6"
keys C-s
expect "赞成 6 票，超过出席人数 7 人的半数，通过。" "entries that agree are saved"
expect_sql "SELECT yes || '/' || no || '/' || abstain FROM vote WHERE created_at LIKE '2026-11-22%'" "6/0/0" \
	"the agreed counts are stored once"

# the posting period of a new notice follows the setting
keys 1 Right Right Right
expect "▸2026-006" "the decided proposal"
keys a
expect "公示天数：10" "a new notice offers the setting's posting days"
keys F10
expect "公示期：2026年11月22日至2026年12月1日" "a new notice is posted for 10 days"
keys Escape Escape q
expect "程序已退出:0" "the program quits"
