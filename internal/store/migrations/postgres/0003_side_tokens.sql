-- Version 3 (PostgreSQL): one GIN index replaces the four composite dyad
-- indexes of versions 1 and 2. Each event is indexed under six tokens: its
-- source>target pairs of actor and country codes ("USA>IRN",
-- "USAGOV>IRN", ...) and its source codes alone ("USA>"). A dyad filter is
-- then one index look-up of a "S>T" token, and a source filter one of
-- "S>". Maintaining four B-trees on text columns cost about 2 s of each
-- 100,000-event bulk load, most of the PostgreSQL ingest time; GIN
-- collects new entries in its pending list and merges them into the tree
-- in sorted batches, for a third to a half of that. The expression must
-- stay identical to sideTokens in query.go so that the planner matches it.
DROP INDEX events_country_dyad;
DROP INDEX events_actor_dyad;
DROP INDEX events_actor_country;
DROP INDEX events_country_actor;
CREATE INDEX events_sides ON events USING gin ((ARRAY[source_country || '>' || target_country, source || '>' || target, source || '>' || target_country, source_country || '>' || target, source || '>', source_country || '>']));
