-- 0005_post.sql: 职务 in the roster.  A meeting's chair signs the minutes
-- with a post (社区党委书记, 居委会主任); the roster keeps each person's
-- post so that a new meeting takes it from there instead of it being typed
-- again at every meeting.
ALTER TABLE person ADD COLUMN post TEXT NOT NULL DEFAULT '';
