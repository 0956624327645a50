#!/bin/sh
# test_roster.sh: the 花名册 screen at 80×24 on the demo database — paging,
# search, filter, adding (with a refused phone number), editing, stopping a
# person (past attendance untouched) and a name that is too long.
. tests/e2e/lib.sh

if ! $YS_BIN demo --db "$DB" >/dev/null 2>&1; then
	fail "the demo database could not be written"
	exit 1
fi

# the rows of the list on screen (not the detail line under the rule)
list_rows() { screen | grep -E '^(▸| ) +[0-9]+ .*(在册|停用) *$'; }

start 80 24
expect "议事厅  军门社区" "the demo community opens"

# ---- opening ----------------------------------------------------------------
keys 3
expect "[3 花名册]" "key 3 opens the roster tab"
expect "共 60 人，在册 57 人；停用的 3 人未列出（f 可显示）" "the counts line says how many are stopped and how to show them"
expect_sql "SELECT count(*) || '/' || sum(active) FROM person" "60/57" "the counts on screen agree with the database"
expect "楼栋/单元/室" "the header names the address column"
expect "▸    1 林志强" "the first person is selected"
expect " 1 林志强（社区党委书记、居委会主任）：党组织委员、居委会委员、党员、居民、户" \
	"the detail line writes the post and the roles out in full"
expect "身份简称：代=居民代表" "the short codes are explained under the column heads"
expect_not "王志刚" "a stopped person (56 王志刚) is not listed"
check_screen_sane "the roster at 80×24"

# ---- paging -----------------------------------------------------------------
keys NPage
expect "▸   15 林国华" "PgDn moves the selection a screenful (14 rows under the legend), to 15"
expect_not "     1 林志强" "row 1 has scrolled off after PgDn"
keys NPage
expect "▸   29 " "a second PgDn selects 29"
keys PPage
expect "▸   15 林国华" "PgUp comes back to 15"
keys End
expect "▸   60 邱丽芳" "End selects the last person, 60 邱丽芳"
expect " 60 邱丽芳：居民" "the detail line follows the selection"
expect_not "蔡志强" "the stopped 59 蔡志强 is skipped at the end too"
keys Home
expect "▸    1 林志强" "Home goes back to row 1"
keys Down Down
expect "▸    3 黄建平" "Down moves one row"

# ---- search -----------------------------------------------------------------
keys s
expect "姓名中的字" "/ asks for part of a name"
typ "林"
keys Enter
expect "共 5 人，在册 5 人；查找：林" "the counts line shows the search"
rows=$(list_rows)
n=$(printf '%s\n' "$rows" | grep -c .)
nl=$(printf '%s\n' "$rows" | grep -c '林')
want=$(sql "SELECT count(*) FROM person WHERE name LIKE '%林%' AND active = 1")
if [ "$n" -eq "$want" ] && [ "$nl" -eq "$n" ] && [ "$n" -gt 0 ]; then
	pass "only the $want active people with 林 in their names are listed"
else
	fail "search 林: $n rows on screen, $nl with 林, $want in the database"
fi
expect_not "陈美华" "a name without 林 is not listed"
keys s C-u Enter
expect "共 60 人，在册 57 人" "an empty search lists everyone again"

# ---- filter -----------------------------------------------------------------
keys f
expect "筛选：按身份，或显示停用人员" "f offers the roles"
keys Down Down Down Down Enter            # 全部身份 居民代表 党组织委员 居委会委员 → 党员
expect "筛选：党员" "the counts line shows the filter"
want=$(sql "SELECT count(*) || ' 人，在册 ' || sum(active) FROM person WHERE roles & 8")
expect "共 $want 人" "the filtered counts agree with the database"
rows=$(list_rows)
bad=$(printf '%s\n' "$rows" | grep -v -E ' 党 | 党$' | grep -c .)
n=$(printf '%s\n' "$rows" | grep -c .)
if [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]; then
	pass "every listed person is a Party member ($n rows)"
else
	fail "filter 党员: $bad of $n rows without 党"
fi
expect_not "吴秀英" "a non-member (7 吴秀英) is not listed"
keys f 1                                   # 1 = 全部身份
expect "共 60 人，在册 57 人；停用的 3 人未列出" "全部身份 lifts the filter"

# ---- adding, with a phone number that is refused ----------------------------
keys n
expect "新增人员" "n opens the new-person form"
typ "欧阳晓东"
keys Tab Right                             # 性别: 未填 → 男
expect "性别：< 男 >" "Right changes the gender"
keys Tab Tab Tab Enter                     # past 出生日期 and 身份证后四位 to 身份: the check list
expect "空格 勾选/取消" "Enter opens the role check list"
keys Down Down Down Space Down Down Space   # 党员, 居民
expect "[x] 党员" "党员 is ticked"
expect "[x] 居民" "居民 is ticked"
keys Enter
expect "身份：2 项：党员；居民" "the form shows the two roles"
keys Tab
expect "职务：" "then the post, which may stay empty"
keys Tab Tab                               # and 户号
typ "第一网格"
keys Tab Tab                               # and 居民小组
typ "5栋"
keys Tab
typ "1单元"
keys Tab
typ "302"
keys Tab
typ "138abc"
keys C-s
expect "电话只能包含数字" "a phone number with letters is refused with a message"
expect "*姓名：欧阳晓东" "the form keeps the name after the refusal"
expect "电话：138abc" "the form keeps the phone as typed"
expect_sql "SELECT count(*) FROM person WHERE name = '欧阳晓东'" "0" "nothing is stored for the refused form"
keys C-u
typ "13912345678"
keys C-s
expect "已保存：欧阳晓东" "the corrected form is saved"
expect "▸   61 欧阳晓东" "the new person is shown and selected"
expect "共 61 人，在册 58 人" "the counts include the new person"
expect_sql "SELECT roles, phone FROM person WHERE name = '欧阳晓东'" "40|13912345678" \
	"the roles (党员 8 + 居民 32) and phone are stored"
expect_sql "SELECT no, gender, grid, building || unit || room, active FROM person WHERE name = '欧阳晓东'" \
	"61|男|第一网格|5栋1单元302|1" "number, gender and address are stored"

# ---- editing ----------------------------------------------------------------
keys e
expect "修改人员：61 欧阳晓东" "e opens the selected person for editing"
expect "电话：13912345678" "the edit form is filled in"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab   # → 备注
typ "楼长"
keys C-s
expect "已保存：欧阳晓东" "the edit is saved"
expect "61 欧阳晓东：党员、居民；备注：楼长" "the detail line shows the new note"
expect_sql "SELECT count(*), max(note), max(phone) FROM person WHERE name = '欧阳晓东'" "1|楼长|13912345678" \
	"the edit changed the record in place"

# ---- stopping a person who attended meetings --------------------------------
pid=$(sql "SELECT id FROM person WHERE no = 9")
att_q="SELECT count(*) || ':' || coalesce(group_concat(meeting_id || status || entitled || name || signed_at, ','), '')
       FROM (SELECT * FROM attendance WHERE person_id = '$pid' ORDER BY id)"
att_before=$(sql "$att_q")
case "$att_before" in
0:*) fail "9 游建华 should have attended demo meetings" ;;
*) pass "9 游建华 attended demo meetings (${att_before%%:*} rows)" ;;
esac
keys s
typ "游建华"
keys Enter
expect "▸    9 游建华" "the search finds 9 游建华"
keys d
expect "停用 游建华？以往会议的签到和表决记录不受影响。" "d asks before stopping, saying the past is kept"
keys n
expect_sql "SELECT active FROM person WHERE no = 9" "1" "n at the question changes nothing"
keys d
expect "以往会议的签到和表决记录不受影响" "d asks again"
keys y
expect "已停用：游建华" "y stops the person"
expect "符合条件的人员都已停用" "the search result says the match is stopped"
expect_sql "SELECT active FROM person WHERE no = 9" "0" "the person is stored as stopped"
expect_sql "$att_q" "$att_before" "the person's past attendance rows are unchanged"
keys f Down Down Down Down Down Down Down Down Down Down Enter   # the last item: 同时显示停用人员
expect "含停用人员" "f can show stopped people"
expect "9 游建华：党员、网格员；备注：第三网格网格员；已停用，按 d 恢复" "a stopped person says how to restore"
keys d
expect "恢复 游建华 为在册？" "d on a stopped person offers to restore"
keys y
expect "已恢复在册：游建华" "the person is restored"
expect_sql "SELECT active FROM person WHERE no = 9" "1" "the restore is stored"
expect_sql "$att_q" "$att_before" "the attendance rows are still unchanged"
keys f Down Down Down Down Down Down Down Down Down Down Enter   # 不显示停用人员
keys s C-u Enter
expect "共 61 人，在册 58 人；停用的 3 人未列出" "the list is back to normal"

# ---- a name that is too long ------------------------------------------------
keys n
expect "新增人员" "the new-person form opens again"
keys Tab Tab Tab Tab Tab Tab Tab           # → 网格, filled first
typ "第二网格"
keys BTab BTab BTab BTab BTab BTab BTab    # back to 姓名
long="阿卜杜热合曼买买提艾力江库尔班努尔艾合麦提"   # 21 characters
first20="阿卜杜热合曼买买提艾力江库尔班努尔艾合麦"
typ "$long"
expect "「姓名」最多 20 个字，多出的没有输入。" "a 21st character is refused with a message"
expect "*姓名：$first20" "the first 20 characters are kept"
expect "网格：第二网格" "the other fields are kept"
keys C-s
expect "已保存：$first20" "the 20-character name is saved"
expect_sql "SELECT length(name), grid FROM person WHERE no = 62" "20|第二网格" "the stored name is whole (20 characters)"
check_screen_sane "the roster with a long name"

keys q
expect "程序已退出:0" "the program quits cleanly"
out=$($YS_BIN check --db "$DB" 2>&1)
case "$out" in *完好*) pass "the database passes its own check" ;; *) fail "check: $out" ;; esac
