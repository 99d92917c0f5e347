-- Version 2 (PostgreSQL): a dyad filter matches each side as an actor code
-- or a country code, and the store writes it as the union of the four
-- code/country combinations; these two indexes complete the set so that
-- PostgreSQL answers it with a BitmapOr of index scans.
CREATE INDEX events_actor_country ON events (source, target_country, date);
CREATE INDEX events_country_actor ON events (source_country, target, date);
