#!/bin/sh
# test_first_hour.sh: what a new clerk meets in the first hour, at 80×24 on
# the demo community — the identity codes explained, a second person of the
# same name asked about, a proposal put forward by the 居委会 under a
# category the clerk adds, a meeting whose chair brings their post from the
# roster, the speaker picker with those present first, the next step never
# cut off, an 其他议题 of a 党员大会 heard and closed, a roll call that hides
# the screen behind it and prints its names in roster order, and Enter in
# the last one-line field saving as every one-line dialog does.
. tests/e2e/lib.sh

run demo --db "$DB"
rc_is 0 "the demo community is written"
start 80 24
wait_for "议事厅" 5

# ---- the identity codes ------------------------------------------------------
keys F1 End
expect "身份简称（花名册、签到表的「身份」栏）" "F1 explains the identity codes"
expect "党委       党组织委员" "党委 is 党组织委员"
keys Escape 3
expect "身份简称：代=居民代表 党委=党组织委员" "the roster explains its codes under the column heads"
expect "▸    1 林志强     男   党委 居委 党 户" "the codes of 林志强 fit their column"

# ---- a second person of the same name ------------------------------------------
keys n
expect "新增人员" "n opens the new-person form"
typ "林志强"
keys F10
expect "花名册上已有「林志强」（编号 1，第一网格，2栋）。仍要新增一位同名的人？" \
	"a new person with the name of one on the roster is asked about first"
keys n
expect "新增人员" "answering no goes back to the form"
expect_sql "SELECT COUNT(*) FROM person WHERE name = '林志强'" "1" "nobody is added"
keys C-u
typ "欧阳新"
keys BTab
expect "备注：" "BTab goes round to the last field"
expect " Enter 保存  Tab 回到第一项" "the last one-line field says Enter saves"
keys Enter
expect "已保存：欧阳新" "Enter in the last one-line field saves"

# ---- 提议 by the 居委会, in a category the clerk adds ----------------------------
keys 1 n
expect "新议题（提议）" "the proposal form opens"
typ "老旧小区楼道加装扶手"
keys Tab Tab
typ "1至4栋老人较多，楼道无扶手，上下楼不便。"
keys Tab
expect "提议主体：< 居民代表 >" "the proposer kinds start at 居民代表"
keys Right Right
expect "提议主体：< 居委会 >" "the 居委会 may put a matter forward"
keys Tab Tab Tab Left
expect "类别名称" "the last category, 「＋ 新类别…」, asks for a new one"
typ "适老化改造"
keys Enter
expect "类别：< 适老化改造 >" "the new category is chosen"
keys F10
expect "已登记议题 2026-014" "the proposal is recorded"
expect_sql "SELECT r.name || '|' || r.kind || '|' || p.category FROM proposer r JOIN proposal p ON p.id = r.proposal_id WHERE p.number = '2026-014'" \
	"军门社区居民委员会|1|适老化改造" "put forward by the 居委会 by its name, in the new category"

# ---- a 党员大会: the chair brings the post from the roster ----------------------
keys 2 n
wait_for "新会议" || fail "meeting form did not open"
keys Right Tab Tab Tab Tab C-u
typ "社区党群服务中心二楼会议室"
keys Tab
pick "林志强"
expect "主持人职务：社区党委书记、居委会主任" "the chair's post comes from the roster"
expect "名称：2026年第5次党员大会" "the meeting is named by its place in the year"
keys Tab Tab
pick "王晓燕"
keys Tab Enter Down Space Enter Tab
typ "通报第四季度党费收缴情况"
keys F10
expect "已建立会议 2026-H-21" "the meeting is made"
expect_sql "SELECT chair_post FROM meeting WHERE number = '2026-H-21'" "社区党委书记、居委会主任" \
	"its minutes will carry the chair's post"
sign_in 14
keys s
expect "会议开始" "the meeting starts"

# ---- the speaker picker lists those present first ---------------------------
keys Tab i
expect "发言人（可输入不在花名册的姓名）" "i asks who speaks"
picked=$(screen | grep -E '^ *\| +[0-9]+ ' | head -3)
case "$picked" in
*出席*出席*出席*) pass "those present come first, marked 出席" ;;
*) fail "the picker's first rows: $picked" ;;
esac
keys Escape

# ---- the next step is never cut ------------------------------------------------
keys Tab
expect "规则：党员大会表决规则" "the vote pane names the rule"
expect "尚未表决。按 v 表决（须达到法定人数），表决后按 c 结束" "what to do next wraps"
expect "议题。" "instead of being cut"
expect_not "结…" "no hint ends cut off"

# ---- 其他议题: heard and closed ---------------------------------------------------
keys ]
expect "其他议题可按 v 表决，也可不表决，按 c 结束本" "an 其他议题 says it may be closed without a vote"
keys c
expect "已听取（通报、说明等），结束本议程" "closing an 其他议题 offers 已听取"
expect "↑↓ 选择  Enter 确定  Esc 取消" "the choice's keys are shown whole"
keys Enter
expect "决定事项" "then what was decided, if anything"
keys F10
expect "已听取（通报、说明等），结束本议程。" "the 其他议题 is closed"
expect_sql "SELECT outcome FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.number = '2026-H-21' AND a.seq = 2" \
	"5" "its outcome is stored as heard (已结束)"

# ---- a roll call: its own box, names in roster order ---------------------------
keys [ v Down Down Enter
expect "记名表决  赞成 0" "v with 记名表决 opens the roll call"
check_screen_sane "the roll call is drawn cleanly"
behind=$(screen | grep -c "议程" || true)
if [ "$behind" = 0 ]; then pass "nothing of the screen behind shows through the roll call"
else fail "the screen behind shows through the roll call"; fi
i=0; while [ $i -lt 14 ]; do keys 1; i=$((i + 1)); done
keys F10
expect "通过" "the roll call is counted"
keys c Enter
expect "决定事项" "the item is closed with what was decided"
keys F10
keys z y
expect "散会" "the meeting can be closed"
keys Enter F10
run export minutes --db "$DB" --meeting 2026-H-21 --format txt -o "$T_TMP/m.txt"
rc_is 0 "the minutes are exported"
names=$(tr -d '\n ' < "$T_TMP/m.txt" | grep -o "记名赞成（14人）：[^。；]*" | head -1)
order=$(sql "SELECT group_concat(name, '、') FROM (SELECT a.name FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.number = '2026-H-21' AND a.status = 1 AND a.entitled = 1 ORDER BY a.person_no)")
case "$names" in
"记名赞成（14人）：$order"*) pass "the roll-call names print in roster order" ;;
*) fail "roll-call names: '$names', roster order: '$order'" ;;
esac

keys Escape q
wait_for "程序已退出" 5
expect "程序已退出:0" "q leaves the program"
