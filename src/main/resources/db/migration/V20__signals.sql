-- Telemetry 3am watches itself (OTLP): per-minute aggregates per workflow and series, shared by every replica.
-- Times are epoch milliseconds (BIGINT), point times in OTLP's nanoseconds. One schema for SQLite and PostgreSQL.

-- Sums per minute: tokens, USD, seconds or scores (total), how many samples they sum, how many were errors.
CREATE TABLE signal_minutes (
    workflow  VARCHAR(200) NOT NULL,
    series    VARCHAR(300) NOT NULL,
    minute_at BIGINT NOT NULL,
    total     DOUBLE PRECISION NOT NULL,
    samples   BIGINT NOT NULL,
    errors    BIGINT NOT NULL,
    PRIMARY KEY (workflow, series, minute_at)
);
CREATE INDEX signal_minutes_minute ON signal_minutes (minute_at);

-- Histogram bucket counts per minute under each upper bound (le); the open top bucket has le = 1.7976931348623157E308.
CREATE TABLE signal_buckets (
    workflow  VARCHAR(200) NOT NULL,
    series    VARCHAR(300) NOT NULL,
    minute_at BIGINT NOT NULL,
    le        DOUBLE PRECISION NOT NULL,
    hits      BIGINT NOT NULL,
    PRIMARY KEY (workflow, series, minute_at, le)
);
CREATE INDEX signal_buckets_minute ON signal_buckets (minute_at);

-- The last point of each cumulative stream, so every replica takes deltas from the same one.
CREATE TABLE signal_streams (
    stream_key  VARCHAR(64) PRIMARY KEY,
    workflow    VARCHAR(200) NOT NULL,
    start_nanos BIGINT NOT NULL,
    time_nanos  BIGINT NOT NULL,
    total       DOUBLE PRECISION NOT NULL,
    samples     BIGINT NOT NULL,
    bounds      TEXT NOT NULL,
    hits        TEXT NOT NULL,
    seen_at     BIGINT NOT NULL
);
CREATE INDEX signal_streams_workflow ON signal_streams (workflow);
CREATE INDEX signal_streams_seen ON signal_streams (seen_at);

-- Where each threshold stands between evaluations (absent = within threshold): pending, firing or recovering.
CREATE TABLE signal_states (
    workflow       VARCHAR(200) NOT NULL,
    threshold      VARCHAR(300) NOT NULL,
    phase          VARCHAR(20) NOT NULL,
    since          BIGINT NOT NULL,
    breach_started BIGINT NOT NULL,
    PRIMARY KEY (workflow, threshold)
);

-- One replica evaluates at a time: the one holding this lease.
CREATE TABLE signal_lease (
    name       VARCHAR(40) PRIMARY KEY,
    holder     VARCHAR(100),
    held_until BIGINT NOT NULL
);
INSERT INTO signal_lease (name, holder, held_until) VALUES ('evaluator', NULL, 0);
