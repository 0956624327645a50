-- 0002_proposal_search.sql: 检索 over the title and content of proposals.
--
-- FTS5 with the trigram tokenizer finds any substring of three or more
-- characters, which suits Chinese (no word breaking needed): 「装电梯」 finds
-- 「加装电梯」.  Shorter queries (电梯, 停车) cannot use trigrams; the store falls
-- back to a scan of titles and contents for them.  Needs SQLite >= 3.34.
--
-- The index is contentless (content='') so the text is not stored twice.
-- Its rowid is year * 1000000 + seq of the proposal rather than the
-- proposal's implicit rowid, because VACUUM may renumber implicit rowids of
-- a table whose key is TEXT, and that would point the index at the wrong
-- proposals.  (year, seq) is unique and never changes.
--
-- A contentless index removes a row by being told the old values; the
-- triggers below have them, and they are the only writers.

CREATE VIRTUAL TABLE proposal_fts USING fts5(
	title, content,
	content = '',
	tokenize = 'trigram'
);

CREATE TRIGGER proposal_fts_insert AFTER INSERT ON proposal BEGIN
	INSERT INTO proposal_fts(rowid, title, content)
	VALUES (new.year * 1000000 + new.seq, new.title, new.content);
END;

CREATE TRIGGER proposal_fts_delete AFTER DELETE ON proposal BEGIN
	INSERT INTO proposal_fts(proposal_fts, rowid, title, content)
	VALUES ('delete', old.year * 1000000 + old.seq, old.title, old.content);
END;

CREATE TRIGGER proposal_fts_update AFTER UPDATE OF title, content, year, seq ON proposal BEGIN
	INSERT INTO proposal_fts(proposal_fts, rowid, title, content)
	VALUES ('delete', old.year * 1000000 + old.seq, old.title, old.content);
	INSERT INTO proposal_fts(rowid, title, content)
	VALUES (new.year * 1000000 + new.seq, new.title, new.content);
END;

-- proposals written by an older version of the program
INSERT INTO proposal_fts(rowid, title, content)
	SELECT year * 1000000 + seq, title, content FROM proposal;
