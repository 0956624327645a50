#!/bin/sh
# test_corrections.sh: putting the record right before the chair signs, as a
# clerk does it at 80×24 on the demo community (2026-11-22): a proposal
# corrected freely and, once a meeting that handled it is sealed, only as a
# 更正 with a reason; a meeting postponed, one cancelled, one created by
# mistake deleted; a speech corrected, one put in that was left out, one
# deleted; a mistyped tally corrected before the item is concluded, which
# the minutes print as one round.  Every change is in the change log with
# its old and new value, who made it and why.
. tests/e2e/lib.sh

run demo --db "$DB"
rc_is 0 "the demo community is written"
REP=$(sql "SELECT name FROM person WHERE active = 1 AND roles & 1 ORDER BY no LIMIT 1")

start 80 24
wait_for "议事厅" 5

# ---- who makes the changes: the clerk's name in the settings ----------------
keys 4 s
wait_for "设置" 5
keys BTab C-u
typ "王晓燕"
keys C-s
expect "设置已保存" "the clerk's name is saved as 录入人"

# ---- a proposal: corrected freely before any sealed meeting ----------------
keys 1 n
wait_for "新议题（提议）" 5
typ "9号楼楼道灯不亮"
keys Tab Tab
paste "9号楼3至6层楼道灯损坏。"
keys Tab Tab
pick "$REP"
keys C-s
expect "已登记议题 2026-014" "a proposal is recorded"
keys /
typ "楼道灯"
keys Enter
wait_for "2026-014" 5
keys Enter
expect "【2026-014】9号楼楼道灯不亮" "its dossier opens"
keys e
expect "修改议题 2026-014" "e opens the proposal's form, filled in"
expect "9号楼3至6层楼道灯损坏" "the content is there to correct"
keys C-u
typ "9号楼楼道灯损坏不亮"
keys C-s
expect "已修改议题「9号楼楼道灯损坏不亮」" "the correction is saved without a reason"
keys h
expect "标题" "the change log has the title"
expect "原为：9号楼楼道灯不亮" "with the old value"
expect "改为：9号楼楼道灯损坏不亮" "and the new one"
expect "王晓燕" "and who made it"
keys Escape Escape

# ---- after a sealed meeting: only as a 更正 with its reason ----------------
keys /
typ "广场舞噪声"
keys Enter
wait_for "2026-009" 5
keys Enter
expect "【2026-009】" "2026-009 has been through sealed meetings"
keys e
expect "*内容：中心广场每晚19时" "a long content is shown from its beginning"
keys C-u
typ "中心广场广场舞噪声扰民治理"
keys C-s
expect "的记录已签字确认，修改议题须作为更正写明理由" "after a sealed meeting a reason is asked"
expect_sql "SELECT title FROM proposal WHERE number = '2026-009'" "中心广场广场舞噪声治理" \
	"nothing is changed without the reason"
typ "标题漏了“扰民”二字"
keys C-s
expect "已修改议题" "the 更正 is saved with its reason"
expect_sql "SELECT reason FROM change_log WHERE entity = 'proposal' AND field = '标题' AND new_value = '中心广场广场舞噪声扰民治理'" \
	"标题漏了“扰民”二字" "the reason is in the change log"
keys Escape

# ---- meetings: postponed, cancelled, one made by mistake deleted -----------
meeting_form 1 "2026-12-03" "19:00"
keys Space Enter C-s
wait_for "[未开始]" 5 || fail "the 党员大会 did not open"
P1=$(sql "SELECT number FROM meeting WHERE date = '2026-12-03'")
keys Escape
wait_for "编号" 5
keys y
expect "延期：$P1（原定 2026-12-03 19:00）" "y asks for the new date"
keys C-u
typ "2026-12-10"
keys Tab Tab
typ "书记参加区里的培训"
keys C-s
expect "延期至 2026-12-10 19:00" "the meeting is postponed"
expect "已延期" "the list shows it as 已延期"
meeting_form 4 "2026-12-05" "19:30"
keys Enter Tab
typ "停车收费听证"
keys C-s
wait_for "[未开始]" 5
expect "不设法定人数" "a 议事协商会 says it has no quorum rule"
expect_not "已达法定人数" "never 「已达法定人数」 with nobody present"
P2=$(sql "SELECT number FROM meeting WHERE date = '2026-12-05'")
keys Escape
wait_for "编号" 5
keys c                          # the cursor is on the meeting just left
expect "取消会议 $P2" "c asks to cancel the meeting chosen"
expect "取消的理由" "c asks why the meeting is cancelled"
typ "物业方面未能到会"
keys Enter
expect "已取消" "the list shows it as 已取消"
run list meetings --db "$DB"
has "$P1	2026-12-10	党员大会	2026年第5次党员大会	已延期" "list meetings says 已延期"
has "$P2	2026-12-05	议事协商会	2026年第4次议事协商会	已取消" "list meetings says 已取消"
meeting_form 0 "2026-11-30" "14:30"
keys Space Enter C-s
wait_for "[未开始]" 5
P3=$(sql "SELECT number FROM meeting WHERE date = '2026-11-30'")
keys Escape
wait_for "编号" 5
keys d
expect "删除会议 $P3" "d asks before deleting a meeting made by mistake"
keys y
expect "已删除会议 $P3" "the meeting never opened is deleted"
expect_sql "SELECT count(*) FROM meeting WHERE number = '$P3'" "0" "it is gone"
expect_sql "SELECT count(*) FROM change_log WHERE field = '删除' AND old_value LIKE '$P3 %'" "1" \
	"its deletion is in the change log"

# ---- a meeting entered afterwards, its minutes put right --------------------
meeting_form 0 "2026-11-20" "09:30"
keys Down Space Enter C-s
wait_for "补录" 5 || fail "the meeting did not open"
sign_in 5
keys s Enter
keys Tab i
wait_for "发言人" 5
typ "林志强"
sleep 0.2
keys Enter
wait_for "记录发言" 5
typ "第一条发言。"
keys Enter
typ "第二条发言。"
keys Enter
typ "第三条发言，记错了。"
keys Enter Escape
expect "发言记录（3 条）" "three speeches"
keys Up r
expect "修改第 2 条发言" "r corrects the selected speech"
keys C-u
typ "09:45"
keys Tab Tab C-e
typ "（王晓燕附议）"
keys C-s
expect "09:45 林志强：第二条发言。（王晓燕附议）" "the speech is corrected, its time too"
keys a
expect "补记一条发言（在第 2 条之前）" "a puts in a speech left out"
keys C-u
typ "09:35"
keys Tab
pick "黄建平"
keys Tab
typ "漏记的一条发言。"
keys Tab
typ "纸面记录第二页"
keys C-s
expect "已补记第 2 条发言（09:35 黄建平）" "the speech left out is put in its place"
keys Down Down d y Enter
expect "已删除第 4 条发言" "the wrong speech is deleted"
expect_sql "SELECT group_concat(seq || ' ' || at || ' ' || speaker, ', ') FROM (SELECT m.seq, m.at, m.speaker FROM minute m JOIN meeting g ON g.id = m.meeting_id WHERE g.date = '2026-11-20' ORDER BY m.seq)" \
	"1 09:30 林志强, 2 09:35 黄建平, 3 09:45 林志强" "the minutes are numbered in order again"

# ---- a mistyped tally corrected before the item is concluded ----------------
keys Tab v Enter
typ "3"
keys C-s
expect "赞成 3 票" "the vote as typed"
keys k
expect "更正的理由" "k asks why the tally is corrected"
typ "录入时看错纸面票数"
keys Enter
expect "计票更正 · 举手表决" "the count form for the correction"
keys C-u
typ "5"
keys C-s
expect "计票已更正：赞成 5 票" "the tally is corrected"
expect "原记 赞成 3 反对 0 弃权 0，已更正：录入时看错纸面票数" "the pane shows what was first written"
keys c Enter C-s z y C-u
typ "11:10"
keys Enter C-s
expect "[已散会]" "the meeting is closed"
M=$(sql "SELECT number FROM meeting WHERE date = '2026-11-20'")
run export minutes --db "$DB" --meeting "$M" --format txt -o "$T_TMP/m.txt"
rc_is 0 "the minutes are exported"
file_has "$T_TMP/m.txt" "表决票数：赞成 5 票" "the minutes print the corrected tally"
file_has "$T_TMP/m.txt" "计票更正：原录入赞成 3 票" "and what was first typed, as a correction"
file_lacks "$T_TMP/m.txt" "第 2 轮" "never as a second round of voting"
file_lacks "$T_TMP/m.txt" "第三条发言，记错了" "the deleted speech is not printed"
file_has "$T_TMP/m.txt" "09:35 黄建平：漏记的一条发言。" "the speech put in is printed in its place"

# ---- the change log of the meeting ------------------------------------------
keys h
expect "修改第 2 条发言" "the change log has the corrected speech"
expect "原为：09:30 林志强：第二条发言。" "with its old text and time"
expect "插入第 2 条发言" "the speech put in"
expect "删除第 4 条发言" "the speech deleted"
expect "计票更正：第 1 项议程" "the corrected tally"
expect "原为：赞成 3 反对 0 弃权 0" "with the tally as first typed"
keys Escape q
wait_for "程序已退出" 5
expect "程序已退出:0" "q leaves the program"
expect_sql "SELECT count(*) FROM change_log WHERE who = '王晓燕' AND at >= '2026-11-22'" \
	"$(sql "SELECT count(*) FROM change_log WHERE at >= '2026-11-22'")" "every change names the clerk"

out=$(env $SAN_ENV $YS_BIN check --db "$DB" 2>&1)
case "$out" in *完好*) pass "the database passes its check" ;; *) fail "check: $out" ;; esac
