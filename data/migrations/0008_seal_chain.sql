-- 0008_seal_chain.sql: seals and 更正 in one chain, and the text sealed.
--
--   seal.chain_no,     every seal and every 更正 since this version is one
--   addendum.chain_no  link of a chain numbered 1, 2, 3 … across both
--   *.prev_sm3         tables, and its digest covers the previous link's
--                      SM3 and this number (and, for a seal, how many
--                      meetings were sealed): a link deleted, re-done or
--                      slipped in between is found by verify.  NULL for
--                      seals and 更正 made before (their digests stay as
--                      printed on their paper).
--   seal.canon         the canonical text the seal's digest was taken
--                      over (format 4): verify compares today's record
--                      with it and names each record that changed.
--   seal.format        4: the text also covers the community's name (the
--                      minutes' title) and where each 退回 sent its item.
-- SQLite cannot widen a CHECK, so seal is rebuilt (foreign keys are off
-- while migrating; addendum keeps naming "seal").

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
	            CONSTRAINT "签字确认的摘要格式不在范围内" CHECK (format IN (1, 2, 3, 4)),
	recorded_at TEXT NOT NULL DEFAULT '',
	chain_no    INTEGER CHECK (chain_no > 0),
	prev_sm3    TEXT NOT NULL DEFAULT '',
	canon       TEXT
);
INSERT INTO seal_new (meeting_id, signed_at, chair_name, clerk_name, sm3, sha256, format, recorded_at)
	SELECT meeting_id, signed_at, chair_name, clerk_name, sm3, sha256, format, recorded_at FROM seal;
DROP TABLE seal;
ALTER TABLE seal_new RENAME TO seal;
CREATE UNIQUE INDEX seal_chain ON seal(chain_no) WHERE chain_no IS NOT NULL;

ALTER TABLE addendum ADD COLUMN chain_no INTEGER CHECK (chain_no > 0);
ALTER TABLE addendum ADD COLUMN prev_sm3 TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX addendum_chain ON addendum(chain_no) WHERE chain_no IS NOT NULL;
