#!/bin/sh
# The office's 花名册 into the roster: 300 people each as a UTF-8 CSV (with
# a BOM), a GB18030 CSV (as older Excel and WPS save it) and an .xlsx made
# by another tool (openpyxl), imported with `import roster`; bad lines,
# wrong headings and repeats refused with their lines and reasons, nothing
# half-imported; the roster exported as .xlsx and CSV and read back by that
# other tool; on the screen, the new fields and deleting a mistaken person.
. tests/e2e/lib.sh

PY=/usr/bin/python3
if ! $PY -c 'import openpyxl' 2>/dev/null; then
	fail "python3-openpyxl is missing (sh tools/deps.sh test installs it)"
	exit 0
fi
$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
base=$(sql "SELECT COUNT(*) FROM person")

# 300 people in 100 households: headings as an office writes them, Excel
# dates and numbers in the .xlsx, the roles in words
$PY - "$T_TMP" <<'EOF'
import csv, datetime, sys, openpyxl
d = sys.argv[1]
sur = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
giv = ["建国", "秀英", "桂兰", "志强", "海燕", "明", "丽", "军", "芳", "伟", "静", "磊", "敏", "洋", "艳"]
head = ["序号", "姓名", "性别", "出生日期", "联系电话", "户号", "楼栋", "单元", "房号", "网格", "居民小组", "人员类别"]
rows = []
for i in range(300):
    h = i // 3
    name = sur[i % 20] + giv[(i * 7) % 15] + ("" if i < 150 else "华")
    born = datetime.date(1940 + i % 70, 1 + i % 12, 1 + i % 28)
    roles = "居民、户代表" if i % 3 == 0 else ("居民、党员" if i % 3 == 1 else "居民")
    rows.append([i + 1, name, "男" if i % 2 else "女", born, "139%08d" % i, "H%03d" % h,
                 "%d栋" % (1 + h // 20), "%d单元" % (1 + h % 2), str(101 + h % 20),
                 "第%s网格" % "一二三四"[h % 4], "第%d居民小组" % (1 + h % 5), roles])
def text(r):
    return [str(x) if not isinstance(x, datetime.date) else x.strftime("%Y/%m/%d") for x in r]
for name, prefix in (("roster_u8", "A"), ("roster_gb", "B")):
    with open("%s/%s.csv" % (d, name), "w", newline="", encoding="utf-8-sig" if name == "roster_u8" else "gb18030") as f:
        w = csv.writer(f)
        w.writerow(head)
        for r in rows:
            r = text(r)
            r[1] = prefix + r[1]           # three files, three sets of people
            r[4] = r[4][:-4] + prefix.replace("A", "1").replace("B", "2") + r[4][-3:]
            r[5] = prefix + r[5]
            w.writerow(r)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "居民名单"
ws.append(head)
for r in rows:
    r = list(r)
    r[1] = "C" + r[1]
    r[4] = int(r[4][:-4] + "3" + r[4][-3:])      # a number, as Excel keeps it
    r[5] = "C" + r[5]
    r[8] = int(r[8])
    ws.append(r)
wb.save("%s/roster.xlsx" % d)
# what the database must hold afterwards: person 152 of the .xlsx
r = rows[151]
with open("%s/expect" % d, "w") as f:
    f.write("C%s|CH%03d|%s|%s\n" % (r[1], 151 // 3, "139%08d" % 151, r[3].isoformat()))
    f.write("%s|%s\n" % (rows[0][1], rows[0][5]))
EOF
[ -f "$T_TMP/roster.xlsx" ] && pass "the three test files are made" || fail "the test files"

# ---- the three files, 300 people each ------------------------------------------
run import roster "$T_TMP/roster_u8.csv" --db "$DB"
rc_is 0 "a UTF-8 CSV with a BOM is imported"
has "CSV（UTF-8）" "it says how it read the file"
has "第 12 列  人员类别 → 身份" "and which column is which field"
has "已导入：新增 300 人" "300 people"
expect_sql "SELECT COUNT(*) FROM person" "$((base + 300))" "300 more on the roster"
run import roster "$T_TMP/roster_gb.csv" --db "$DB"
rc_is 0 "a GB18030 CSV is imported"
has "CSV（GB18030）" "its encoding is found"
has "已导入：新增 300 人" "300 people"
run import roster "$T_TMP/roster.xlsx" --db "$DB"
rc_is 0 "an .xlsx made by openpyxl is imported"
has "Excel（.xlsx）" "read as a workbook"
has "已导入：新增 300 人" "300 people"
expect_sql "SELECT COUNT(*) FROM person" "$((base + 900))" "900 more on the roster"
# the same person from each file, field by field
first=$(sed -n 2p "$T_TMP/expect" | cut -d'|' -f1)
for p in A B C; do
	expect_sql "SELECT gender || ' ' || birth || ' ' || building || unit || room || ' ' || grid || ' ' || res_group || ' ' || roles FROM person WHERE name = '$p$first' AND household = '${p}H000'" \
		"女 1940-01-01 1栋1单元101 第一网格 第1居民小组 96" "file $p: every field of the first person"
done
IFS='|' read -r xname xhh xphone xbirth <"$T_TMP/expect"
xphone=$(printf '%s' "$xphone" | sed 's/.\(...\)$/3\1/')
expect_sql "SELECT phone FROM person WHERE name = '$xname' AND household = '$xhh'" "$xphone" \
	"a phone number Excel kept as a number stays a phone number"
expect_sql "SELECT birth FROM person WHERE name = '$xname' AND household = '$xhh'" "$xbirth" \
	"an Excel date becomes the date"
expect_sql "SELECT COUNT(*) FROM person WHERE name LIKE 'B%' AND name GLOB '*[^ -~]*'" 300 "the GB18030 names arrive as Chinese"

# ---- repeats: listed, then merged or skipped ------------------------------------
run import roster "$T_TMP/roster_u8.csv" --db "$DB"
rc_is 1 "importing the same file again stops"
has "有 300 行与已有的人重复" "every line repeats a person"
has "同名同户号" "saying why"
has "--duplicates merge" "and how to decide"
expect_sql "SELECT COUNT(*) FROM person" "$((base + 900))" "nothing was written"
run import roster "$T_TMP/roster_u8.csv" --db "$DB" --duplicates skip
rc_is 0 "--duplicates skip"
has "跳过 300 行" "skips them all"
printf '姓名,户号,职务\nA%s,AH000,楼栋长\n' "$first" >"$T_TMP/merge.csv"
run import roster "$T_TMP/merge.csv" --db "$DB" --duplicates merge
has "合并 1 人" "--duplicates merge"
expect_sql "SELECT post || ' ' || birth FROM person WHERE name = 'A$first' AND household = 'AH000'" "楼栋长 1940-01-01" \
	"the merged person keeps their fields and gains the new one"

# ---- bad lines: all of them said, none written ---------------------------------
printf '\357\273\277姓名,性别,出生日期,电话,身份\n甲,男,1960-03,,\n乙,难,,,\n丙,,,12a,\n丁,,,,居民、楼长\n戊,女,1970-1-2,,\n' >"$T_TMP/bad.csv"
run import roster "$T_TMP/bad.csv" --db "$DB"
rc_is 1 "a file with bad lines is refused"
has "有 4 行不能导入" "counting them"
has "第 2 行：出生日期“1960-03”只有年月，缺少日" "line 2: a date without its day"
has "第 3 行：性别“难”应是“男”或“女”" "line 3: the sex"
has "第 4 行：电话只能包含数字" "line 4: the phone"
has "第 5 行：身份“楼长”不认识" "line 5: an unknown role"
has "一行也没有写入" "nothing written"
expect_sql "SELECT COUNT(*) FROM person WHERE name = '戊'" 0 "not even the good line"
printf '名字\t生日\n张三\t1960-01-01\n' >"$T_TMP/nohead.csv"
printf '编号,人名,手机\n1,张三,139\n' >"$T_TMP/wrong.csv"
run import roster "$T_TMP/wrong.csv" --db "$DB"
rc_is 1 "headings it does not know are refused"
has "找不到表头" "saying the header is missing"
run import roster "$T_TMP/wrong.csv" --db "$DB" --map 2=姓名,手机=电话 --dry-run
rc_is 0 "--map names the columns (by number and by heading)"
has "第 2 列  人名 → 姓名" "the mapping is shown"
has "试导入：可以导入，没有写入" "--dry-run writes nothing"
run import roster "$T_TMP/wrong.csv" --db "$DB" --map 2=姓名，手机=网格 --dry-run
rc_is 0 "items apart by a Chinese comma, a field whose bytes hold the comma's (格)"
has "第 3 列  手机 → 网格" "are read whole"
run import roster "$T_TMP/wrong.csv" --db "$DB" --map 2=籍贯
rc_is 2 "an unknown field in --map is a usage error"
has "不认识的字段“籍贯”" "naming it"
run import roster "$T_TMP/missing.csv" --db "$DB"
rc_is 1 "a file that is not there"
has "打不开文件" "is said"
printf 'PK\003\004 broken' >"$T_TMP/broken.xlsx"
run import roster "$T_TMP/broken.xlsx" --db "$DB"
rc_is 1 "a broken .xlsx is refused"
has "不是完好的 .xlsx 文件" "saying so"
run import roster --db "$DB"
rc_is 2 "import roster without a file is a usage error"
has "import roster 后面要写文件" "saying what is missing"

# ---- export: .xlsx and CSV, read back by the other tool -------------------------
run export roster --db "$DB" -o "$T_TMP/out.xlsx"
rc_is 0 "export roster to .xlsx"
got=$($PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
print(ws.max_row - 1, ws['B1'].value, ws['D1'].value, ws.title)" "$T_TMP/out.xlsx")
[ "$got" = "$((base + 900)) 姓名 出生日期 花名册" ] && pass "openpyxl reads every person and the headings" ||
	fail "the exported workbook: $got"
run export roster --db "$DB" -o "$T_TMP/out.csv" --gb18030
rc_is 0 "export roster to a GB18030 CSV"
[ "$(iconv -f GB18030 -t UTF-8 "$T_TMP/out.csv" | sed -n 1p | tr -d '\r')" = "编号,姓名,性别,出生日期,身份证号后四位,电话,户号,楼栋,单元,房号,网格,居民小组,身份,职务,备注,状态" ] &&
	pass "its headings are the ones import reads" || fail "the CSV headings"
run export roster --db "$DB" -o "$T_TMP/out.docx"
rc_is 1 "a name the format cannot make is refused"
has "花名册只能导出为 Excel（.xlsx）或 CSV（.csv）" "saying what it can make"
run import roster "$T_TMP/out.xlsx" --db "$DB" --dry-run --duplicates skip
has "可导入 $((base + 900)) 行" "the exported workbook imports again, every line"

# ---- the screen: the new fields, and deleting a person entered by mistake -------
start 80 24
keys 3
expect "花名册" "the roster"
keys n
expect "出生日期" "the form has the birth date"
expect "身份证后四位" "the ID card's last four"
expect "户号" "the household"
expect "居民小组" "the residents' group"
typ "误录的人"
keys Tab Tab
typ "1960-02-30"
keys F10
expect "出生日期“1960-02-30”不是有效日期" "an impossible date is refused on the form"
keys C-u
typ "1960-02-29"
keys F10
expect "已保存：误录的人" "saved"
expect_sql "SELECT birth FROM person WHERE name = '误录的人'" "1960-02-29" "with its birth date"
keys X
expect "删除" "X asks before deleting"
keys y
expect "已删除：误录的人" "a person named nowhere is deleted"
expect_sql "SELECT COUNT(*) FROM person WHERE name = '误录的人'" 0 "gone from the roster"
keys Home
keys X
keys y
expect "不能删除。不再参加的人请停用" "one named in the records cannot be, and the way out is said"

# i on the roster: the preview, the columns set with m, repeats decided with r
printf '编号,人名,手机,户号\n1,屏幕导入,13911112222,S1\n2,A%s,,AH000\n' "$first" >"$T_TMP/screen.csv"
keys i
expect "文件（CSV 或 .xlsx）的路径" "i asks for the file"
typ "$T_TMP/screen.csv"
keys Enter
expect "导入花名册：screen.csv   各列还没有对好" "a file whose headings it does not know: the preview says the columns are not set"
expect "找不到表头" "and why"
keys Enter
expect "找不到表头" "Enter does not import it"
keys m
expect "改哪一列的对应" "m: which column"
expect "第 2 列  人名 → 不导入" "the first line is taken as the header, its known headings matched"
keys Down Enter
expect "第 2 列对应哪个字段" "then which field"
keys Down Enter
expect "第 2 列改为：姓名" "the column is set"
expect "第 3 列  手机 → 电话" "手机 was matched to 电话"
expect "可导入 2 行，不能导入 0 行，重复 1 行" "the lines are checked again"
expect "同名同户号——待定" "the repeat is listed, undecided"
keys Enter
expect "先按 r 决定" "Enter with a repeat undecided says what to do"
expect_sql "SELECT COUNT(*) FROM person WHERE name = '屏幕导入'" 0 "nothing written yet"
keys r
expect "与已有的人重复的行怎么办" "r: what to do with repeats"
keys Down Enter
expect "重复的 1 行：跳过" "skip them"
keys Enter
expect "已导入花名册：新增 1 人，合并 0 人，跳过 1 行。" "Enter imports; the screen says what it did"
expect_sql "SELECT phone || ' ' || household FROM person WHERE name = '屏幕导入'" "13911112222 S1" "the person is on the roster"
keys i
keys Enter
expect "导入花名册" "the last file is offered again"
keys Escape
expect "没有导入。" "Esc imports nothing"
keys q
