#!/bin/sh
# test_entered_afterwards.sh: meetings held on paper and typed in
# afterwards (补录), as a clerk does it on 2026-11-22 at 80×24 on the demo
# community.  A proposal made on 2026-10-08 goes through a 两委联席会议 held
# on 2026-10-15 09:30–11:10, a 党员大会 on 2026-10-22 and a 居民代表会议 on
# 2026-11-06, each entered afterwards with the times of the paper record;
# the minutes and the dossier carry those times, never the moment of
# typing; and every refusal of a date out of order is shown on screen.
. tests/e2e/lib.sh

run demo --db "$DB"
rc_is 0 "the demo community is written"
REP=$(sql "SELECT name FROM person WHERE active = 1 AND roles & 1 ORDER BY no LIMIT 1")

# new_meeting KIND_STEPS DATE TIME ITEM_DOWNS: the new-meeting form of a kind,
# dated, with the agenda item ITEM_DOWNS rows down ticked; saved with ^S
new_meeting() {
	meeting_form "$1" "$2" "$3"
	i=0; while [ $i -lt "$4" ]; do keys Down; i=$((i + 1)); done
	keys Space Enter C-s
}

start 80 24
wait_for "议事厅" 5

# ---- 提议, dated from the paper; not in the future -------------------------
keys 1 n
expect "新议题（提议）" "the proposal form opens"
typ "5号楼雨污管道混接改造"
keys Tab
expect "提议日期：2026-11-22" "提议日期 starts at today"
keys C-u
typ "2026-12-01"
keys Tab
paste "5号楼雨水管与污水管混接，雨天返臭，居民多次反映。"
keys Tab Tab
pick "$REP"
keys C-s
expect "提议日期 2026-12-01 还没到（今天是 2026-11-22）" "a proposal dated in the future is refused"
keys C-u
typ "2026-10-08"
keys C-s
expect "已登记议题 2026-014" "the proposal dated 2026-10-08 is recorded"
expect_sql "SELECT proposed_on FROM proposal WHERE number = '2026-014'" "2026-10-08" \
	"提议日期 is the paper's"

# ---- 商议 before the proposal was made: refused, naming both dates ---------
new_meeting 0 "2026-10-01" "09:30" 3
expect "商议日期 2026-10-01 不能早于提议日期 2026-10-08" "a 商议 dated before the proposal is refused"
keys Escape
wait_for "放弃" 2 && keys y
new_meeting 0 "2026-10-15" "09:30" 3
expect "补录  时间 09:30（t 修改）" "a past meeting is entered afterwards, at its planned start"
expect_sql "SELECT count(*) FROM meeting WHERE date = '2026-10-15'" "1" "the 两委联席会议 is saved"

# sign-in at 09:20 by the sheet, opened at 09:30 as the paper says
keys t C-u
typ "09:20"
keys Enter
sign_in 5
expect "出席 09:20" "sign-in times are the typed time"
keys s
expect "实际开始时间（按纸面记录）" "opening a past meeting asks when it began"
expect "09:30" "the planned start is offered"
keys Enter
expect "[进行中]" "the meeting is opened"

# a speech before the start is refused; at 09:40 it is kept
keys Tab i
wait_for "发言人" 5
typ "林志强"
sleep 0.2
keys Enter
wait_for "记录发言" 5
expect "时间 09:30" "the editor shows the time the speech gets"
keys C-t C-u
typ "09:25"
keys Enter
expect "记录时间 09:25 早于开会时间 09:30。" "a time before the start is refused"
keys C-t C-u
typ "09:40"
keys Enter
typ "介绍5号楼雨污管道混接情况，建议提交党员大会审议。"
keys Enter
expect "已保存第 1 条记录（09:40 林志强）" "the speech is kept at 09:40"
keys Escape

# the vote at 10:50, the item concluded at 10:55
keys t C-u
typ "10:50"
keys Enter
keys Tab v Enter
typ "5"
keys C-s
expect "赞成 5 票" "the vote is taken"
keys t C-u
typ "10:55"
keys Enter c
expect "1 商议通过，提交党员大会审议" "the conclusion says what happens next, in the clerk's words"
keys Enter C-s
expect "已通过" "the item is forwarded"

# 散会 before the last entry is refused on the spot; 11:10 is kept
keys z y
expect "散会时间（按纸面记录）" "closing a past meeting asks when it ended"
keys C-u
typ "10:30"
keys Enter
expect "散会时间 10:30 早于会上已记录的最晚时间 10:55。" "散会 before the last entry is refused"
keys C-u
typ "11:10"
keys Enter C-s
expect "[已散会]" "the meeting is closed"

# 签字确认 before the end is refused; as the paper says, it is sealed
keys f y
expect "2026-10-15 11:10" "the signing time offered is the meeting's end"
keys C-u
typ "2026-10-15 11:05"
keys Enter
expect "签字时间 2026-10-15 11:05 早于散会时间 2026-10-15 11:10。" "signing before the end is refused"
keys f y C-u
typ "2026-10-15 11:20"
keys Enter
expect "已签字确认" "the minutes are sealed"

M1=$(sql "SELECT number FROM meeting WHERE date = '2026-10-15'")
expect_sql "SELECT held_start || '-' || end_time || '-' || held_live FROM meeting WHERE number = '$M1'" \
	"09:30-11:10-0" "the meeting's actual start and end are stored, as entered afterwards"
expect_sql "SELECT DISTINCT at FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.number = '$M1' AND a.status = 1" \
	"09:20" "every sign-in carries its typed time"
expect_sql "SELECT DISTINCT substr(signed_at, 1, 10) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.number = '$M1' AND a.status = 1" \
	"2026-11-22" "the moment of typing is kept beside it"
expect_sql "SELECT v.at FROM vote v JOIN meeting m ON m.id = v.meeting_id WHERE m.number = '$M1'" \
	"10:50" "the vote carries its time"
expect_sql "SELECT s.signed_at || ' / ' || s.recorded_at FROM seal s JOIN meeting m ON m.id = s.meeting_id WHERE m.number = '$M1'" \
	"2026-10-15 11:20:00 / 2026-11-22 14:05:00" "the signing time is the paper's, the typing kept apart"

# ---- 审议 before 商议: refused; then the 党员大会 of 2026-10-22 ----------------
new_meeting 1 "2026-10-10" "19:00" 1
expect "议题 2026-014 审议日期 2026-10-10 不能早于商议日期 2026-10-15。" \
	"a 审议 dated before its 商议 is refused, the message whole at 80 columns"
keys Escape
wait_for "放弃" 2 && keys y
new_meeting 1 "2026-10-22" "19:00" 1
expect "补录" "the 党员大会 is entered afterwards"
sign_in 20
expect "实到 20" "twenty Party members signed in, scrolling down the sheet"
keys s Enter
keys Tab Tab v Enter
typ "20"
keys C-s
expect "通过" "the 党员大会 passes it"
keys t C-u
typ "20:20"
keys Enter c Enter C-s z y C-u
typ "20:30"
keys Enter C-s
expect "[已散会]" "the 党员大会 is closed"
keys f y Enter
expect "已签字确认" "the 党员大会 minutes are sealed as it ended"
M2=$(sql "SELECT number FROM meeting WHERE date = '2026-10-22' AND kind = 2 ORDER BY seq DESC LIMIT 1")
expect_sql "SELECT s.signed_at FROM seal s JOIN meeting m ON m.id = s.meeting_id WHERE m.number = '$M2'" \
	"2026-10-22 20:30:00" "signed as it ended"

# ---- 决议 by the 居民代表会议 of 2026-11-06 ------------------------------------
new_meeting 3 "2026-11-06" "09:00" 2
expect "补录" "the 居民代表会议 is entered afterwards"
sign_in 12
keys s Enter
keys Tab Tab v Enter
typ "12"
keys C-s
expect "通过" "the representatives decide"
keys t C-u
typ "10:00"
keys Enter c Enter
expect "必填：作为决议公开的决议内容" "the 决定事项 of a 决议 is asked, with an example for this kind of meeting"
expect "一、同意实施该方案" "the example is the decision's"
typ "一、同意实施5号楼雨污管道混接改造；"
keys Enter
typ "二、由物业公司负责实施。"
keys C-s z y C-u
typ "10:10"
keys Enter C-s
expect "[已散会]" "the 居民代表会议 is closed"
expect_sql "SELECT step FROM proposal WHERE number = '2026-014'" "4" "the proposal is decided"

# ---- a meeting in the future: nothing can be recorded at it yet -------------
new_meeting 4 "2026-12-06" "19:30" 0
expect "会议还没到日期" "a meeting in the future says so"
screen | grep -q "✗ 不足" && fail "a meeting not yet held is shown as short of its quorum" ||
	pass "a meeting not yet held is not shown as short of its quorum"
keys Enter
expect "会议日期 2026-12-06 还没到（今天是 2026-11-22），不能签到" "signing in before the date is refused"
keys s
expect "不能开始" "opening before the date is refused"
expect "可按 l 登记请假" "but a 请假 asked for ahead of it can be recorded"
keys l
expect "请假原因（必填）" "l asks the reason"
typ "外出探亲"
keys Enter
expect "请假：外出探亲" "the 请假 is on the sheet before the meeting"
expect_sql "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id
	WHERE m.date = '2026-12-06' AND a.status = 2 AND a.reason = '外出探亲'" "1" "and in the database"

# ---- the paper and the dossier carry the meetings' times -------------------
run export minutes --db "$DB" --meeting "$M1" --format txt -o "$T_TMP/m1.txt"
rc_is 0 "the 两委联席会议 minutes are exported"
file_has "$T_TMP/m1.txt" "日期：2026年10月15日" "the minutes have the meeting's date"
file_has "$T_TMP/m1.txt" "起止时间：09:30 至 11:10" "the minutes have its actual start and end"
file_has "$T_TMP/m1.txt" "09:40 林志强：" "the speech has its time"
file_has "$T_TMP/m1.txt" "散会（11:10）" "散会 at its time"
file_has "$T_TMP/m1.txt" "2026年10月15日 11:20" "signed at the paper's time"
file_lacks "$T_TMP/m1.txt" "14:05" "the moment of typing is never printed as the meeting's"
run export minutes --db "$DB" --meeting "$M2" --format txt -o "$T_TMP/m2.txt"
file_has "$T_TMP/m2.txt" "起止时间：19:00 至 20:30" "the 党员大会 minutes have its times"

keys Escape 1 /
typ "雨污管道"
keys Enter
wait_for "2026-014" 5
keys Enter
expect "提议日期：2026-10-08" "the dossier shows the date it was proposed"
dossier=$(screen)
keys End
dossier="$dossier
$(screen)"
order=$(printf '%s\n' "$dossier" | grep -oE '^   2026-[0-9]{2}-[0-9]{2}' | tr -d ' ' | awk '!seen[$0]++' | tr '\n' ' ')
case "$order" in
"2026-10-08 2026-10-15 2026-10-22 2026-11-06 ") pass "the dossier's steps are in date order, with the meetings' dates" ;;
*) fail "the dossier's dates: $order" ;;
esac

# ---- 决议公开, prepared today for tomorrow's board ----------------------------
keys a
expect "决议公开：2026-014" "a opens the notice form from the dossier"
expect "张贴日期：2026-11-22" "the posting date offered is today"
keys C-u
typ "2026-11-05"
keys F10
expect "张贴日期 2026-11-05 不能早于决议日期 2026-11-06。" "a notice dated before its decision is refused, naming both dates"
keys C-u
typ "2026-11-23"
keys Tab Tab
typ "一、12月上旬开挖5号楼东侧路面；"
keys Enter
typ "二、施工期间每日18时前恢复通行。"
keys Tab
typ "1．5号楼雨污管道改造平面图"
keys F10
expect "（文号在张贴时编定）" "the notice is shown as it will print before it has a number"
expect "二、施工期间每日18时前恢复通行。" "the clerk's 实施方案 is in it"
expect "Enter 编号并张贴" "the preview says how to post it"
P14="(SELECT id FROM proposal WHERE number = '2026-014')"
expect_sql "SELECT COUNT(*) FROM notice WHERE proposal_id = $P14" "0" "nothing is posted while the clerk reads it"
keys Enter
expect "已张贴公示 〔2026〕7号" "Enter numbers and posts it"
expect_sql "SELECT start_date || ' ' || end_date || ' ' || written_date FROM notice WHERE proposal_id = $P14" \
	"2026-11-23 2026-11-29 2026-11-23" "posted on the day chosen, for 7 days, written that day"
keys Escape q
wait_for "程序已退出" 5
expect "程序已退出:0" "q leaves the program"
run export notice --db "$DB" --proposal 2026-014 --format txt -o "$T_TMP/n1.txt"
rc_is 0 "the decision notice is exported"
file_has "$T_TMP/n1.txt" "2026年11月6日，社区召开" "the notice carries the deciding meeting's date"
file_has "$T_TMP/n1.txt" "公示期：2026年11月23日至2026年11月29日。" "and the posting period from the day chosen"
file_has "$T_TMP/n1.txt" "附件：1．5号楼雨污管道改造平面图" "and the clerk's 附件说明"
file_lacks "$T_TMP/n1.txt" "2026年11月22日" "the day it was typed is not printed"

# ---- 实施 and the result while the decision notice is still up -------------
NOW="2026-11-25 16:00"
start 80 24
wait_for "议题" 5
keys /
typ "雨污管道"
keys Enter
wait_for "2026-014" 5
keys Enter
keys a
expect "组织实施：2026-014" "a opens 实施 after the notice"
pick "林志强"
keys Tab
typ "2026-12-31"
keys Tab C-u
typ "2026-11-22"
keys F10
expect "开始实施日期 2026-11-22 不能早于决议公开日期 2026-11-23。" "实施 before the notice went up is refused"
keys C-u
typ "2026-11-24"
keys F10
expect "决议公示期到 2026-11-29 才结束" "实施 within the posting period asks why"
typ "汛期前须完成管道改造，经街道同意提前开工。"
keys Enter
expect "已进入实施：2026-11-24 起" "实施 is recorded from the day it began"
expect_sql "SELECT reason || '|' || substr(at, 1, 10) FROM proposal_event WHERE action = 7 AND proposal_id = $P14" \
	"汛期前须完成管道改造，经街道同意提前开工。|2026-11-24" "the reason and the day are in the record"
keys r
expect "登记实施进展" "r asks for progress with its day"
keys C-u
typ "2026-11-23"
keys Tab
typ "开挖路面。"
keys F10
expect "进展日期 2026-11-23 不能早于开始实施日期 2026-11-24。" "progress before the work began is refused"
keys BTab C-u
typ "2026-11-25"
keys F10
expect "已记录 2026-11-25 的实施进展" "progress on its day"
keys a
expect "实施结果公开：2026-014" "a opens the result notice"
keys Tab Tab
typ "物业维修基金 2.4 万元。"
keys Tab
typ "11月25日由居民代表验收合格。"
keys F10
expect "决议公示期到 2026-11-29 才结束" "the result within the decision's period asks why"
typ "工程已完工，居民要求尽快公开结果。"
keys Enter
expect "（文号在张贴时编定）" "the result notice is previewed"
expect "资金使用情况：物业维修基金 2.4 万元。" "with the money the clerk wrote"
keys Enter
expect "已张贴公示 〔2026〕8号" "and posted"
expect "〔2026〕8号" "the posted result opens with its number, to print"
keys Escape a
expect "实施结果公示期到 2026-12-01 才结束，期满后才能归档" "no archive while the result is up"
keys Escape q
wait_for "程序已退出" 5

out=$(env $SAN_ENV $YS_BIN check --db "$DB" 2>&1)
case "$out" in *完好*) pass "the database passes its check" ;; *) fail "check: $out" ;; esac
out=$(env $SAN_ENV $YS_BIN verify --db "$DB" 2>&1)
case "$out" in *完好*|*一致*) pass "every seal verifies" ;; *) fail "verify: $out" ;; esac
