-- detente store schema, version 1 (DuckDB).
-- Integers are BIGINT so that the Appender bulk path and PostgreSQL's COPY
-- path take the same Go values.
-- documents.id and documents.hash are unique, but enforced by the store's
-- single writer rather than by indexes: DuckDB rewrites every ART index at
-- each checkpoint, which made bulk loads slow down as the table grew, and
-- a column scan finds a batch of hashes in milliseconds. (DuckDB lets one
-- process write a database file at a time.)
CREATE TABLE documents (
    id                VARCHAR NOT NULL,
    hash              VARCHAR NOT NULL,
    date              DATE,
    source            VARCHAR NOT NULL,
    url               VARCHAR NOT NULL,
    title             VARCHAR NOT NULL,
    text              VARCHAR NOT NULL,
    near_duplicate_of VARCHAR,
    similarity        DOUBLE,
    minhash           BLOB,
    added_at          TIMESTAMP NOT NULL
);

CREATE TABLE doc_bands (
    key    BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL
);

CREATE TABLE events (
    doc_id         VARCHAR NOT NULL,
    seq            BIGINT NOT NULL,
    date           DATE,
    sentence_index BIGINT NOT NULL,
    sentence       VARCHAR NOT NULL,
    source         VARCHAR NOT NULL,
    source_country VARCHAR NOT NULL,
    target         VARCHAR NOT NULL,
    target_country VARCHAR NOT NULL,
    cameo          VARCHAR NOT NULL,
    root           VARCHAR NOT NULL,
    event_name     VARCHAR NOT NULL,
    plover         VARCHAR NOT NULL,
    plover_mode    VARCHAR NOT NULL,
    goldstein      DOUBLE NOT NULL,
    quad_class     BIGINT NOT NULL,
    evidence       VARCHAR NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL,
    verb_text      VARCHAR NOT NULL,
    verb_start     BIGINT NOT NULL,
    verb_end       BIGINT NOT NULL,
    source_text    VARCHAR NOT NULL,
    source_start   BIGINT NOT NULL,
    source_end     BIGINT NOT NULL,
    target_text    VARCHAR NOT NULL,
    target_start   BIGINT NOT NULL,
    target_end     BIGINT NOT NULL,
    location       VARCHAR NOT NULL,
    negated        BOOLEAN NOT NULL,
    modality       VARCHAR NOT NULL,
    issues         VARCHAR NOT NULL,
    dup            BOOLEAN NOT NULL
);

CREATE TABLE quotes (
    doc_id         VARCHAR NOT NULL,
    seq            BIGINT NOT NULL,
    date           DATE,
    sentence_index BIGINT NOT NULL,
    speaker        VARCHAR NOT NULL,
    speaker_code   VARCHAR NOT NULL,
    quote          VARCHAR NOT NULL,
    sentence       VARCHAR NOT NULL,
    span_start     BIGINT NOT NULL,
    span_end       BIGINT NOT NULL,
    dup            BOOLEAN NOT NULL
);

CREATE TABLE mentions (
    doc_id     VARCHAR NOT NULL,
    seq        BIGINT NOT NULL,
    code       VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    span_start BIGINT NOT NULL,
    span_end   BIGINT NOT NULL
);

CREATE TABLE actors (
    code    VARCHAR PRIMARY KEY,
    country VARCHAR NOT NULL,
    name    VARCHAR NOT NULL
);
