-- 0004_record.sql: the record as it happened.  Most meetings are held on
-- paper and typed in afterwards, so every time a record carries is the
-- meeting's (typed by the clerk, or the clock only for a meeting held
-- now), and the moment of typing is kept beside it for the audit, never
-- printed as the meeting's.
--
--   meeting         held_start (the actual start; end_time is the actual
--                   end), held_live (opened as it happened, with the clock,
--                   rather than entered afterwards), postponed_from and status_reason (延期, 取消),
--                   status 3 = 已取消.  SQLite cannot widen a CHECK, so the
--                   table is rebuilt (foreign keys are off while migrating;
--                   the other tables name it, and keep naming it, "meeting").
--   attendance.at   the time a person signed in (HH:MM), signed_at stays
--                   the moment it was typed
--   vote.at         the time of the vote; vote.correction = 1 for a tally
--                   corrected before the item closed (printed as the final
--                   tally, not as a second round)
--   agenda_item.closed_time  the time the item was concluded
--   proposal.proposed_on     提议日期
--   proposal_event.recorded_at  the moment of typing; at is when it happened
--   seal.format     which canonical text the digests are over (1: before
--                   this migration, 2: with the fields above); recorded_at
--   change_log.who  who changed it; the log can only grow

CREATE TABLE meeting_new (
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
	status      INTEGER NOT NULL DEFAULT 0 CONSTRAINT "会议状态不在范围内" CHECK (status BETWEEN 0 AND 3),
	pending     TEXT,
	held_start  TEXT NOT NULL DEFAULT '' CONSTRAINT "实际开始时间格式应为 HH:MM"
	            CHECK (held_start = '' OR held_start GLOB '[0-2][0-9]:[0-5][0-9]'),
	held_live   INTEGER NOT NULL DEFAULT 0 CHECK (held_live IN (0, 1)),
	postponed_from TEXT NOT NULL DEFAULT '' CONSTRAINT "原定日期格式应为 YYYY-MM-DD"
	            CHECK (postponed_from = '' OR postponed_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	status_reason TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT '',
	UNIQUE (year, seq),
	CONSTRAINT "会议编号与年份序号不符" CHECK (number = printf('%04d-H-%02d', year, seq)),
	CONSTRAINT "已开始的会议须有实际开始时间" CHECK (status IN (0, 3) OR held_start <> ''),
	CONSTRAINT "取消会议须写明理由" CHECK (status <> 3 OR status_reason <> ''),
	CONSTRAINT "会议延期须写明理由" CHECK (postponed_from = '' OR status_reason <> '')
);
-- a meeting opened before this migration was opened as it happened: its
-- planned start is the start its minutes printed, and it was held live
INSERT INTO meeting_new(id, number, year, seq, kind, title, date, start_time, end_time, place,
                        chair_id, chair_name, chair_post, clerk_id, clerk_name, rule_id, status,
                        pending, held_start, held_live, created_at, updated_at)
	SELECT id, number, year, seq, kind, title, date, start_time, end_time, place,
	       chair_id, chair_name, chair_post, clerk_id, clerk_name, rule_id, status,
	       pending, CASE WHEN status = 0 THEN '' ELSE start_time END,
	       CASE WHEN status = 0 THEN 0 ELSE 1 END, created_at, updated_at
	FROM meeting;
DROP TABLE meeting;
ALTER TABLE meeting_new RENAME TO meeting;
CREATE INDEX meeting_date ON meeting(date, year, seq);

ALTER TABLE attendance ADD COLUMN at TEXT NOT NULL DEFAULT '' CONSTRAINT "签到时间格式应为 HH:MM"
	CHECK (at = '' OR at GLOB '[0-2][0-9]:[0-5][0-9]');
UPDATE attendance SET at = substr(signed_at, 12, 5) WHERE status = 1 AND length(signed_at) >= 16;

ALTER TABLE vote ADD COLUMN at TEXT NOT NULL DEFAULT '' CONSTRAINT "表决时间格式应为 HH:MM"
	CHECK (at = '' OR at GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE vote ADD COLUMN correction INTEGER NOT NULL DEFAULT 0
	CONSTRAINT "计票更正须说明理由并指明所更正的表决"
	CHECK (correction IN (0, 1) AND (correction = 0 OR (supersedes IS NOT NULL AND reason <> '')));
UPDATE vote SET at = substr(created_at, 12, 5) WHERE length(created_at) >= 16;

ALTER TABLE agenda_item ADD COLUMN closed_time TEXT NOT NULL DEFAULT ''
	CONSTRAINT "议程结束时间格式应为 HH:MM"
	CHECK (closed_time = '' OR closed_time GLOB '[0-2][0-9]:[0-5][0-9]');
UPDATE agenda_item SET closed_time = substr(closed_at, 12, 5) WHERE length(closed_at) >= 16;

ALTER TABLE proposal ADD COLUMN proposed_on TEXT NOT NULL DEFAULT '' CONSTRAINT "提议日期格式应为 YYYY-MM-DD"
	CHECK (proposed_on = '' OR proposed_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
UPDATE proposal SET proposed_on = substr(created_at, 1, 10)
	WHERE created_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*';

ALTER TABLE proposal_event ADD COLUMN recorded_at TEXT NOT NULL DEFAULT '';
UPDATE proposal_event SET recorded_at = at;

ALTER TABLE seal ADD COLUMN format INTEGER NOT NULL DEFAULT 1
	CONSTRAINT "签字确认的摘要格式不在范围内" CHECK (format IN (1, 2));
ALTER TABLE seal ADD COLUMN recorded_at TEXT NOT NULL DEFAULT '';

ALTER TABLE change_log ADD COLUMN who TEXT NOT NULL DEFAULT '';
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
	SELECT RAISE(ABORT, '修改记录只能增加，不能改动');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
	SELECT RAISE(ABORT, '修改记录只能增加，不能删除');
END;
