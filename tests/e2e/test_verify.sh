#!/bin/sh
# verify against a file altered behind the program's back, as with the
# sqlite3 shell: each kind of record is named (which meeting, which minute
# line with its time and speaker, which vote round, which attendance row,
# which 更正); a seal deleted in the middle, deleted and made again, or a
# 更正 deleted or slipped in is found by the chain and the change log; a
# paper copy's digest checks the database (verify --meeting --digest).
. tests/e2e/lib.sh

$YS_BIN demo --db "$DB" >/dev/null || fail "demo database"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$DB" "$T_TMP/clean.db"
run verify --db "$DB"
rc_is 0 "the demo verifies"
has "完好：已签字确认的会议记录共 17 份" "all 17 sealed meetings"

# tamper SQL DESCRIPTION EXPECTED...: a fresh copy altered with SQL, then
# verify must fail and say each expected text
tamper() {
	cp "$T_TMP/clean.db" "$DB"
	rm -f "$DB-wal" "$DB-shm"
	sqlite3 "$DB" "$1" || { fail "$2: the SQL failed"; return; }
	run verify --db "$DB"
	rc_is 1 "$2: verify fails"
	d=$2
	shift 2
	for want in "$@"; do has "$want" "$d: $want"; done
}

M1=$(sql "SELECT m.number FROM meeting m JOIN seal s ON s.meeting_id = m.id ORDER BY m.year, m.seq LIMIT 1")
tamper "UPDATE minute SET text = text || '（改）' WHERE meeting_id = (SELECT id FROM meeting WHERE number = '$M1') AND seq = 1" \
	"a minute line changed" "会议 $M1" "第 1 条记录（14:30 林志强）在签字确认后被改动（内容）"
tamper "DELETE FROM minute WHERE meeting_id = (SELECT id FROM meeting WHERE number = '$M1') AND seq = 2" \
	"a minute line deleted" "第 2 条记录（" "在签字确认后被删除" "会议记录的条数在签字确认后由"
tamper "UPDATE vote SET yes = yes - 1, abstain = abstain + 1 WHERE id = (SELECT v.id FROM vote v JOIN agenda_item a ON a.id = v.agenda_id WHERE a.meeting_id = (SELECT id FROM meeting WHERE number = '$M1') AND v.yes > 0 LIMIT 1)" \
	"a vote's count changed" "第 1 项议程第 1 轮表决在签字确认后被改动（弃权票数、赞成票数）"
tamper "UPDATE attendance SET status = 3 WHERE meeting_id = (SELECT id FROM meeting WHERE number = '$M1') AND person_id = (SELECT id FROM person WHERE no = 1)" \
	"an attendance row changed" "签到表上花名册 1 号（林志强）那一行在签字确认后被改动（状态）"
tamper "UPDATE meeting SET place = '别处' WHERE number = '$M1'" \
	"the meeting's place changed" "会议本身的信息在签字确认后被改动（地点）"
tamper "UPDATE community SET name = '别的社区'" \
	"the community's name (the minutes' title)" "社区名称与签字时不同（签字时「军门社区」，现在「别的社区」）"
MR=$(sql "SELECT m.number FROM proposal_event e JOIN agenda_item a ON a.id = e.agenda_id JOIN meeting m ON m.id = a.meeting_id JOIN seal s ON s.meeting_id = m.id WHERE e.action = 3 LIMIT 1")
tamper "UPDATE proposal_event SET to_step = CASE to_step WHEN 1 THEN 2 ELSE 1 END WHERE action = 3" \
	"a 退回 target changed" "会议 $MR" "在签字确认后被改动（退回至）"
tamper "UPDATE agenda_item SET decision = decision || '（改）' WHERE decision <> '' AND meeting_id IN (SELECT meeting_id FROM seal)" \
	"a conclusion changed" "议程（" "在签字确认后被改动（决定事项）"

# seals: one in the middle deleted; the last deleted and made again
tamper "DELETE FROM seal WHERE chain_no = 3" \
	"a seal in the middle deleted" "第 3 环" "不见了" "签字确认却不见了"
tamper "DELETE FROM seal WHERE chain_no = (SELECT MAX(chain_no) FROM seal)" \
	"the last seal deleted" "签字确认却不见了"
LAST=$(sqlite3 "$T_TMP/clean.db" "SELECT meeting_id FROM seal ORDER BY chain_no DESC LIMIT 1")
cp "$T_TMP/clean.db" "$DB"
sqlite3 "$DB" "DELETE FROM seal WHERE meeting_id = '$LAST'; UPDATE minute SET text = text || '（重做前改）' WHERE meeting_id = '$LAST' AND seq = 1"
# the last seal removed so that the record could be changed and signed
# again: the change log still has the seal that was
run verify --db "$DB"
rc_is 1 "the last seal removed and the record changed: verify fails"
has "签字确认却不见了" "the removed seal is named"

# 更正: the only one deleted, one slipped in with a digest made by hand
tamper "DELETE FROM addendum" \
	"the 更正 deleted" "这条更正却不见了"
MA=$(sql "SELECT m.number FROM addendum a JOIN meeting m ON m.id = a.meeting_id LIMIT 1")
A_MID=$(sqlite3 "$T_TMP/clean.db" "SELECT meeting_id FROM addendum LIMIT 1")
A_SM3=$(sqlite3 "$T_TMP/clean.db" "SELECT sm3 FROM seal WHERE meeting_id = '$A_MID'")
# the 更正 format 1 text, hashed with openssl as someone would by hand
TXT=$(printf 'yishiting-seal 1 addendum\nseal.sm3=%s\naddendum.seq=2\naddendum.at=2026-11-20 10:00:00\naddendum.reason=补记\naddendum.text=补记一句。\n' "$A_SM3")
H=$(printf '%s\n' "$TXT" | openssl dgst -sm3 2>/dev/null | sed 's/.*= //')
if [ ${#H} -eq 64 ]; then
	tamper "INSERT INTO addendum(id, meeting_id, seq, at, reason, text, sm3) VALUES ('00000000-0000-4000-8000-0000000000ad', '$A_MID', 2, '2026-11-20 10:00:00', '补记', '补记一句。', '$H')" \
		"a 更正 slipped in with a hand-made SM3" "第 2 条更正（2026-11-20 10:00）不在签字确认与更正的链上"
else
	fail "openssl has no SM3 here: the hand-made digest could not be made"
fi
tamper "UPDATE addendum SET text = text || '（改）'" \
	"a 更正 changed" "条更正（" "与它的摘要不符"

# ---- a paper copy checks the database ---------------------------------------------
cp "$T_TMP/clean.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
P=$(sql "SELECT m.number FROM meeting m JOIN seal s ON s.meeting_id = m.id ORDER BY m.year, m.seq LIMIT 1 OFFSET 4")
run export minutes --db "$DB" --meeting "$P" --format txt -o "$T_TMP/paper.txt"
HEX=$(tr -d '\n' <"$T_TMP/paper.txt" | grep -o 'SM3 *[0-9a-f]\{64\}' | head -n 1 | sed 's/SM3 *//')
[ ${#HEX} -eq 64 ] && pass "the paper prints the digest ($HEX)" || fail "no digest on the paper"
UPPER=$(printf '%s' "$HEX" | tr a-f A-F | sed 's/\(.\{16\}\)/\1 /g')
run verify --db "$DB" --meeting "$P" --digest "$UPPER"
rc_is 0 "the paper's digest, as typed from the page (capitals, spaces), agrees"
has "一致：纸质件上的摘要就是数据库里这次会议的签字确认" "and it says so"
sqlite3 "$DB" "DELETE FROM seal WHERE meeting_id = (SELECT id FROM meeting WHERE number = '$P')"
run verify --db "$DB" --meeting "$P" --digest "$HEX"
rc_is 1 "with the seal deleted the paper does not agree"
has "在数据库里没有签字确认，纸质件却有" "saying the seal is gone"
cp "$T_TMP/clean.db" "$DB"
OTHER=$(printf '%s' "$HEX" | sed 's/^./0/')
[ "$OTHER" = "$HEX" ] && OTHER=$(printf '%s' "$HEX" | sed 's/^./1/')
run verify --db "$DB" --meeting "$P" --digest "$OTHER"
rc_is 1 "another digest does not agree"
has "纸质件上的摘要" "naming both digests"
run verify --db "$DB" --meeting "$P" --digest "12ab"
rc_is 1 "a digest too short is refused"
has "摘要应为 64 位" "saying how long it is"
run verify --db "$DB" --meeting "$P"
rc_is 2 "--meeting without --digest is a usage error"
