-- 0009_roster_fields.sql: the roster as a community office keeps it, so
-- that its 花名册 can be imported whole.
--
--   person.birth      出生日期, 'YYYY-MM-DD' or ''.  A 居民会议 counts in
--                     its 应到 the residents 18 or older on its date.
--   person.id_tail    身份证号后四位, '' or four characters (0-9, the last
--                     may be X): tells apart two people of one name without
--                     keeping the whole number.
--   person.household  户号: the household a person belongs to (one 户代表
--                     per household).
--   person.res_group  居民小组.
ALTER TABLE person ADD COLUMN birth TEXT NOT NULL DEFAULT ''
	CHECK (birth = '' OR birth GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE person ADD COLUMN id_tail TEXT NOT NULL DEFAULT ''
	CHECK (id_tail = '' OR id_tail GLOB '[0-9][0-9][0-9][0-9X]');
ALTER TABLE person ADD COLUMN household TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN res_group TEXT NOT NULL DEFAULT '';
CREATE INDEX person_household ON person(household) WHERE household <> '';
CREATE INDEX person_phone ON person(phone) WHERE phone <> '';
