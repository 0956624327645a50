-- 0005_roster_notice.sql
--
--   person.post    职务.  A meeting's chair signs the minutes with a post
--                  (社区党委书记, 居委会主任); the roster keeps each person's
--                  post so that a new meeting takes it from there instead of
--                  it being typed again at every meeting.
--   notice.attach  附件说明 of a notice: printed after the body, the posting
--                  period and the objection line, before the 落款, as a
--                  notice's attachments stand.
ALTER TABLE person ADD COLUMN post TEXT NOT NULL DEFAULT '';
ALTER TABLE notice ADD COLUMN attach TEXT NOT NULL DEFAULT '';
