-- 0013_search.sql: 检索 everywhere — one index over what a clerk looks
-- for: proposals, meetings, the lines of the minutes, notices, the 民情日记,
-- the 书记手记, the 大事记's own lines and people.
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
--   kind      proposal | meeting | minute | notice | person | diary | note |
--             chronicle (a 大事记 line the clerk wrote)
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

-- ---- meetings -------------------------------------------------------------------
CREATE TRIGGER search_meeting_insert AFTER INSERT ON meeting BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('meeting', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'meeting' AND ref = new.id),
	        new.number || ' ' || new.title,
	        new.place || ' ' || new.chair_name || ' ' || new.clerk_name || ' ' || COALESCE(new.pending, ''));
END;
CREATE TRIGGER search_meeting_update AFTER UPDATE OF number, title, place, chair_name, clerk_name, pending
ON meeting BEGIN
	UPDATE search_fts SET title = new.number || ' ' || new.title,
	       body = new.place || ' ' || new.chair_name || ' ' || new.clerk_name || ' ' || COALESCE(new.pending, '')
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'meeting' AND ref = new.id);
END;
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meeting BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'meeting' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'meeting' AND ref = old.id;
END;

-- ---- the 大事记's lines the clerk wrote ----------------------------------------------
CREATE TRIGGER search_chronicle_insert AFTER INSERT ON chronicle_entry BEGIN
	INSERT INTO search_fts_key(kind, ref) VALUES ('chronicle', new.id);
	INSERT INTO search_fts(rowid, title, body)
	VALUES ((SELECT id FROM search_fts_key WHERE kind = 'chronicle' AND ref = new.id), '', new.text);
END;
CREATE TRIGGER search_chronicle_update AFTER UPDATE OF text ON chronicle_entry BEGIN
	UPDATE search_fts SET body = new.text
	WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'chronicle' AND ref = new.id);
END;
CREATE TRIGGER search_chronicle_delete AFTER DELETE ON chronicle_entry BEGIN
	DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_fts_key WHERE kind = 'chronicle' AND ref = old.id);
	DELETE FROM search_fts_key WHERE kind = 'chronicle' AND ref = old.id;
END;

-- ---- what an older version of the program wrote --------------------------------
INSERT INTO search_fts_key(kind, ref) SELECT 'proposal', id FROM proposal;
INSERT INTO search_fts_key(kind, ref) SELECT 'minute', id FROM minute;
INSERT INTO search_fts_key(kind, ref) SELECT 'notice', id FROM notice;
INSERT INTO search_fts_key(kind, ref) SELECT 'person', id FROM person;
INSERT INTO search_fts_key(kind, ref) SELECT 'diary', id FROM diary;
INSERT INTO search_fts_key(kind, ref) SELECT 'note', id FROM note;
INSERT INTO search_fts_key(kind, ref) SELECT 'meeting', id FROM meeting;
INSERT INTO search_fts_key(kind, ref) SELECT 'chronicle', id FROM chronicle_entry;
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
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, m.number || ' ' || m.title,
	       m.place || ' ' || m.chair_name || ' ' || m.clerk_name || ' ' || COALESCE(m.pending, '')
	FROM meeting m JOIN search_fts_key k ON k.kind = 'meeting' AND k.ref = m.id;
INSERT INTO search_fts(rowid, title, body)
	SELECT k.id, '', c.text FROM chronicle_entry c JOIN search_fts_key k ON k.kind = 'chronicle' AND k.ref = c.id;
