-- 0001_init.sql: the first schema of 议事厅.
--
-- Every record has a TEXT UUID (libuuid) as its primary key so that the
-- databases of several communities can be merged; the numbers people read
-- (人员 12, 议题 2026-017, 会议 2026-H-05) sit beside it and are unique
-- within one database.
--
-- The CHECK constraints repeat the rules the program enforces, so that a
-- bug or a hand edit cannot store an impossible vote.  Named constraints
-- carry a Chinese name because SQLite puts the name into its error message
-- and the store shows that message to the clerk.
--
-- Applied by store.c inside one transaction that also sets user_version.
-- Needs SQLite >= 3.24 (row values, upsert).

-- 'YSHT': lets the program tell its own databases from other SQLite files
PRAGMA application_id = 1498630228;

-- the community this database belongs to (one row)
CREATE TABLE community (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	name        TEXT NOT NULL DEFAULT '',
	party_org   TEXT NOT NULL DEFAULT '',
	committee   TEXT NOT NULL DEFAULT '',
	street      TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT ''
);

-- key/value settings (posting period, fonts, printer …); the key is the
-- identity here, these are not records that ever get merged
CREATE TABLE setting (
	key         TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),
	value       TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT ''
);

-- 花名册
CREATE TABLE person (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	no          INTEGER NOT NULL UNIQUE CONSTRAINT "人员编号必须大于零" CHECK (no > 0),
	name        TEXT NOT NULL CONSTRAINT "姓名不能为空" CHECK (name <> ''),
	gender      TEXT NOT NULL DEFAULT '' CONSTRAINT "性别只能是男、女或空" CHECK (gender IN ('', '男', '女')),
	roles       INTEGER NOT NULL DEFAULT 0 CONSTRAINT "身份不在范围内" CHECK (roles >= 0 AND roles < 512),
	grid        TEXT NOT NULL DEFAULT '',
	building    TEXT NOT NULL DEFAULT '',
	unit        TEXT NOT NULL DEFAULT '',
	room        TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT ''
);
-- UNIQUE(no) gives the index for paging by number; this one is for lookups
-- by name (exact and prefix)
CREATE INDEX person_name ON person(name);

-- 表决规则: every threshold is data, with the law it comes from
CREATE TABLE rule_set (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
	name        TEXT NOT NULL CHECK (name <> ''),
	sort        INTEGER NOT NULL DEFAULT 0,
	q_base      INTEGER NOT NULL CHECK (q_base BETWEEN 0 AND 2),
	q_cmp       INTEGER NOT NULL CHECK (q_cmp IN (0, 1)),
	q_num       INTEGER NOT NULL CHECK (q_num >= 0),
	q_den       INTEGER NOT NULL CHECK (q_den > 0),
	p_base      INTEGER NOT NULL CHECK (p_base BETWEEN 0 AND 2),
	p_cmp       INTEGER NOT NULL CHECK (p_cmp IN (0, 1)),
	p_num       INTEGER NOT NULL CHECK (p_num >= 0),
	p_den       INTEGER NOT NULL CHECK (p_den > 0),
	source      TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT '',
	CONSTRAINT "法定人数比例不能超过一" CHECK (q_num <= q_den),
	CONSTRAINT "通过比例不能超过一" CHECK (p_num <= p_den)
);

-- 议题.  number is 'YYYY-NNN' built from year and seq; lists are keyed on
-- (year, seq) rather than on the text so that the order stays right when a
-- year passes 999 proposals ('2026-1000' sorts before '2026-999' as text).
CREATE TABLE proposal (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	number      TEXT NOT NULL UNIQUE,
	year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
	seq         INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999999),
	title       TEXT NOT NULL CONSTRAINT "议题标题不能为空" CHECK (title <> ''),
	content     TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	category    TEXT NOT NULL DEFAULT '',
	grid        TEXT NOT NULL DEFAULT '',
	building    TEXT NOT NULL DEFAULT '',
	step        INTEGER NOT NULL CONSTRAINT "议题步骤不在范围内" CHECK (step BETWEEN 0 AND 8),
	status      INTEGER NOT NULL CONSTRAINT "议题状态不在范围内" CHECK (status BETWEEN 0 AND 2),
	created_at  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (year, seq),
	CONSTRAINT "议题编号与年份序号不符" CHECK (number = printf('%04d-%03d', year, seq))
);
-- the board: one column per step (active proposals), keyset on (year, seq)
CREATE INDEX proposal_board ON proposal(step, status, year, seq);
-- the 终止 column (不予采纳 / 撤回): few rows, so a partial index
CREATE INDEX proposal_ended ON proposal(year, seq) WHERE status <> 0;

-- 提议人: a snapshot of the name at the time of the proposal
CREATE TABLE proposer (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	proposal_id TEXT NOT NULL REFERENCES proposal(id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	person_id   TEXT REFERENCES person(id),
	name        TEXT NOT NULL CONSTRAINT "提议人姓名不能为空" CHECK (name <> ''),
	kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),
	UNIQUE (proposal_id, seq)
);
CREATE INDEX proposer_person ON proposer(person_id);

-- 会议.  number 'YYYY-H-NN' (H = 会): one sequence per year of the
-- meeting's date
CREATE TABLE meeting (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	number      TEXT NOT NULL UNIQUE,
	year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
	seq         INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999999),
	kind        INTEGER NOT NULL CONSTRAINT "会议类型不在范围内" CHECK (kind BETWEEN 1 AND 5),
	title       TEXT NOT NULL CONSTRAINT "会议名称不能为空" CHECK (title <> ''),
	date        TEXT NOT NULL CONSTRAINT "会议日期格式应为 YYYY-MM-DD"
	            CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	start_time  TEXT NOT NULL DEFAULT '' CONSTRAINT "开始时间格式应为 HH:MM"
	            CHECK (start_time = '' OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
	end_time    TEXT NOT NULL DEFAULT '' CONSTRAINT "结束时间格式应为 HH:MM"
	            CHECK (end_time = '' OR end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
	place       TEXT NOT NULL DEFAULT '',
	chair_id    TEXT REFERENCES person(id),
	chair_name  TEXT NOT NULL DEFAULT '',
	chair_post  TEXT NOT NULL DEFAULT '',
	clerk_id    TEXT REFERENCES person(id),
	clerk_name  TEXT NOT NULL DEFAULT '',
	rule_id     TEXT REFERENCES rule_set(id),
	status      INTEGER NOT NULL DEFAULT 0 CONSTRAINT "会议状态不在范围内" CHECK (status BETWEEN 0 AND 2),
	pending     TEXT,
	created_at  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (year, seq),
	CONSTRAINT "会议编号与年份序号不符" CHECK (number = printf('%04d-H-%02d', year, seq))
);
-- the meeting list, newest first: keyset on (date, year, seq)
CREATE INDEX meeting_date ON meeting(date, year, seq);

-- 议程
CREATE TABLE agenda_item (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id  TEXT NOT NULL REFERENCES meeting(id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	proposal_id TEXT REFERENCES proposal(id),
	title       TEXT NOT NULL CONSTRAINT "议程标题不能为空" CHECK (title <> ''),
	outcome     INTEGER NOT NULL DEFAULT 0 CONSTRAINT "议程结果不在范围内" CHECK (outcome BETWEEN 0 AND 5),
	reason      TEXT,
	decision    TEXT NOT NULL DEFAULT '',
	responsible TEXT NOT NULL DEFAULT '',
	deadline    TEXT NOT NULL DEFAULT '',
	closed_at   TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, seq)
);
-- the meetings a proposal went through
CREATE INDEX agenda_item_proposal ON agenda_item(proposal_id);

-- 议题流转: one row per action; seq orders them (timestamps tie within a
-- second)
CREATE TABLE proposal_event (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	proposal_id TEXT NOT NULL REFERENCES proposal(id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	at          TEXT NOT NULL,
	action      INTEGER NOT NULL CONSTRAINT "流转动作不在范围内" CHECK (action BETWEEN 1 AND 9),
	from_step   INTEGER NOT NULL CHECK (from_step BETWEEN 0 AND 8),
	to_step     INTEGER NOT NULL CHECK (to_step BETWEEN 0 AND 8),
	status      INTEGER NOT NULL CHECK (status BETWEEN 0 AND 2),
	meeting_id  TEXT REFERENCES meeting(id),
	agenda_id   TEXT REFERENCES agenda_item(id),
	vote_id     TEXT REFERENCES vote(id),
	reason      TEXT,
	UNIQUE (proposal_id, seq)
);
CREATE INDEX proposal_event_meeting ON proposal_event(meeting_id);

-- 签到表: a snapshot of the roster when the meeting was created, so that
-- later roster edits never change who was 应到 at a past meeting.
-- person_id is NULL for a free-text 列席 guest; such rows get person_no
-- 1000000000 + k (see ATT_FREE_NO in store.h) so that they sort after the
-- roster in the keyset.
CREATE TABLE attendance (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id  TEXT NOT NULL REFERENCES meeting(id),
	person_id   TEXT REFERENCES person(id),
	person_no   INTEGER NOT NULL CHECK (person_no >= 0),
	name        TEXT NOT NULL CONSTRAINT "签到姓名不能为空" CHECK (name <> ''),
	roles       INTEGER NOT NULL DEFAULT 0 CHECK (roles >= 0 AND roles < 512),
	grid        TEXT NOT NULL DEFAULT '',
	entitled    INTEGER NOT NULL CHECK (entitled IN (0, 1)),
	status      INTEGER NOT NULL DEFAULT 0 CONSTRAINT "签到状态不在范围内" CHECK (status BETWEEN 0 AND 4),
	reason      TEXT NOT NULL DEFAULT '',
	signed_at   TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, person_id),
	CONSTRAINT "列席人员不计入应到" CHECK (status <> 4 OR entitled = 0)
);
CREATE INDEX attendance_no ON attendance(meeting_id, person_no);

-- 会议记录: one row per line, numbered within the meeting
CREATE TABLE minute (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id  TEXT NOT NULL REFERENCES meeting(id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	at          TEXT NOT NULL DEFAULT '',
	speaker_id  TEXT REFERENCES person(id),
	speaker     TEXT NOT NULL DEFAULT '',
	agenda_id   TEXT REFERENCES agenda_item(id),
	text        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, seq)
);

-- 表决: a frozen snapshot of the tally and of the whole rule set used,
-- so that a later edit of the roster or of the rule never changes a past
-- result.  A recount is a new row (round + 1) naming the one it corrects.
CREATE TABLE vote (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id  TEXT NOT NULL REFERENCES meeting(id),
	agenda_id   TEXT NOT NULL REFERENCES agenda_item(id),
	round       INTEGER NOT NULL CHECK (round > 0),
	method      INTEGER NOT NULL CONSTRAINT "表决方式不在范围内" CHECK (method BETWEEN 0 AND 2),
	entitled    INTEGER NOT NULL CONSTRAINT "应到人数不能为负" CHECK (entitled >= 0),
	present     INTEGER NOT NULL CONSTRAINT "实到人数不能为负" CHECK (present >= 0),
	yes         INTEGER NOT NULL CONSTRAINT "赞成票数不能为负" CHECK (yes >= 0),
	no          INTEGER NOT NULL CONSTRAINT "反对票数不能为负" CHECK (no >= 0),
	abstain     INTEGER NOT NULL CONSTRAINT "弃权票数不能为负" CHECK (abstain >= 0),
	rule_id     TEXT NOT NULL DEFAULT '',   -- the rule set it came from (not a key: a snapshot)
	rule_code   TEXT NOT NULL,
	rule_name   TEXT NOT NULL,
	q_base      INTEGER NOT NULL CHECK (q_base BETWEEN 0 AND 2),
	q_cmp       INTEGER NOT NULL CHECK (q_cmp IN (0, 1)),
	q_num       INTEGER NOT NULL CHECK (q_num >= 0),
	q_den       INTEGER NOT NULL CHECK (q_den > 0),
	p_base      INTEGER NOT NULL CHECK (p_base BETWEEN 0 AND 2),
	p_cmp       INTEGER NOT NULL CHECK (p_cmp IN (0, 1)),
	p_num       INTEGER NOT NULL CHECK (p_num >= 0),
	p_den       INTEGER NOT NULL CHECK (p_den > 0),
	rule_source TEXT NOT NULL DEFAULT '',
	quorum_ok   INTEGER NOT NULL CHECK (quorum_ok IN (0, 1)),
	passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
	sentence    TEXT NOT NULL DEFAULT '',
	supersedes  TEXT REFERENCES vote(id),
	reason      TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (agenda_id, round),
	CONSTRAINT "实到人数不能超过应到人数" CHECK (present <= entitled),
	CONSTRAINT "赞成、反对、弃权之和不能超过实到人数" CHECK (yes + no + abstain <= present),
	CONSTRAINT "不足法定人数不能通过" CHECK (passed = 0 OR quorum_ok = 1),
	CONSTRAINT "复核表决须说明理由" CHECK (supersedes IS NULL OR reason <> '')
);
CREATE INDEX vote_meeting ON vote(meeting_id);

-- 记名表决: one choice per present person; never for a secret ballot
CREATE TABLE ballot (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	vote_id     TEXT NOT NULL REFERENCES vote(id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	person_id   TEXT NOT NULL REFERENCES person(id),
	name        TEXT NOT NULL DEFAULT '',
	choice      INTEGER NOT NULL CONSTRAINT "表决意见不在范围内" CHECK (choice BETWEEN 0 AND 3),
	UNIQUE (vote_id, seq),
	UNIQUE (vote_id, person_id)
);

-- 修改记录: who changed what, when and why (rule edits, corrections)
CREATE TABLE change_log (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	at          TEXT NOT NULL,
	entity      TEXT NOT NULL CHECK (entity <> ''),
	entity_id   TEXT NOT NULL DEFAULT '',
	field       TEXT NOT NULL DEFAULT '',
	old_value   TEXT,
	new_value   TEXT,
	reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id, at);
