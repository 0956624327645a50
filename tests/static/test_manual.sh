#!/bin/sh
# test_manual.sh: the manual page (build/yishiting.1, written by make from
# data/man/ and the command line's tables) renders in Chinese with man -l
# under LANG=C.UTF-8 — groff through preconv, no warnings, no line wider
# than 80 columns, the Chinese text as it is — and says what --help says:
# every command, option and environment variable; the environment table
# names every variable the sources read with getenv(); every screen's keys
# are there.  Run once (tests/static): it does not depend on the binary.
. tests/e2e/lib.sh
fail() { echo "FAIL $TEST: $1"; }
MAN=build/yishiting.1
BIN=./yishiting

if [ -s "$MAN" ]; then pass "make wrote $MAN"; else fail "no $MAN (make man writes it)"; exit 1; fi
if ! command -v man >/dev/null 2>&1 || ! command -v preconv >/dev/null 2>&1; then
	fail "man and groff are not installed (sh tools/deps.sh test installs man-db and groff-base)"
	exit 1
fi
LANG=C.UTF-8 LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$MAN" >"$T_TMP/man.txt" 2>"$T_TMP/man.err"; rc=$?
if [ $rc -eq 0 ] && [ -s "$T_TMP/man.txt" ]; then pass "man -l renders it (LANG=C.UTF-8)"; else fail "man -l exited $rc: $(head -5 "$T_TMP/man.err")"; fi
if [ -s "$T_TMP/man.err" ]; then fail "groff or man warned: $(head -5 "$T_TMP/man.err")"; else pass "no warnings from groff or man"; fi
for want in "议事厅：社区“四议两公开”议事协商的会议记录与表决程序" "名称" "概要" "描述" "命令" "选项" "按键" "环境变量" "文件" "退出状态" "示例"; do
	if grep -qF -- "$want" "$T_TMP/man.txt"; then pass "the manual shows 「$want」"; else fail "the manual lacks 「$want」"; fi
done
if grep -q '\\\[u\|�' "$T_TMP/man.txt"; then fail "unrendered or replaced characters: $(grep -m3 '\\\[u\|�' "$T_TMP/man.txt")"; else pass "every character is rendered as itself"; fi
wide=$(LC_ALL=C.UTF-8 wc -L <"$T_TMP/man.txt")
if [ "$wide" -le 80 ]; then pass "no line is wider than 80 columns ($wide)"; else fail "a line is $wide columns wide: $(LC_ALL=C.UTF-8 awk 'length > 60' "$T_TMP/man.txt" | head -3)"; fi
# a paragraph's source lines join without a space between Chinese sentences
# (a space after full-width punctuation before a Chinese character)
joins=$(LC_ALL=C.UTF-8 grep -P '[\x{3001}\x{3002}\x{FF0C}\x{FF1A}\x{FF1B}\x{FF09}] \p{Han}' "$T_TMP/man.txt" | head -3)
if [ -z "$joins" ]; then pass "no stray space where the source lines of a paragraph join"; else fail "stray spaces: $joins"; fi
if command -v lexgrog >/dev/null 2>&1; then
	if lexgrog "$MAN" >/dev/null 2>&1; then pass "mandb can read its NAME line (whatis, apropos)"; else fail "lexgrog cannot parse $MAN: $(lexgrog "$MAN" 2>&1)"; fi
fi

# ---- the manual and --help come from the same tables ---------------------------------
flat=$(tr -s ' \n' '  ' <"$T_TMP/man.txt")
$BIN --help >"$T_TMP/help.txt" 2>&1
n=0; missing=""
for opt in $(grep -o -- '--[a-z0-9][a-z0-9-]*' "$T_TMP/help.txt" | sort -u) -o -h -V; do
	n=$((n + 1))
	case "$flat" in *"$opt"*) ;; *) missing="$missing $opt" ;; esac
done
if [ -z "$missing" ]; then pass "every option of --help is in the manual ($n)"; else fail "options missing from the manual:$missing"; fi
n=0; missing=""
grep '^  yishiting ' "$T_TMP/help.txt" | sed 's/^  //; s/ \[\{0,1\}-.*//' >"$T_TMP/cmds"
while read -r cmd; do
	n=$((n + 1))
	case "$flat" in *"$cmd"*) ;; *) missing="$missing [$cmd]" ;; esac
done <"$T_TMP/cmds"
if [ "$n" -ge 10 ] && [ -z "$missing" ]; then pass "every command of --help is in the manual ($n)"; else fail "$n commands; missing from the manual:$missing"; fi
for cmd in "yishiting demo" "yishiting check" "yishiting verify" "yishiting export minutes" "yishiting export notice" \
	"yishiting export decisions" "yishiting export board" "yishiting print minutes" "yishiting print notice" \
	"yishiting list meetings|proposals|notices"; do
	grep -qxF "$cmd" "$T_TMP/cmds" || fail "--help lacks the command $cmd"
done
sed -n '/^环境变量：/,/^$/p' "$T_TMP/help.txt" | grep -o '^  [A-Z][A-Z_]*' | tr -d ' ' >"$T_TMP/env"
n=0; missing=""
while read -r v; do
	n=$((n + 1))
	case "$flat" in *"$v"*) ;; *) missing="$missing $v" ;; esac
done <"$T_TMP/env"
if [ "$n" -ge 10 ] && [ -z "$missing" ]; then pass "every environment variable of --help is in the manual ($n)"; else fail "$n variables; missing from the manual:$missing"; fi
missing=""
for v in $(grep -rhoE 'getenv\("[A-Za-z_]+"\)' src | sed 's/getenv("//; s/")//' | sort -u); do
	grep -qF -- "$v" "$T_TMP/help.txt" || missing="$missing $v"
done
if [ -z "$missing" ]; then pass "every variable the sources read with getenv() is in the environment table"; else fail "read by the program but not in --help or the manual:$missing"; fi

# ---- the keys of every screen (ui_keys_each) ---------------------------------------------
for s in 议题看板 议题档案 会议 会议进行中 花名册 表决规则 公示栏 民情日记 各屏通用; do
	if grep -qx "   $s" "$T_TMP/man.txt"; then pass "the keys of 「$s」 are in the manual"; else fail "no keys of 「$s」 in the manual"; fi
done
nkeys=$(sed -n '/^按键/,/^环境变量/p' "$T_TMP/man.txt" | grep -c '^       [^ ].*  ')
if [ "$nkeys" -ge 40 ]; then pass "the manual lists the keys ($nkeys lines)"; else fail "only $nkeys key lines in the manual"; fi
