#!/bin/sh
# 检索 everywhere, as a clerk uses it on the demo community: one / on any
# screen; a two-character word (停车) and a longer one (雨污分流); results
# grouped by kind with their counts agreeing with SQL written here; Enter
# opens the record where it lives (the dossier, the minutes at that line,
# the notice, the person in the roster); the screen's own kind first;
# nothing found said so; a record changed is found by its new words.
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
like() { printf "LIKE '%%%s%%'" "$1"; }

start 80 24
wait_for "1 议题" 10
keys /
expect "要找的字词" "/ on the board asks for the words"
typ "停车"
keys Enter
np=$(sql "SELECT COUNT(*) FROM proposal WHERE title $(like 停车) OR content $(like 停车) OR source $(like 停车)
          OR category $(like 停车) OR grid $(like 停车) OR building $(like 停车)")
nm=$(sql "SELECT COUNT(*) FROM minute WHERE text $(like 停车) OR speaker $(like 停车)")
expect "检索「停车」：议题 $np，会议发言 $nm" "two characters: $np proposals and $nm lines of the minutes, as SQL counts them"
expect "议题（$np）" "the proposals' group"
expect "会议发言（$nm）" "the minutes' group"
expect "▸ 2026-008 2栋南侧闲置地块改建停车位" "the newest proposal first, selected"
check_screen_sane "results at 80x24"
# the first line of the minutes: the newest meeting's
first=$(sql "SELECT m.seq || '|' || m.at || '|' || m.speaker FROM minute m JOIN meeting t ON t.id = m.meeting_id
             WHERE m.text $(like 停车) ORDER BY t.date DESC, m.rowid DESC LIMIT 1")
seq=${first%%|*}; rest=${first#*|}; at=${rest%%|*}; who=${rest#*|}
keys Down Down
keys Enter
expect "[记录]" "Enter on a line of the minutes opens the meeting's 记录"
expect "▸$at $who：" "with that line ($at $who) selected"
keys Escape

keys 5
wait_for "公示栏" 5
keys /
typ "雨污分流"
keys Enter
nn=$(sql "SELECT COUNT(*) FROM notice WHERE title $(like 雨污分流) OR body $(like 雨污分流)")
expect "公示（$nn）" "a longer word through the index: $nn notices"
if screen | sed -n 3p | grep -qF "公示（$nn）"; then pass "on the notice board, notices first"; else fail "notices not first from the board"; fi
keys Enter
expect "预览：关于1栋至4栋雨污分流" "Enter on a notice previews it"
keys Escape

# from the roster people come first; Enter selects the person there
keys 3
wait_for "花名册" 5
keys /
typ "游建华"
keys Enter
expect "人员（1）" "a name finds the person"
if screen | sed -n 3p | grep -qF "人员（1）"; then pass "on the roster, people are listed first"; else fail "people not first from the roster"; fi
keys Enter
expect "▸    9 游建华" "Enter shows the person in the roster"

# from the 民情日记 tab its entries come first; Enter selects the entry there
keys 6
wait_for "民情日记" 5
keys /
typ "路灯"
keys Enter
nd=$(sql "SELECT COUNT(*) FROM diary WHERE content $(like 路灯) OR done $(like 路灯) OR reply $(like 路灯) OR place $(like 路灯)")
expect "民情日记（$nd）" "the diary's entries with 路灯: $nd"
if screen | sed -n 3p | grep -qF "民情日记（$nd）"; then pass "on the diary tab, its entries first"; else fail "diary not first from its tab"; fi
newest=$(sql "SELECT number FROM diary WHERE content $(like 路灯) OR reply $(like 路灯) ORDER BY raised_on DESC LIMIT 1")
keys Enter
expect "▸ $(sql "SELECT substr(raised_on, 6) FROM diary WHERE number = '$newest'") $newest" "Enter shows the entry $newest in the diary"

# from 7 手记 the secretary's notes come first; Enter opens the note whole
keys 7
wait_for "书记手记" 5
keys /
typ "停车"
keys Enter
nt=$(sql "SELECT COUNT(*) FROM note WHERE title $(like 停车) OR body $(like 停车)")
expect "书记手记（$nt）" "the notes with 停车: $nt"
if screen | sed -n 3p | grep -qF "书记手记（$nt）"; then pass "on tab 7, the notes first"; else fail "notes not first from tab 7"; fi
title=$(sql "SELECT title FROM note WHERE title $(like 停车) OR body $(like 停车) ORDER BY date DESC LIMIT 1")
keys Enter
expect "$title" "Enter opens the note 「$title」"
expect "关联（↑/↓ 选择，Enter 转到）" "whole, with its links"

# a meeting by its name, a 大事记 line the clerk wrote
keys 2
wait_for "2026-H-" 5
keys /
typ "防水"
keys Enter
nmt=$(sql "SELECT COUNT(*) FROM meeting WHERE title $(like 防水) OR place $(like 防水)")
expect "会议（$nmt）" "a meeting by a word of its name: $nmt"
if screen | sed -n 3p | grep -qF "会议（$nmt）"; then pass "from the meetings, meetings first"; else fail "meetings not first from tab 2"; fi
keys Enter
expect "$(sql "SELECT number FROM meeting WHERE title $(like 防水) ORDER BY date DESC LIMIT 1")" "Enter opens the meeting"
keys Escape
keys /
typ "学雷锋"
keys Enter
expect "大事记（1）" "a 大事记 line the clerk wrote"
keys Enter
expect "社区组织“学雷锋志愿服务月”活动" "Enter shows it in the year's 大事记"

# nothing found; / in the results starts again
keys 1
wait_for "提议 (" 5
keys /
typ "不存在的字词"
keys Enter
expect "没有找到含「不存在的字词」的" "nothing found is said"
keys /
typ "广场舞 噪声"
keys Enter
expect "检索「广场舞 噪声」" "two words at once"
keys /
expect "要找的字词" "/ in the results asks again"
typ "高空抛物"
keys Enter
expect "检索「高空抛物」" "a new search from the results"
keys Enter
expect "【2026-010】高空抛物治理" "Enter on a proposal opens its dossier"
keys Escape

# a person just added is found at once
keys 3 n
expect "新增人员" "a new person"
typ "欧阳娜娜"
keys C-s
wait_for "已保存" 5
keys /
typ "欧阳"
keys Enter
expect "人员（1）" "a person just added is found"

start 200 50
wait_for "1 议题" 10
keys /
typ "停车"
keys Enter
expect "会议发言（$nm）" "200x50"
check_screen_sane "results at 200x50"
keys Escape q

run check --db "$DB"
rc_is 0 "the database and its search index check out"
has "完好" "check says it is sound"

# ---- the same search on the command line -------------------------------------
run search 停车 --db "$DB"
rc_is 0 "search on the command line"
n=$(printf '%s\n' "$out" | grep -c '^会议发言	')
[ "$n" = "$nm" ] && pass "$nm lines of the minutes, as on the screen" || fail "search printed $n lines of the minutes, SQL says $nm"
has "议题	2026-08-10	2026-008 2栋南侧闲置地块改建停车位	" "kind, date, title, where it matched"
run search "欧阳 娜娜" --db "$DB"
has "人员		欧阳娜娜" "two short words, a person"
run search 不存在的字词 --db "$DB"
rc_is 1 "nothing found: exit status 1"
has "没有找到含「不存在的字词」的记录。" "said"
run search --db "$DB"
rc_is 2 "no words: a usage error"
