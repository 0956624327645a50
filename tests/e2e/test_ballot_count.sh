#!/bin/sh
# A secret ballot counted the way it is done on paper, at 80×24: the
# 监票人 and 计票人 picked from those present, 发出/收回/有效/无效 and
# 同意/不同意/弃权 typed, a count that does not add up refused, more
# ballots returned than issued recorded as a void round with the new round
# offered at once, two clerks typing blind (the second entry shows none of
# the first entry's numbers), and the minutes saying all of it.
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
start 80 24
expect "2026-009" "the demo board"

# a 两委联席会议 on the proposals at 提议, the seven members signed in
meeting_form 0
j=0; while [ $j -lt 3 ]; do keys Space Down; j=$((j + 1)); done
keys Enter C-s
wait_for "[签到]" || fail "meeting did not open"
sign_in 7
expect "实到 7" "seven signed in"
keys s Tab Tab

# item 1: the form asks for the tellers and the paper count
keys v Down Enter
expect "无记名投票：实到 7 人" "the secret ballot's count form"
expect "监票人" "it asks for the 监票人"
expect "计票人" "and the 计票人"
expect "*不同意：" "and the count of the valid ballots"
# 同意 + 不同意 + 弃权 must be the valid ballots
secret_count "陈美华" "王晓燕" 7 7 6 1 4 1 0
expect "同意 4、不同意 1、弃权 0 合计 5 票，与有效票 6 张不符。" "a count that does not add up is refused, naming the numbers"
expect_sql "SELECT count(*) FROM vote WHERE created_at LIKE '2026-11-22%'" "0" "nothing is saved"
# more issued than present
keys BTab BTab BTab BTab BTab BTab C-u
typ "8"
keys C-s
expect "「发出」超出范围，请输入 0 到 7 之间的整数。" "more ballots issued than present is refused"
keys C-u
typ "7"
keys Tab Tab Tab Tab C-u
typ "5"
keys C-s
expect "有效票中同意 5 票、不同意 1 票、弃权 0 票" "the count is saved with its sentence"
expect "发出 7 张  收回 7 张" "the vote pane shows the count"
expect_sql "SELECT issued || '/' || returned || '/' || valid || '/' || invalid || '/' || yes FROM vote WHERE created_at LIKE '2026-11-22%'" \
	"7/7/6/1/5" "the count is stored"
expect_sql "SELECT group_concat(role || name, ',') FROM (SELECT t.role, t.name FROM vote_teller t JOIN vote v ON v.id = t.vote_id WHERE v.created_at LIKE '2026-11-22%' ORDER BY t.role)" \
	"1陈美华,2王晓燕" "the tellers are stored with their roles"
keys c Enter
wait_for "决定事项" && keys C-s
expect "商议通过" "the item is forwarded after a passed secret ballot"

# item 2: more ballots returned than issued — the round is void
keys Down v Down Enter
wait_for "监票人" || fail "the second item's count form"
secret_count "郑丽娟" "王晓燕" 7 8 8 0 5 2 1
expect "收回票数多于发出票数，本次表决无效" "more returned than issued voids the round"
expect "Enter 重新投票" "a new round is offered at once"
expect_sql "SELECT void || '/' || passed FROM vote WHERE created_at LIKE '2026-11-22%' AND returned = 8" \
	"1/0" "the void round is recorded, not passed"
keys Enter
expect "监票人：郑丽娟" "the new round keeps the tellers"
for n in 7 7 7 0 5 1 1; do keys C-u; typ "$n"; keys Tab; done
keys C-s
expect "有效票中同意 5 票、不同意 1 票、弃权 1 票" "the new round is saved"
expect_sql "SELECT count(*) FROM vote v JOIN vote w ON w.supersedes = v.id WHERE v.void = 1 AND w.void = 0 AND w.reason LIKE '%表决无效%'" \
	"1" "the new round names the void one and why"

# the minutes say it all
keys z y C-s
expect "[已散会]" "the meeting is closed"
run export minutes --db "$DB" --meeting 2026-H-21 --format txt -o "$T_TMP/m.txt"
rc_is 0 "the minutes export"
file_has "$T_TMP/m.txt" "计票情况：发出表决票 7 张，收回 7 张，其中有效票 6 张、无效票 1 张" "the minutes give the count"
file_has "$T_TMP/m.txt" "监票人：陈美华" "the minutes name the 监票人"
file_has "$T_TMP/m.txt" "计票人：王晓燕" "the minutes name the 计票人"
file_has "$T_TMP/m.txt" "表决结果：收回票数多于发出票数，本次表决无效。须重新投票。" "the minutes record the void round"
file_has "$T_TMP/m.txt" "重新投票" "the second round says why it was taken"

# two clerks, blind: the second entry shows none of the first's numbers
sql "INSERT OR REPLACE INTO setting(key, value) VALUES ('tally_double_entry', '1')"
meeting_form 0
keys Space Enter C-s
wait_for "[签到]" || fail "second meeting did not open"
sign_in 7
keys s Tab Tab v Down Enter
expect "第一名工作人员录入" "the first clerk's entry"
secret_count "黄建平" "吴秀英" 7 7 7 0 6 1 0
expect "第一遍已录入，数字不再显示" "the second clerk is asked to count"
keys Enter
expect "第二名工作人员复核录入" "the second clerk's entry"
expect "第一遍的数字不显示" "the second clerk is told the first entry is hidden"
screen | grep -E "(发出|收回|有效|同意)：[0-9]" && fail "the second entry shows a number of the first"
pass "the second entry shows none of the first entry's numbers"
screen | grep -q "黄建平" && fail "the second entry is only the counts"
for n in 7 6 6 0 5 1 0; do keys C-u; typ "$n"; keys Tab; done
keys C-s
expect "两遍录入不一致，都没有保存" "entries that differ are refused"
expect "收回：第一遍 7，第二遍 6" "both see where they differ"
expect "同意：第一遍 6，第二遍 5" "every difference is named"
check_screen_sane
expect_sql "SELECT count(*) FROM vote v JOIN meeting m ON m.id = v.meeting_id WHERE m.number = '2026-H-22'" \
	"0" "neither entry is saved"
keys Enter
expect "监票人：黄建平" "counting again keeps the tellers"
for n in 7 7 7 0 6 1 0; do keys C-u; typ "$n"; keys Tab; done
keys C-s
keys Enter
for n in 7 7 7 0 6 1 0; do keys C-u; typ "$n"; keys Tab; done
keys C-s
expect "有效票中同意 6 票" "entries that agree are saved once"
expect_sql "SELECT count(*) FROM vote v JOIN meeting m ON m.id = v.meeting_id WHERE m.number = '2026-H-22'" \
	"1" "one vote stored"
keys q
expect "程序已退出:0" "the program quits"

# a sealed secret ballot's tellers are covered by the seal
run verify --db "$DB"
rc_is 0 "the demo verifies"
sql "UPDATE vote_teller SET name = '黄德明明' WHERE name = '黄德明'"
run verify --db "$DB"
rc_is 1 "a teller's name changed after sealing is found"
has "2026-H-16" "verify names the meeting"
