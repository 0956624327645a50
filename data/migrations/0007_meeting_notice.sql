-- 0007_meeting_notice.sql: the notice of a meeting, and 文号 with the
-- issuing office's short name.
--
--   notice.meeting_id  a 会议通知 (kind 3) is the notice of a meeting, not
--                      of a proposal: exactly one of proposal_id and
--                      meeting_id is set, and kind 3 goes with a meeting.
--                      Its 公示期 runs from the day it is posted to the day
--                      of the meeting.
--   notice.doc_prefix  发文机关代字 (军社) in front of 〔2026〕3号, as set
--                      when the notice was numbered (GB/T 9704-2012).
--   community.doc_abbr the short name itself, a setting (设置 → 发文机关代字).
-- SQLite cannot widen a CHECK or drop NOT NULL, so the table is rebuilt
-- (foreign keys are off while migrating; objection keeps naming "notice").

CREATE TABLE notice_new (
	id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	proposal_id  TEXT REFERENCES proposal(id),
	meeting_id   TEXT REFERENCES meeting(id),
	kind         INTEGER NOT NULL CONSTRAINT "公示类型不在范围内" CHECK (kind IN (1, 2, 3)),
	year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
	seq          INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999999),
	doc_prefix   TEXT NOT NULL DEFAULT '',
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
	attach       TEXT NOT NULL DEFAULT '',
	UNIQUE (year, seq),
	CONSTRAINT "公示文号与年份序号不符" CHECK (doc_no = doc_prefix || printf('〔%d〕%d号', year, seq)),
	CONSTRAINT "文号年份应为成文日期的年份" CHECK (year = CAST(substr(written_date, 1, 4) AS INTEGER)),
	CONSTRAINT "公示结束日期不能早于开始日期" CHECK (end_date >= start_date),
	CONSTRAINT "公示须属于一个议题或一次会议"
	            CHECK ((proposal_id IS NULL) <> (meeting_id IS NULL)),
	CONSTRAINT "会议通知须属于一次会议" CHECK ((kind = 3) = (meeting_id IS NOT NULL))
);
INSERT INTO notice_new (id, proposal_id, meeting_id, kind, year, seq, doc_prefix, doc_no, title,
                        addressee, body, start_date, end_date, channel, signoff, written_date,
                        created_at, attach)
	SELECT id, proposal_id, NULL, kind, year, seq, '', doc_no, title, addressee, body, start_date,
	       end_date, channel, signoff, written_date, created_at, attach FROM notice;
DROP TABLE notice;
ALTER TABLE notice_new RENAME TO notice;
CREATE INDEX notice_board ON notice(start_date, year, seq);
CREATE INDEX notice_proposal ON notice(proposal_id, kind, year, seq);
CREATE INDEX notice_meeting ON notice(meeting_id, year, seq);

ALTER TABLE community ADD COLUMN doc_abbr TEXT NOT NULL DEFAULT ''
	CONSTRAINT "发文机关代字不能含空白" CHECK (doc_abbr NOT GLOB '*[ 	]*');
