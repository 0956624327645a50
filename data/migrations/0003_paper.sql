-- 0003_paper.sql: what leaves the program on paper (issue 3): signed and
-- sealed minutes with their digests and addenda (更正), notices (公示) with
-- their 文号 and posting period, objections received while a notice is
-- posted, and the implementation (实施) of a decision with its progress.
--
-- Like 0001, the CHECK constraints repeat what the program enforces, with
-- Chinese names where the clerk may read them.  Nothing here is ever
-- edited by the program once written except impl (the responsible person
-- and deadline) and an objection's answer.

-- 签字确认: one row per sealed meeting.  sm3 and sha256 are the hex digests
-- of the meeting's canonical text (seal.c) followed by the three signature
-- fields; `yishiting verify` recomputes them.  A sealed meeting's record
-- is never changed again; mistakes are corrected by an addendum.
CREATE TABLE seal (
	meeting_id  TEXT PRIMARY KEY NOT NULL REFERENCES meeting(id),
	signed_at   TEXT NOT NULL CONSTRAINT "签字时间格式应为 YYYY-MM-DD HH:MM:SS"
	            CHECK (signed_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
	chair_name  TEXT NOT NULL CONSTRAINT "签字确认须有主持人" CHECK (chair_name <> ''),
	clerk_name  TEXT NOT NULL CONSTRAINT "签字确认须有记录人" CHECK (clerk_name <> ''),
	sm3         TEXT NOT NULL CONSTRAINT "SM3 摘要应为 64 位小写十六进制"
	            CHECK (length(sm3) = 64 AND NOT sm3 GLOB '*[^0-9a-f]*'),
	sha256      TEXT NOT NULL CONSTRAINT "SHA-256 摘要应为 64 位小写十六进制"
	            CHECK (length(sha256) = 64 AND NOT sha256 GLOB '*[^0-9a-f]*')
);

-- 更正: an addendum to sealed minutes, numbered within the meeting.  Its
-- sm3 is over the meeting's sm3, seq, at, reason and text, so that it is
-- tied to the record it corrects.  The reference is to the seal: there is
-- no addendum to minutes that were never signed.
CREATE TABLE addendum (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	meeting_id  TEXT NOT NULL REFERENCES seal(meeting_id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	at          TEXT NOT NULL CONSTRAINT "更正时间格式应为 YYYY-MM-DD HH:MM:SS"
	            CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
	reason      TEXT NOT NULL CONSTRAINT "更正须写明理由" CHECK (reason <> ''),
	text        TEXT NOT NULL CONSTRAINT "更正内容不能为空" CHECK (text <> ''),
	sm3         TEXT NOT NULL CONSTRAINT "SM3 摘要应为 64 位小写十六进制"
	            CHECK (length(sm3) = 64 AND NOT sm3 GLOB '*[^0-9a-f]*'),
	UNIQUE (meeting_id, seq)
);

-- 公示: 决议公开 (kind 1) and 实施结果公开 (kind 2).  文号 〔2026〕3号 counts
-- the notices of the year of the 成文日期 (written_date).
CREATE TABLE notice (
	id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	proposal_id  TEXT NOT NULL REFERENCES proposal(id),
	kind         INTEGER NOT NULL CONSTRAINT "公示类型不在范围内" CHECK (kind IN (1, 2)),
	year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
	seq          INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999999),
	doc_no       TEXT NOT NULL,
	title        TEXT NOT NULL CONSTRAINT "公示标题不能为空" CHECK (title <> ''),
	addressee    TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL CONSTRAINT "公示正文不能为空" CHECK (body <> ''),
	start_date   TEXT NOT NULL CONSTRAINT "公示开始日期格式应为 YYYY-MM-DD"
	             CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	end_date     TEXT NOT NULL CONSTRAINT "公示结束日期格式应为 YYYY-MM-DD"
	             CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	channel      TEXT NOT NULL DEFAULT '',
	signoff      TEXT NOT NULL DEFAULT '',
	written_date TEXT NOT NULL CONSTRAINT "成文日期格式应为 YYYY-MM-DD"
	             CHECK (written_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	created_at   TEXT NOT NULL DEFAULT '',
	UNIQUE (year, seq),
	CONSTRAINT "公示文号与年份序号不符" CHECK (doc_no = printf('〔%d〕%d号', year, seq)),
	CONSTRAINT "文号年份应为成文日期的年份" CHECK (year = CAST(substr(written_date, 1, 4) AS INTEGER)),
	CONSTRAINT "公示结束日期不能早于开始日期" CHECK (end_date >= start_date)
);
-- the board (公示栏), newest first: keyset on (start_date, year, seq)
CREATE INDEX notice_board ON notice(start_date, year, seq);
-- a proposal's notices of a kind, latest first
CREATE INDEX notice_proposal ON notice(proposal_id, kind, year, seq);

-- 异议: received by the clerk while (or after) a notice is posted.  person
-- is who objected: kept out of public versions.  answer is NULL until the
-- objection is answered.
CREATE TABLE objection (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	notice_id   TEXT NOT NULL REFERENCES notice(id),
	received_at TEXT NOT NULL CONSTRAINT "异议收到时间格式应为 YYYY-MM-DD HH:MM:SS"
	            CHECK (received_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
	person      TEXT NOT NULL CONSTRAINT "异议人不能为空" CHECK (person <> ''),
	content     TEXT NOT NULL CONSTRAINT "异议内容不能为空" CHECK (content <> ''),
	answer      TEXT,
	answered_at TEXT NOT NULL DEFAULT '',
	CONSTRAINT "答复与答复时间须同时填写" CHECK ((answer IS NULL) = (answered_at = '')),
	CONSTRAINT "答复内容不能为空" CHECK (answer IS NULL OR answer <> '')
);
CREATE INDEX objection_notice ON objection(notice_id, received_at);

-- 实施: the responsible person and deadline of a published decision
CREATE TABLE impl (
	proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposal(id),
	responsible TEXT NOT NULL CONSTRAINT "实施须有责任人" CHECK (responsible <> ''),
	deadline    TEXT NOT NULL CONSTRAINT "完成时限格式应为 YYYY-MM-DD"
	            CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	updated_at  TEXT NOT NULL DEFAULT ''
);
-- (the overdue list starts from the proposals at 实施 — the board's index —
-- and looks their row up by its key: no index on deadline needed)

-- 实施进展: entries numbered within the proposal
CREATE TABLE progress (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	proposal_id TEXT NOT NULL REFERENCES proposal(id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	at          TEXT NOT NULL CONSTRAINT "进展日期格式应为 YYYY-MM-DD"
	            CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	text        TEXT NOT NULL CONSTRAINT "进展内容不能为空" CHECK (text <> ''),
	created_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (proposal_id, seq)
);

-- the settings the procedure reads: posting period of a
-- notice and how many days before 审议 the materials reach Party members;
-- a database that already has them keeps its values
INSERT OR IGNORE INTO setting(key, value, updated_at) VALUES ('notice_days', '7', '');
INSERT OR IGNORE INTO setting(key, value, updated_at) VALUES ('material_days', '3', '');
