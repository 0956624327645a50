#!/bin/sh
# test_cli.sh: the command line — --help, --version, demo, check (a good
# database, a foreign file, a missing file, a database whose proposal
# disagrees with its history), wrong arguments — and the first start on a
# new database: the community form, giving it up, and the default path
# under $XDG_DATA_HOME.
. tests/e2e/lib.sh

# ---- --help and --version ---------------------------------------------------------
run --help
rc_is 0 "--help exits 0"
has "--db" "--help mentions --db"
has "demo --db" "--help mentions the demo command"
has "check --db" "--help mentions the check command"
has "XDG_DATA_HOME" "--help names the default location"
run --version
rc_is 0 "--version exits 0"
case "$out" in
*yishiting\ [0-9]*.[0-9]*) pass "--version prints the name and a version number" ;;
*) fail "--version printed: $out" ;;
esac

# ---- demo and check -----------------------------------------------------------------
D=$T_TMP/sub/dir/demo.db
run demo --db "$D"
rc_is 0 "demo exits 0"
has "演示社区已写入 $D" "demo says where it wrote"
if [ -s "$D" ]; then pass "demo writes the file (creating its directories)"; else fail "no file at $D"; fi
DB=$D
expect_sql "SELECT name FROM community" "军门社区" "the demo database holds the community"
expect_sql "SELECT count(*) FROM person" "60" "the demo database holds the roster"
run check --db "$D"
rc_is 0 "check on the demo database exits 0"
has "完好" "check says the demo database is sound"

sum_before=$(sha256sum "$D" | cut -d' ' -f1)
run demo --db "$D"
rc_is nonzero "a second demo on the same path fails"
has "不会覆盖" "the refusal says it will not overwrite"
has "$D" "the refusal names the file"
if [ "$(sha256sum "$D" | cut -d' ' -f1)" = "$sum_before" ]; then
	pass "the existing file is left byte for byte"
else
	fail "the second demo changed $D"
fi

# a file that is not a database
X=$T_TMP/notes.txt
printf '会议记录草稿\n第二行\n' >"$X"
xsum=$(sha256sum "$X" | cut -d' ' -f1)
run check --db "$X"
rc_is nonzero "check on a text file fails"
has "不是议事厅的数据库文件" "check says in Chinese that the file is not a database"
if [ "$(sha256sum "$X" | cut -d' ' -f1)" = "$xsum" ]; then
	pass "check leaves the foreign file alone"
else
	fail "check changed the text file"
fi

# a path that does not exist
run check --db "$T_TMP/missing.db"
rc_is nonzero "check on a missing file fails"
has "数据库文件不存在" "check says the file does not exist"
if [ -e "$T_TMP/missing.db" ]; then fail "check created $T_TMP/missing.db"; else pass "check does not create the missing file"; fi

# a proposal whose step disagrees with its events
C=$T_TMP/corrupt.db
cp "$D" "$C"
sqlite3 "$C" "UPDATE proposal SET step = 5 WHERE number = '2026-009'"
run check --db "$C"
rc_is nonzero "check on an inconsistent database fails"
has "2026-009" "the report names the proposal"
has "发现 1 处问题" "the report counts the problems"

# wrong arguments
run --frobnicate
rc_is 2 "an unknown argument exits 2"
has "不认识的参数：--frobnicate" "the unknown argument is named"
has "用法：" "the usage follows"
run demo
rc_is 2 "demo without --db exits 2"
has "需要 --db" "demo without --db says what is missing"
run --db
rc_is 2 "--db without a path exits 2"
run --db "$T_TMP/noterm.db"
rc_is nonzero "the screen without a terminal fails"
has "需要在终端中运行" "it says a terminal is needed"
if [ -e "$T_TMP/noterm.db" ]; then fail "a database was created without a terminal"; else pass "no database is created without a terminal"; fi

# ---- a new database in the terminal: the community form, given up -------------------
DB=$T_TMP/new/community.db
start 80 24
expect "新数据库：请先填写社区名称" "a new database asks for the community's names"
expect "*社区名称：" "the community name is the required field"
check_screen_sane "the first-start form"
keys Escape
if wait_for "程序已退出:" 10; then
	pass "Esc on the first-start form ends the program"
else
	fail "Esc on the first-start form did not end the program"
fi
expect_sql "SELECT count(*) FROM community" "0" "no community is created when the form is given up"
# the next start asks again and this time the names are given
start 80 24
expect "新数据库：请先填写社区名称" "the next start asks again"
typ "幸福里社区"
keys C-s
expect "议事厅  幸福里社区" "the header shows the community after C-s"
expect_sql "SELECT name || '|' || party_org || '|' || committee FROM community" \
	"幸福里社区|中共幸福里社区委员会|幸福里社区居民委员会" "the empty organisation names are filled in from the community's"
keys q
expect "程序已退出:0" "q quits with status 0"

# ---- the default path: $XDG_DATA_HOME/yishiting/yishiting.db -------------------------
XDG=$T_TMP/xdg
H=$T_TMP/home
mkdir -p "$H"
old=$SES
SES=xdg
tm new-session -d -s "$SES" -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=screen-256color HOME='$H' XDG_DATA_HOME='$XDG' YISHITING_NOW='$NOW' $SAN_ENV $YS_BIN; echo 程序已退出:\$?; sleep 600"
tm kill-session -t "$old" 2>/dev/null
tm set-option -t "$SES" status off >/dev/null
expect "新数据库：请先填写社区名称" "without --db a new default database asks for the names"
typ "军门社区"
keys Tab
typ "中共军门社区委员会"
keys C-s
expect "议事厅  军门社区" "the default database opens on the board"
keys q
expect "程序已退出:0" "the program quits"
if [ -s "$XDG/yishiting/yishiting.db" ]; then
	pass "the database is at \$XDG_DATA_HOME/yishiting/yishiting.db"
else
	fail "no database at $XDG/yishiting/yishiting.db: $(find "$T_TMP" -name '*.db' | tr '\n' ' ')"
fi
DB=$XDG/yishiting/yishiting.db
expect_sql "SELECT name || '|' || party_org FROM community" "军门社区|中共军门社区委员会" "the names typed are stored there"
if [ -e "$H/.local/share/yishiting" ]; then
	fail "the program also wrote under \$HOME/.local/share"
else
	pass "nothing is written under \$HOME/.local/share when XDG_DATA_HOME is set"
fi
run check --db "$DB"
rc_is 0 "the default database passes its check"
