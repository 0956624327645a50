-- 0013_search.sql: 检索 everywhere — one index over what a clerk looks
-- for: proposals, the lines of the minutes, notices, people (and the
-- 民情日记 and 手记 where the database keeps them).
--
-- FTS5 with the trigram tokenizer, as proposal_fts (0002): any substring
-- of three or more characters is found through the index; a query of one
-- or two characters (电梯, 停车) is matched with LIKE, which the trigram
-- table also answers (by a scan of the index table, not of the records).
-- The text is kept in the index so that the program can show where it
-- matched.
--
-- search_fts_key gives each indexed record an integer key for the index's
-- rowid: (kind, ref) -> id.  The records' own keys are text (UUIDs), and
-- VACUUM may renumber the implicit rowids of such tables, so they cannot
-- be the index's rowid.  The triggers below are the only writers of both
-- tables: a record added, changed or deleted is indexed, re-indexed or
-- dropped in the same transaction.  (Its name has "_fts" in it like the
-- index's own tables: salvage leaves them all to the triggers.)
--
--   kind      proposal | minute | notice | person | diary | note
--   ref       the record's id
--   title     what a result is shown by: the proposal's number and title,
--             the speaker, the notice's 文号 and title, the person's name,
--             the 民情日记's number and who raised it, the 手记's title
--   body      the rest that is searched

-- It takes over from proposal_fts (0002), which searched proposals only.
DROP TRIGGER proposal_fts_insert;
DROP TRIGGER proposal_fts_delete;
DROP TRIGGER proposal_fts_update;
DROP TABLE proposal_fts;

CREATE TABLE search_fts_key (
	id    INTEGER PRIMARY KEY,
	kind  TEXT NOT NULL,
	ref   TEXT NOT NULL,
	UNIQUE (kind, ref)
);
-- a kind's records from the newest entered: a search of short words walks
-- them and stops after a page of hits
CREATE INDEX search_fts_key_kind ON search_fts_key(kind, id);

CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'trigram');

-- ---- proposals -------------------------------------------------------------
CREATE TRIGGER search_proposal_insert AFTER INSERT ON proposal BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('proposal', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'proposal' AND ref = new.id),
	        new.number || ' ' || new.title,
	        new.content || ' ' || new.source || ' ' || new.category || ' ' || new.grid || ' ' || new.building);
END;
CREATE TRIGGER search_proposal_update AFTER UPDATE OF number, title, content, source, category, grid, building
ON proposal BEGIN
	UPDATE search_fts SET title = new.number || ' ' || new.title,
	       body = new.content || ' ' || new.source || ' ' || new.category || ' ' || new.grid || ' ' || new.building
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'proposal' AND ref = new.id);
END;
CREATE TRIGGER search_proposal_delete AFTER DELETE ON proposal BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'proposal' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'proposal' AND ref = old.id;
END;

-- ---- the lines of the minutes ------------------------------------------------
CREATE TRIGGER search_minute_insert AFTER INSERT ON minute BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('minute', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'minute' AND ref = new.id), new.speaker, new.text);
END;
CREATE TRIGGER search_minute_update AFTER UPDATE OF speaker, text ON minute BEGIN
	UPDATE search_fts SET title = new.speaker, body = new.text
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'minute' AND ref = new.id);
END;
CREATE TRIGGER search_minute_delete AFTER DELETE ON minute BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'minute' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'minute' AND ref = old.id;
END;

-- ---- notices -------------------------------------------------------------------
CREATE TRIGGER search_notice_insert AFTER INSERT ON notice BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('notice', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'notice' AND ref = new.id),
	        new.doc_prefix || new.doc_no || ' ' || new.title, new.body);
END;
CREATE TRIGGER search_notice_update AFTER UPDATE OF doc_prefix, doc_no, title, body ON notice BEGIN
	UPDATE search_fts SET title = new.doc_prefix || new.doc_no || ' ' || new.title, body = new.body
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'notice' AND ref = new.id);
END;
CREATE TRIGGER search_notice_delete AFTER DELETE ON notice BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'notice' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'notice' AND ref = old.id;
END;

-- ---- people ----------------------------------------------------------------------
CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('person', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'person' AND ref = new.id), new.name,
	        new.phone || ' ' || new.household || ' ' || new.grid || ' ' || new.building || ' ' ||
	        new.unit || ' ' || new.room || ' ' || new.res_group || ' ' || new.note);
END;
CREATE TRIGGER search_person_update AFTER UPDATE OF name, phone, household, grid, building, unit, room,
	res_group, note ON person BEGIN
	UPDATE search_fts SET title = new.name,
	       body = new.phone || ' ' || new.household || ' ' || new.grid || ' ' || new.building || ' ' ||
	              new.unit || ' ' || new.room || ' ' || new.res_group || ' ' || new.note
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'person' AND ref = new.id);
END;
CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'person' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'person' AND ref = old.id;
END;

-- ---- 民情日记 -------------------------------------------------------------------
CREATE TRIGGER search_diary_insert AFTER INSERT ON diary BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('diary', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'diary' AND ref = new.id),
	        new.number || ' ' || new.resident_name,
	        new.content || ' ' || new.done || ' ' || new.reply || ' ' || new.place || ' ' || new.grid || ' ' ||
	        new.category || ' ' || new.worker_name || ' ' || new.phone);
END;
CREATE TRIGGER search_diary_update AFTER UPDATE OF number, resident_name, content, done, reply, place, grid,
	category, worker_name, phone ON diary BEGIN
	UPDATE search_fts SET title = new.number || ' ' || new.resident_name,
	       body = new.content || ' ' || new.done || ' ' || new.reply || ' ' || new.place || ' ' || new.grid || ' ' ||
	              new.category || ' ' || new.worker_name || ' ' || new.phone
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'diary' AND ref = new.id);
END;
CREATE TRIGGER search_diary_delete AFTER DELETE ON diary BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'diary' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'diary' AND ref = old.id;
END;

-- ---- 书记手记 -------------------------------------------------------------------
CREATE TRIGGER search_note_insert AFTER INSERT ON note BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('note', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'note' AND ref = new.id), new.title,
	        new.body || ' ' || new.author);
END;
CREATE TRIGGER search_note_update AFTER UPDATE OF title, body, author ON note BEGIN
	UPDATE search_fts SET title = new.title, body = new.body || ' ' || new.author
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'note' AND ref = new.id);
END;
CREATE TRIGGER search_note_delete AFTER DELETE ON note BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'note' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'note' AND ref = old.id;
END;

-- ---- what an older version of the program wrote --------------------------------
INSERT INTO search_fts_key(kind, ref) SELECT 'proposal', id FROM proposal;
INSERT INTO search_fts_key(kind, ref) SELECT 'minute', id FROM minute;
INSERT INTO search_fts_key(kind, ref) SELECT 'notice', id FROM notice;
INSERT INTO search_fts_key(kind, ref) SELECT 'person', id FROM person;
INSERT INTO search_fts_key(kind, ref) SELECT 'diary', id FROM diary;
INSERT INTO search_fts_key(kind, ref) SELECT 'note', id FROM note;
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, p.number || ' ' || p.title,
	       p.content || ' ' || p.source || ' ' || p.category || ' ' || p.grid || ' ' || p.building
	FROM proposal p JOIN search_fts_key k ON k.kind = 'proposal' AND k.ref = p.id;
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, m.speaker, m.text FROM minute m JOIN search_fts_key k ON k.kind = 'minute' AND k.ref = m.id;
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, n.doc_prefix || n.doc_no || ' ' || n.title, n.body
	FROM notice n JOIN search_fts_key k ON k.kind = 'notice' AND k.ref = n.id;
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, p.name, p.phone || ' ' || p.household || ' ' || p.grid || ' ' || p.building || ' ' ||
	       p.unit || ' ' || p.room || ' ' || p.res_group || ' ' || p.note
	FROM person p JOIN search_fts_key k ON k.kind = 'person' AND k.ref = p.id;
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, d.number || ' ' || d.resident_name,
	       d.content || ' ' || d.done || ' ' || d.reply || ' ' || d.place || ' ' || d.grid || ' ' ||
	       d.category || ' ' || d.worker_name || ' ' || d.phone
	FROM diary d JOIN search_fts_key k ON k.kind = 'diary' AND k.ref = d.id;
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, n.title, n.body || ' ' || n.author
	FROM note n JOIN search_fts_key k ON k.kind = 'note' AND k.ref = n.id;
