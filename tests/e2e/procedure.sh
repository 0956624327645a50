# procedure.sh: one matter through 提议 → 商议 → 审议 → 决议, typed as a clerk
# would, on a fresh database.  Sourced by test_procedure_80x24.sh and
# test_procedure_132x43.sh with W and H set.
. tests/e2e/lib.sh

# add_person NAME ROLE_INDEX...: through the roster form; the role indexes
# are rows of the 身份 check list (role_table order)
add_person() {
	name=$1; shift
	keys n
	wait_for "姓名" || fail "roster form did not open"
	typ "$name"
	keys Tab Tab Tab Tab Enter      # 性别 出生日期 身份证后四位 → 身份: the check list
	pos=0
	for r in "$@"; do
		while [ $pos -lt "$r" ]; do keys Down; pos=$((pos + 1)); done
		keys Space
	done
	keys Enter C-s
	wait_for "已保存" 5 || fail "saving $name"
}

start "$W" "$H"
expect "新数据库：请先填写社区名称" "a new database asks for the community's name"
typ "幸福里社区"
keys Tab
typ "中共幸福里社区委员会"
keys C-s
expect "议事厅  幸福里社区" "the header shows the community"
expect "还没有议题" "an empty board says what to do"

# the roster
keys 3
expect "花名册是空的" "an empty roster says what to do"
add_person "王建华" 1 2 3 6     # 党组织委员 居委会委员 党员 户代表
add_person "李秀英" 2 3 6       # 居委会委员 党员 户代表
add_person "张伟" 0 3 6         # 居民代表 党员 户代表
add_person "刘芳" 3 6           # 党员 户代表
add_person "陈明" 0 6           # 居民代表 户代表
expect "陈明" "five people on the roster"
expect_sql "SELECT count(*) FROM person" "5" "five people stored"

# 提议: a Chinese title and a pasted multi-line content
keys 1
keys n
expect "新议题（提议）" "the proposal form opens"
typ "关于3号楼加装电梯的提议"
keys Tab
expect "提议日期" "the proposal form has the date it was proposed"
keys Tab
paste "3号楼共18户，60岁以上老人23人，上下楼困难。
建议加装电梯，费用按楼层分摊，一楼不出资。"
keys Tab Tab
pick "张伟"
keys C-s
expect "已登记议题 2026-001" "the proposal is recorded with a number"
expect "2026-001" "the new proposal is on the board"
expect_sql "SELECT title FROM proposal" "关于3号楼加装电梯的提议" "the Chinese title is stored intact"
expect_sql "SELECT instr(content, char(10)) > 0 AND content LIKE '%一楼不出资。' FROM proposal" "1" \
	"the pasted block keeps its line break and its end"

# convene_meeting KIND_STEPS CHAIR CLERK: the new-meeting form, first agenda item ticked
convene() {
	keys 2
	keys n
	wait_for "新会议" || fail "meeting form did not open"
	i=0; while [ $i -lt "$1" ]; do keys Right; i=$((i + 1)); done
	keys Tab Tab Tab Tab            # 名称 日期 时间 → 地点
	keys C-u
	typ "社区党群服务中心会议室"
	keys Tab
	pick "$2"
	keys Tab Tab
	pick "$3"
	keys Tab Enter Space Enter      # 议程: tick the first waiting proposal
	keys C-s
}


# 商议: 两委联席会议
convene 0 "王建华" "李秀英"
expect "[签到]" "the live meeting opens on the sign-in sheet"
expect "应到 2" "应到 comes from the roster: the two committee members"
sign_in 2
expect "✓ 已达法定人数" "the quorum meter turns when both sign in"
keys s
expect "[进行中]" "the meeting is opened"
keys Tab
keys i
wait_for "发言人" 5
typ "王建"
sleep 0.2
keys Enter
wait_for "记录发言" 5
typ "介绍加装电梯方案，建议提交党员大会审议。"
keys Enter
expect "已保存第 1 条记录" "a minute is saved"
keys Escape
expect "介绍加装电梯方案" "the minute is listed"
keys Tab v Enter
expect "赞成" "the count form opens"
typ "2"
keys C-s
expect "赞成 2 票，超过出席人数 2 人的半数，通过。" "the vote passes with its sentence"
keys c Enter C-s               # 决定事项 may stay empty before the 决议
expect "已通过" "the item is closed and forwarded"
keys z y C-s
expect "[已散会]" "the meeting is closed"
expect_sql "SELECT step FROM proposal" "2" "the proposal is at 商议"

# 审议: 党员大会, first without quorum
convene 1 "王建华" "李秀英"
expect "不足 3 天，材料应提前 3" "a 党员大会 the same day as the 商议 is warned about, not blocked"
expect "应到 4" "应到: the four Party members with voting rights"
sign_in 1
keys s
keys Tab Tab v
expect "不能表决。" "a vote without quorum is refused"
expect "未达到应到会有表决权的党员的半数以上" "the refusal names the rule"
expect_sql "SELECT count(*) FROM vote v JOIN meeting m ON m.id = v.meeting_id WHERE m.kind = 2" "0" \
	"nothing is stored for the refused vote"
keys Tab
sign_in 2
expect "✓ 已达法定人数" "the quorum is reached after two more sign in"
keys Tab Tab v Enter
typ "abc"
keys C-s
expect "请输入" "letters in a count are refused with a message"
keys C-u
typ "9"
keys C-s
expect "超出范围，请输入 0 到 3 之间的整数" "a count above those present is refused"
expect "赞成：9" "the count typed is kept after the error"
keys C-u
typ "2"
keys Tab C-u
typ "2"
keys C-s
expect "超过实到" "counts that add up to more than those present are refused"
keys Tab Tab C-u                # focus stays on 反对: on to 弃权, round to 赞成
typ "3"
keys Tab C-u
typ "0"
keys C-s
expect "赞成 3 票，超过应到" "the vote passes against 应到 (not 实到)"
keys c Enter C-s               # 决定事项 may stay empty before the 决议
keys z y C-s
expect "[已散会]" "the 党员大会 is closed"
expect_sql "SELECT step FROM proposal" "3" "the proposal is at 审议"

# 决议: 居民会议
convene 2 "王建华" "李秀英"
expect "应到 5" "应到: the household representatives"
sign_in 3
keys s Tab Tab v Enter
typ "3"
keys C-s
expect "通过" "the residents' meeting decides"
keys c Enter C-s
expect "「决定事项」不能为空" "a 决议 passed cannot be concluded without what was decided"
typ "一、同意加装电梯；"
keys Enter
typ "二、费用按楼层分摊，一楼不出资。"
keys C-s z y C-s
expect "[已散会]" "the 居民会议 is closed"
expect_sql "SELECT step FROM proposal" "4" "the proposal is at 决议"

# a vote on the closed meeting is refused
keys v
expect "会议已散会，不能再表决" "a vote on a closed meeting is refused"

# the dossier shows every step
keys 1 Right Right Right
expect "2026-001" "the proposal is in the 决议 column"
keys Enter
expect "流程" "the dossier opens"
expect "两委联席会议 2026-H-01" "the dossier shows the 商议 meeting"
expect "党员大会 2026-H-02" "the dossier shows the 审议 meeting"
expect "一楼不出资" "the dossier shows the content"
keys End
expect "居民会议 2026-H-03" "the dossier shows the 决议 meeting"
check_screen_sane "the dossier screen"
keys Escape q
expect "程序已退出:0" "the program quits cleanly"
out=$(sh -c "$YS_BIN check --db $DB" 2>&1)
case "$out" in *完好*) pass "the database passes its own check" ;; *) fail "check: $out" ;; esac
