-- detente store schema, version 1 (PostgreSQL).
-- Integers are BIGINT so that DuckDB's Appender bulk path and the COPY
-- path take the same Go values.
CREATE TABLE documents (
    id                TEXT PRIMARY KEY,
    hash              TEXT NOT NULL UNIQUE,
    date              DATE,
    source            TEXT NOT NULL,
    url               TEXT NOT NULL,
    title             TEXT NOT NULL,
    text              TEXT NOT NULL,
    near_duplicate_of TEXT,
    similarity        DOUBLE PRECISION,
    minhash           BYTEA,
    added_at          TIMESTAMP NOT NULL
);

CREATE TABLE doc_bands (
    key    BIGINT NOT NULL,
    doc_id TEXT NOT NULL
);

CREATE TABLE events (
    doc_id         TEXT NOT NULL,
    seq            BIGINT NOT NULL,
    date           DATE,
    sentence_index BIGINT NOT NULL,
    sentence       TEXT NOT NULL,
    source         TEXT NOT NULL,
    source_country TEXT NOT NULL,
    target         TEXT NOT NULL,
    target_country TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    event_name     TEXT NOT NULL,
    plover         TEXT NOT NULL,
    plover_mode    TEXT NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    quad_class     BIGINT NOT NULL,
    evidence       TEXT NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL,
    verb_text      TEXT NOT NULL,
    verb_start     BIGINT NOT NULL,
    verb_end       BIGINT NOT NULL,
    source_text    TEXT NOT NULL,
    source_start   BIGINT NOT NULL,
    source_end     BIGINT NOT NULL,
    target_text    TEXT NOT NULL,
    target_start   BIGINT NOT NULL,
    target_end     BIGINT NOT NULL,
    location       TEXT NOT NULL,
    negated        BOOLEAN NOT NULL,
    modality       TEXT NOT NULL,
    issues         TEXT NOT NULL,
    dup            BOOLEAN NOT NULL
);

CREATE TABLE quotes (
    doc_id         TEXT NOT NULL,
    seq            BIGINT NOT NULL,
    date           DATE,
    sentence_index BIGINT NOT NULL,
    speaker        TEXT NOT NULL,
    speaker_code   TEXT NOT NULL,
    quote          TEXT NOT NULL,
    sentence       TEXT NOT NULL,
    span_start     BIGINT NOT NULL,
    span_end       BIGINT NOT NULL,
    dup            BOOLEAN NOT NULL
);

CREATE TABLE mentions (
    doc_id     TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    code       TEXT NOT NULL,
    text       TEXT NOT NULL,
    span_start BIGINT NOT NULL,
    span_end   BIGINT NOT NULL
);

CREATE TABLE actors (
    code    TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    name    TEXT NOT NULL
);

-- DuckDB scans columns with zone maps; PostgreSQL needs indexes for the
-- dyad, actor and near-duplicate look-ups.
CREATE INDEX doc_bands_key ON doc_bands (key);
CREATE INDEX events_country_dyad ON events (source_country, target_country, date);
CREATE INDEX events_actor_dyad ON events (source, target, date);
CREATE INDEX events_date ON events (date);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
