-- Version 4: doc_bands keeps the MinHash bands of cluster representatives
-- only (documents that are no near duplicate). A near duplicate's bands
-- made every later copy of a story read back the whole cluster, so ingest
-- of many copies slowed with the square of their number.
DELETE FROM doc_bands WHERE doc_id IN (SELECT id FROM documents WHERE near_duplicate_of IS NOT NULL);
