#!/bin/sh
# test_rules.sh: the 表决规则 screen on the demo database — the five rule
# sets with their sources, an edit refused for a missing reason and for a
# fraction above one, the edit that is saved with its change record, and the
# votes already taken keeping their snapshot of the old rule.
. tests/e2e/lib.sh

if ! $YS_BIN demo --db "$DB" >/dev/null 2>&1; then
	fail "the demo database could not be written"
	exit 1
fi

start 80 24
expect "议事厅  军门社区" "the demo community opens"
keys 4
expect "[4 规则]" "key 4 opens the rules tab"
expect "修改规则只影响以后的表决" "the screen says edits only affect later votes"
expect_sql "SELECT count(*) FROM rule_set" "5" "the demo has five rule sets"
for r in "两委联席会议表决规则   LIANGWEI" "党员大会表决规则       PARTY" \
         "居民会议表决规则       RESIDENTS" "居民代表会议表决规则   REPS" \
         "议事协商会表决规则     CONSULT"; do
	expect "$r" "the list shows ${r%% *}"
done
expect "▸ 两委联席会议表决规则" "the first rule set is selected"
expect "依据：社区“两委”联席会议议事规则（四议两公开工作法通行做法）" "the source of the selected rule is shown"
keys Down
expect "依据：中国共产党支部工作条例（试行）第十一条" "Down shows the next rule's source"
keys Down Down
expect "▸ 居民代表会议表决规则" "the 居民代表会议 rule is selected"
expect "依据：参照村民委员会组织法 第二十五、二十六条" "its source is shown"
expect "法定人数：应到人数三分之二以上出席；通过：赞成超过出席人数的半数" "its quorum and majority are written out"
expect "出席 80 人时赞成至少 41 票通过" "the worked example uses the current rule"
check_screen_sane "the rules screen at 80×24"

# what must not move: every vote's snapshot of its rule
vote_q="SELECT count(*) || ':' || group_concat(id || rule_id || rule_code || rule_name || q_base || q_cmp
        || q_num || q_den || p_base || p_cmp || p_num || p_den || rule_source || quorum_ok || passed
        || sentence, '|') FROM (SELECT * FROM vote ORDER BY id)"
votes_before=$(sql "$vote_q")
reps_votes=$(sql "SELECT count(*) FROM vote WHERE rule_code = 'REPS' AND p_num = 1 AND p_den = 2")
if [ "$reps_votes" -gt 0 ]; then
	pass "the demo has $reps_votes votes taken under the 居民代表会议 rule"
else
	fail "the demo should have votes under REPS (got $reps_votes)"
fi
rule_q="SELECT q_cmp || q_num || '/' || q_den || ' ' || p_base || p_cmp || p_num || '/' || p_den FROM rule_set WHERE code = 'REPS'"
rule_before=$(sql "$rule_q")

# ---- an edit without a reason -------------------------------------------------
keys e
expect "修改表决规则：居民代表会议表决规则" "e opens the selected rule"
expect "通过分母：2" "the form shows the current fraction"
keys Tab Tab Tab Tab Tab Tab               # → 通过分子
keys C-u
typ "3"
keys C-s
expect "「修改理由」不能为空。" "saving without a reason is refused"
expect_sql "$rule_q" "$rule_before" "the rule is unchanged after the refusal"
expect_sql "SELECT count(*) FROM change_log WHERE entity = 'rule_set'" "0" "nothing is written to the change log"

# ---- a fraction above one ---------------------------------------------------------
typ "按居民代表会议议事规则修订"               # the cursor is on 修改理由
expect "*修改理由：按居民代表会议议事规则修订" "the reason goes into its field"
keys C-s
expect "「通过分子」3 不能大于「通过分母」2。" "a numerator above the denominator is refused, naming both fields"
expect "通过分子：3" "the typed numerator is kept"
expect_sql "$rule_q" "$rule_before" "the rule is unchanged after the bad fraction"

# ---- the fixed edit -------------------------------------------------------------
keys C-u                                   # the cursor is back on 通过分子
typ "2"
keys Tab C-u
typ "3"
keys C-s
expect "已修改，修改已记入变更记录。以后的表决按新规则，以往的表决不受影响。" "the corrected rule is saved"
expect "法定人数：应到人数三分之二以上出席；通过：赞成超过出席人数的三分之二" "the screen shows the new majority"
expect "出席 80 人时赞成至少 54 票通过" "the worked example follows the new rule"
expect_sql "SELECT p_num || '/' || p_den FROM rule_set WHERE code = 'REPS'" "2/3" "the new fraction is stored"
expect_sql "SELECT count(*) FROM change_log WHERE entity = 'rule_set'" "1" "one change is recorded"
expect_sql "SELECT c.entity || ' ' || (c.entity_id = r.id) || ' ' || c.reason FROM change_log c, rule_set r WHERE r.code = 'REPS' AND c.entity = 'rule_set'" \
	"rule_set 1 按居民代表会议议事规则修订" "the change record names the rule and the reason"
expect_sql "SELECT old_value LIKE '%赞成超过出席人数的半数%', new_value LIKE '%赞成超过出席人数的三分之二%' FROM change_log WHERE entity = 'rule_set'" \
	"1|1" "the change record keeps the old and the new rule"
expect_sql "$vote_q" "$votes_before" "the votes already taken keep their rule snapshot"

# ---- an edit that changes nothing, then one given up -----------------------------
keys e
expect "修改表决规则：居民代表会议表决规则" "the rule opens again"
keys BTab                                  # → 修改理由
typ "核对"
keys C-s
expect "规则没有改动。按 Esc 返回。" "saving an unchanged rule says so"
keys Escape
expect "放弃本次输入的内容？" "Esc with a typed reason asks first"
keys y
expect "▸ 居民代表会议表决规则" "back on the list"
expect_sql "SELECT count(*) FROM change_log WHERE entity = 'rule_set'" "1" "nothing more is recorded"
keys e Tab Tab Tab C-u                     # 法定分母 emptied
keys BTab BTab BTab BTab                   # 法定分母 → 分子 → 法定人数 → 名称 → round to 修改理由
typ "试改"
keys C-s
expect "请填写「法定分母」。" "an empty denominator is refused, naming the field"
keys Escape y
expect_sql "$rule_q" "$(echo "$rule_before" | sed 's|1/2$|2/3|')" "the rule is as last saved"

keys q
expect "程序已退出:0" "the program quits cleanly"
out=$($YS_BIN check --db "$DB" 2>&1)
case "$out" in *完好*) pass "the database passes its own check" ;; *) fail "check: $out" ;; esac
