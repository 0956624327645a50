-- 0006_ballot_count.sql: a secret ballot counted the way it is done on paper.
--
--   vote.issued, returned, valid, invalid   发出、收回、有效、无效 of a
--                  无记名投票 (-1: not counted that way: a show of hands, a
--                  roll call, or a secret ballot recorded before this
--                  migration).  有效 + 无效 = 收回, 同意 + 不同意 + 弃权 =
--                  有效, 收回 <= 发出 <= 实到 -- except in a void round.
--   vote.void      1: more ballots came back than were issued; the round
--                  is void (「收回票数多于发出票数，本次表决无效」), it
--                  never passes, and a new round is taken.
--   vote_teller    监票人 (role 1) and 计票人 (role 2) of a secret ballot,
--                  named from those present; the item's proposer may not
--                  be one (checked where the vote is written).
--   seal.format 3  the canonical text covers the fields above.  SQLite
--                  cannot widen a CHECK, so the seal table is rebuilt
--                  (foreign keys are off while migrating).

ALTER TABLE vote ADD COLUMN issued INTEGER NOT NULL DEFAULT -1
	CONSTRAINT "发出票数不能为负" CHECK (issued >= -1);
ALTER TABLE vote ADD COLUMN returned INTEGER NOT NULL DEFAULT -1
	CONSTRAINT "收回票数不能为负" CHECK (returned >= -1);
ALTER TABLE vote ADD COLUMN valid INTEGER NOT NULL DEFAULT -1
	CONSTRAINT "有效票数不能为负" CHECK (valid >= -1);
ALTER TABLE vote ADD COLUMN invalid INTEGER NOT NULL DEFAULT -1
	CONSTRAINT "无效票数不能为负" CHECK (invalid >= -1);
ALTER TABLE vote ADD COLUMN void INTEGER NOT NULL DEFAULT 0
	CONSTRAINT "无效的表决不能通过" CHECK (void IN (0, 1) AND (void = 0 OR passed = 0));

CREATE TABLE vote_teller (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	vote_id     TEXT NOT NULL REFERENCES vote(id),
	role        INTEGER NOT NULL CONSTRAINT "监票、计票人的职责不在范围内" CHECK (role IN (1, 2)),
	seq         INTEGER NOT NULL CHECK (seq > 0),
	person_id   TEXT NOT NULL REFERENCES person(id),
	name        TEXT NOT NULL CONSTRAINT "监票、计票人须有姓名" CHECK (name <> ''),
	UNIQUE (vote_id, seq),
	CONSTRAINT "同一人不能在一次表决中担任两项监票、计票职责" UNIQUE (vote_id, person_id)
);
CREATE INDEX vote_teller_vote ON vote_teller(vote_id);

CREATE TABLE seal_new (
	meeting_id  TEXT PRIMARY KEY NOT NULL REFERENCES meeting(id),
	signed_at   TEXT NOT NULL CONSTRAINT "签字时间格式应为 YYYY-MM-DD HH:MM:SS"
	            CHECK (signed_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
	chair_name  TEXT NOT NULL CONSTRAINT "签字确认须有主持人" CHECK (chair_name <> ''),
	clerk_name  TEXT NOT NULL CONSTRAINT "签字确认须有记录人" CHECK (clerk_name <> ''),
	sm3         TEXT NOT NULL CONSTRAINT "SM3 摘要应为 64 位小写十六进制"
	            CHECK (length(sm3) = 64 AND NOT sm3 GLOB '*[^0-9a-f]*'),
	sha256      TEXT NOT NULL CONSTRAINT "SHA-256 摘要应为 64 位小写十六进制"
	            CHECK (length(sha256) = 64 AND NOT sha256 GLOB '*[^0-9a-f]*'),
	format      INTEGER NOT NULL DEFAULT 1
	            CONSTRAINT "签字确认的摘要格式不在范围内" CHECK (format IN (1, 2, 3)),
	recorded_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO seal_new (meeting_id, signed_at, chair_name, clerk_name, sm3, sha256, format, recorded_at)
	SELECT meeting_id, signed_at, chair_name, clerk_name, sm3, sha256, format, recorded_at FROM seal;
DROP TABLE seal;
ALTER TABLE seal_new RENAME TO seal;
