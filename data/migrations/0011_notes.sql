-- 0011_notes.sql: 书记手记 and 大事记, two of the community's 三记.
--
--   note          书记手记: what the branch secretary wrote on a day (which
--                 may lie in the past: notes are often typed up later),
--                 with its title, text and author (a roster person or a
--                 name typed freely; the name is kept as a snapshot, and
--                 author_id is no key, so that a person entered by mistake
--                 can still be deleted from the roster).
--   note_link     the meetings and matters (议题) a note speaks of, zero
--                 or more of each; exactly one of meeting_id, proposal_id.
--   chronicle_entry  a line of the 大事记 the clerk writes by hand (街道检查、
--                 获评表彰、换届…); the rest of the 大事记 is read from the
--                 meetings, decisions and notices themselves.
--   chronicle_hidden a generated line the clerk left out of the 大事记 (a
--                 routine meeting): named by its kind and the id of the
--                 record it comes from, so that nothing is deleted and the
--                 line comes back when the row is removed.
--                 kind: 'meeting' (a meeting held), 'decision' and
--                 'archive' (a proposal_event), 'notice' (a notice).
CREATE TABLE note (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	date        TEXT NOT NULL CONSTRAINT "手记日期格式应为 YYYY-MM-DD"
	            CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	title       TEXT NOT NULL CONSTRAINT "手记标题不能为空" CHECK (title <> ''),
	body        TEXT NOT NULL CONSTRAINT "手记内容不能为空" CHECK (body <> ''),
	author_id   TEXT,   -- the roster person chosen (not a key: a snapshot, as vote.rule_id)
	author      TEXT NOT NULL CONSTRAINT "手记作者不能为空" CHECK (author <> ''),
	created_at  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT ''
);
-- a year's notes in date order
CREATE INDEX note_date ON note(date);
CREATE INDEX note_author ON note(author_id) WHERE author_id IS NOT NULL;

CREATE TABLE note_link (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	note_id     TEXT NOT NULL REFERENCES note(id),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	-- a meeting deleted (one never held, made by mistake) takes its links
	-- with it; the note stays
	meeting_id  TEXT REFERENCES meeting(id) ON DELETE CASCADE,
	proposal_id TEXT REFERENCES proposal(id) ON DELETE CASCADE,
	UNIQUE (note_id, seq),
	CONSTRAINT "手记关联须是一次会议或一个议题"
	CHECK ((meeting_id IS NULL) <> (proposal_id IS NULL))
);
CREATE INDEX note_link_meeting ON note_link(meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX note_link_proposal ON note_link(proposal_id) WHERE proposal_id IS NOT NULL;

CREATE TABLE chronicle_entry (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	date        TEXT NOT NULL CONSTRAINT "大事记日期格式应为 YYYY-MM-DD"
	            CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	text        TEXT NOT NULL CONSTRAINT "大事记内容不能为空" CHECK (text <> ''),
	created_at  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX chronicle_entry_date ON chronicle_entry(date);

CREATE TABLE chronicle_hidden (
	kind        TEXT NOT NULL CONSTRAINT "大事记条目种类不对"
	            CHECK (kind IN ('meeting', 'decision', 'archive', 'notice')),
	ref_id      TEXT NOT NULL CHECK (length(ref_id) = 36),
	hidden_at   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (kind, ref_id)
);
