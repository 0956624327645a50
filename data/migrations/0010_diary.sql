-- 0010_diary.sql: 民情日记 — what residents raised with the community's
-- workers (网格员, 居委会委员), and whether the loop was closed.
--
--   number      'YYYY-民-NNN' from year and seq: one sequence per year of
--               the day the concern was raised (a concern of 2025-12-28
--               typed in January is 2025-民-…).
--   raised_on   the day it was raised, 'YYYY-MM-DD'; often entered
--               afterwards from a notebook, never in the future (ops).
--   worker_*    who heard it: a person of the roster (worker_id) or only a
--               name; the name is kept either way, as it was written.
--   resident_*  who raised it, the same way, and a phone to call back.
--   grid, place 网格 and 楼栋/单元 or a spot (「7栋楼顶」, 「中心广场」).
--   category    the proposals' categories, or free text.
--   urgency     0 一般, 1 较急, 2 紧急: the days a reply is due in are a
--               table of the model (model/diary.h), not stored.
--   done        what was done about it.
--   reply, replied_on   the answer given to the resident and its day: the
--               entry is 已答复 when both are there (the loop closed), and
--               both or neither are set.
--   proposal_id the proposal (议题) the concern became, or NULL; one entry
--               per proposal.  An entry that became a proposal is never
--               deleted (ops).
-- A person deleted from the roster (entered by mistake) leaves the names.
CREATE TABLE diary (
	id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	number       TEXT NOT NULL UNIQUE,
	year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
	seq          INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999999),
	raised_on    TEXT NOT NULL CONSTRAINT "民情日期格式应为 YYYY-MM-DD"
	             CHECK (raised_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	worker_id    TEXT REFERENCES person(id) ON DELETE SET NULL,
	worker_name  TEXT NOT NULL CONSTRAINT "记录人不能为空" CHECK (worker_name <> ''),
	resident_id  TEXT REFERENCES person(id) ON DELETE SET NULL,
	resident_name TEXT NOT NULL CONSTRAINT "反映人不能为空" CHECK (resident_name <> ''),
	phone        TEXT NOT NULL DEFAULT '',
	grid         TEXT NOT NULL DEFAULT '',
	place        TEXT NOT NULL DEFAULT '',
	category     TEXT NOT NULL DEFAULT '',
	urgency      INTEGER NOT NULL DEFAULT 0 CONSTRAINT "紧急程度只能是一般、较急或紧急"
	             CHECK (urgency BETWEEN 0 AND 2),
	content      TEXT NOT NULL CONSTRAINT "反映的事项不能为空" CHECK (content <> ''),
	done         TEXT NOT NULL DEFAULT '',
	reply        TEXT NOT NULL DEFAULT '',
	replied_on   TEXT NOT NULL DEFAULT '' CONSTRAINT "答复日期格式应为 YYYY-MM-DD"
	             CHECK (replied_on = '' OR replied_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	proposal_id  TEXT UNIQUE REFERENCES proposal(id),
	created_at   TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT '',
	UNIQUE (year, seq),
	CONSTRAINT "民情编号与年份序号不符" CHECK (number = printf('%04d-民-%03d', year, seq)),
	CONSTRAINT "答复和答复日期应同时填写" CHECK ((reply = '') = (replied_on = '')),
	CONSTRAINT "答复日期不能早于反映日期" CHECK (replied_on = '' OR replied_on >= raised_on)
);
-- the list, newest first: keyset on (raised_on, number)
CREATE INDEX diary_date ON diary(raised_on, number);
-- the open ones (待答复, 逾期) are few: a partial index
CREATE INDEX diary_open ON diary(raised_on) WHERE replied_on = '';
