-- 0012_attachments.sql: scans and photos kept with the record they prove
-- (the signed 签到表, the signed minutes, the notice as posted on the
-- board, the 验收 report), so that the dossier (一事一档) holds them too.
--
--   attachment.owner_kind  what it belongs to: 1 a proposal (议题),
--                          2 a meeting (会议), 3 a notice (公示).
--   attachment.owner_id    that record's id (checked by ops and by
--                          `yishiting check`: one column cannot be a foreign
--                          key to three tables).
--   attachment.title       what it is: 「签字的签到表」, 「张贴的公示照片」.
--   attachment.file_name   the file's own name when it was attached (no
--                          folder), to write it back out under.
--   attachment.type        from the bytes' magic, never from the name:
--                          'png', 'jpeg', 'pdf' or 'other'.
--   attachment.size        bytes; the program refuses more than 20 MB.
--   attachment.sm3         SM3 of the bytes (64 lower-case hex digits),
--                          taken when attached; `yishiting verify` takes it
--                          again and names an attachment whose bytes no
--                          longer give it.
--   attachment.data        the bytes themselves.
--   attachment.added_at    when it was attached (YYYY-MM-DD HH:MM:SS).
-- Removing one is an operation with a reason (the change log keeps the
-- title, the file name and the digest); the row goes.
CREATE TABLE attachment (
	id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	owner_kind INTEGER NOT NULL CONSTRAINT "附件所属的种类不在范围内" CHECK (owner_kind IN (1, 2, 3)),
	owner_id   TEXT NOT NULL CHECK (length(owner_id) = 36),
	title      TEXT NOT NULL CONSTRAINT "附件须有说明" CHECK (title <> ''),
	file_name  TEXT NOT NULL DEFAULT '',
	type       TEXT NOT NULL CONSTRAINT "附件类型不在范围内" CHECK (type IN ('png', 'jpeg', 'pdf', 'other')),
	size       INTEGER NOT NULL CONSTRAINT "附件大小不对" CHECK (size >= 0 AND size <= 20971520),
	sm3        TEXT NOT NULL CONSTRAINT "附件摘要应为 64 位十六进制"
	           CHECK (length(sm3) = 64 AND sm3 NOT GLOB '*[^0-9a-f]*'),
	data       BLOB NOT NULL,
	added_at   TEXT NOT NULL,
	CONSTRAINT "附件大小与内容不符" CHECK (size = length(data))
);
-- a record's attachments in the order they were added
CREATE INDEX attachment_owner ON attachment(owner_kind, owner_id, added_at);
