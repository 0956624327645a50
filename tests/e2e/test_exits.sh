#!/bin/sh
# The ways out of the procedure, on the demo community: a failed vote that
# cannot be forwarded and is returned (退回) instead, 不予采纳 and 撤回 in a
# meeting, 撤回 from the board, and the rule that a secret ballot never
# stores a per-person choice while a roll call stores one per person.
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
start 80 24
expect "2026-009" "the demo board"

convene() {  # convene KIND_STEPS: chair 林志强, clerk 王晓燕, every waiting proposal ticked
	meeting_form "$1"
	j=0; while [ $j -lt "$2" ]; do keys Space Down; j=$((j + 1)); done
	keys Enter C-s
	wait_for "[签到]" || fail "meeting did not open"
}

# 党员大会 on 2026-011: 13 of 25 sign in (半数以上), a vote that fails
convene 1 1
expect "应到 25" "应到: the demo's 25 Party members with voting rights"
sign_in 13
expect "实到 13" "13 signed in"
expect "✓ 已达法定人数" "13 of 25 meets 半数以上"
keys s Tab Tab v Enter
typ "12"
keys Tab C-u
typ "1"
keys C-s
expect "赞成 12 票，未超过应到会有表决权的党员 25 人的半数，未通过。" "12 of 25 fails against 应到"
keys c Enter
expect "未通过" "forwarding a failed vote is refused"
expect_sql "SELECT step FROM proposal WHERE number='2026-011'" "2" "the proposal did not move"
keys c Down Enter
expect "退回到哪一步" "退回 asks for the step"
keys Enter
expect "理由" "退回 asks for a reason"
keys Enter
expect "不能为空" "an empty reason is not accepted, the dialog stays"
typ "请补充充电棚选址的消防意见"
keys Enter
expect "已退回" "the item shows as returned"
expect_sql "SELECT step || '/' || status FROM proposal WHERE number='2026-011'" "1/0" "2026-011 is back at 提议"
expect_sql "SELECT count(*) FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id WHERE p.number='2026-011' AND e.action=3 AND e.reason LIKE '%消防意见%'" "1" \
	"the return and its reason are in the proposal's events"
expect_sql "SELECT count(*) FROM minute WHERE text LIKE '%2026-011%退回%消防意见%'" "1" \
	"the return is written into the meeting's minutes"
keys z y C-s
expect "[已散会]" "the 党员大会 is closed"

# 两委联席会议 on the four proposals at 提议: 不予采纳, 撤回, a secret ballot,
# a roll call
convene 0 4
expect "应到 7" "应到: the seven committee members"
i=0; while [ $i -lt 7 ]; do keys Enter; i=$((i + 1)); done
keys s Tab Tab
expect "1. " "the agenda"
# item 1: 不予采纳
keys c Down Down Enter
typ "场地已规划为消防通道"
keys Enter
expect "不予采纳" "item 1 is not adopted"
# item 2: 撤回 by the proposer
keys Right c Down Down Down Enter
typ "提议人表示已与物业协商解决"
keys Enter
expect "已撤回" "item 2 is withdrawn"
# item 3: a secret ballot
keys Right v Down Enter
wait_for "监票人" || fail "the secret ballot's form"
secret_count "陈美华" "王晓燕" 7 7 7 0 6 1 0
expect "无记名投票" "a secret ballot"
expect "有效票中同意 6 票" "the secret ballot is counted as on paper"
expect "同意 6 票，超过出席人数 7 人的半数，通过。" "the secret ballot passes, in the words of its paper"
# item 4: a roll call, one choice per present person
keys Right v Down Down Enter
expect "记名表决" "the roll-call sheet"
keys 1 1 1 1 2 3 1
expect "赞成 5  反对 1  弃权 1  未表决 0" "the roll call counts as it goes"
keys C-s
expect "赞成 5 票，超过出席人数 7 人的半数，通过。" "the roll call passes"
keys z y C-s
expect "[已散会]" "the 两委联席会议 is closed"
expect_sql "SELECT count(*) FROM proposal WHERE status=1" "2" "two proposals are now 不予采纳"
expect_sql "SELECT count(*) FROM proposal WHERE status=2" "2" "two proposals are now 撤回"
expect_sql "SELECT count(*) FROM ballot b JOIN vote v ON v.id = b.vote_id WHERE v.method=1" "0" \
	"no secret ballot stored a per-person choice"
expect_sql "SELECT count(*) FROM ballot b JOIN vote v ON v.id = b.vote_id WHERE v.method=2 AND v.created_at LIKE '2026-11-22%'" "7" \
	"the roll call stored one choice per present person"

# 撤回 from the board
keys 1
expect "提议 (" "the board"
keys w
expect "撤回理由" "withdrawing asks for a reason"
typ "居民自行协商解决"
keys Enter
expect "已撤回" "withdrawn from the board"
expect_sql "SELECT count(*) FROM proposal WHERE status=2" "3" "three proposals withdrawn"
out=$($YS_BIN check --db "$DB" 2>&1)
case "$out" in *完好*) pass "the database passes its check after the exits" ;; *) fail "check: $out" ;; esac
