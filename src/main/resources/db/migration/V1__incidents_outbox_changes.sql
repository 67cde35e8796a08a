-- One schema for SQLite and PostgreSQL. Times are epoch milliseconds (BIGINT).
-- ${id_column} is "INTEGER PRIMARY KEY AUTOINCREMENT" on SQLite and "BIGSERIAL PRIMARY KEY" on PostgreSQL.

CREATE TABLE counters (
    name  VARCHAR(64) PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('incident', 0);

CREATE TABLE incidents (
    id               VARCHAR(32) PRIMARY KEY,
    seq              BIGINT NOT NULL UNIQUE,
    incident_key     VARCHAR(1024) NOT NULL,
    -- equals incident_key while the incident is open, NULL once resolved:
    -- the unique constraint keeps one open incident per key, across replicas
    open_key         VARCHAR(1024) UNIQUE,
    title            TEXT NOT NULL,
    workflow         VARCHAR(200),
    failure_type     VARCHAR(40) NOT NULL,
    evidence         TEXT NOT NULL,
    confidence       DOUBLE PRECISION NOT NULL,
    severity         VARCHAR(20) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    drill            BOOLEAN NOT NULL,
    acknowledged_by  VARCHAR(64),
    alert_count      BIGINT NOT NULL,
    opened_at        BIGINT NOT NULL,
    acknowledged_at  BIGINT,
    mitigated_at     BIGINT,
    resolved_at      BIGINT,
    last_alert_at    BIGINT NOT NULL,
    channel          VARCHAR(64),
    ts               VARCHAR(64),
    card_updated_at  BIGINT,
    suspected_change BIGINT,
    resume_gate      VARCHAR(20),
    lookup_note      TEXT
);
CREATE INDEX incidents_key ON incidents (incident_key);
CREATE INDEX incidents_status ON incidents (status);

CREATE TABLE incident_alerts (
    incident_id  VARCHAR(32) NOT NULL REFERENCES incidents (id),
    fingerprint  VARCHAR(512) NOT NULL,
    source       VARCHAR(20) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    title        TEXT NOT NULL,
    labels       TEXT NOT NULL,
    count        BIGINT NOT NULL,
    first_at     BIGINT NOT NULL,
    last_at      BIGINT NOT NULL,
    PRIMARY KEY (incident_id, fingerprint)
);
CREATE INDEX incident_alerts_fingerprint ON incident_alerts (fingerprint);

CREATE TABLE timeline (
    id          ${id_column},
    incident_id VARCHAR(32) NOT NULL REFERENCES incidents (id),
    at          BIGINT NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX timeline_incident ON timeline (incident_id, id);

CREATE TABLE answers (
    incident_id VARCHAR(32) NOT NULL REFERENCES incidents (id),
    question    VARCHAR(4) NOT NULL,
    value       VARCHAR(200) NOT NULL,
    label       TEXT NOT NULL,
    by_user     VARCHAR(64) NOT NULL,
    at          BIGINT NOT NULL,
    PRIMARY KEY (incident_id, question)
);

CREATE TABLE changes (
    id           ${id_column},
    workflow     VARCHAR(200) NOT NULL,
    kind         VARCHAR(40) NOT NULL,
    summary      TEXT NOT NULL,
    from_version TEXT,
    to_version   TEXT,
    author       TEXT,
    url          TEXT,
    at           BIGINT NOT NULL,
    source       VARCHAR(40) NOT NULL,
    -- the sender's id (Langfuse event id): retries of one event record one change
    external_id  VARCHAR(256) UNIQUE,
    recorded_at  BIGINT NOT NULL
);
CREATE INDEX changes_workflow_at ON changes (workflow, at);

-- Every attempt at an action (page, rollback, eval): the audit trail.
CREATE TABLE actions (
    id          ${id_column},
    incident_id VARCHAR(32) NOT NULL REFERENCES incidents (id),
    -- one action per incident and target: a double click, a retry or a second replica finds the row
    action_key  VARCHAR(512) NOT NULL UNIQUE,
    kind        VARCHAR(40) NOT NULL,
    target      VARCHAR(200) NOT NULL,
    by_user     VARCHAR(64) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    at          BIGINT NOT NULL,
    detail      TEXT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX actions_incident ON actions (incident_id, id);

CREATE TABLE examples (
    id          ${id_column},
    incident_id VARCHAR(32) NOT NULL REFERENCES incidents (id),
    set_name    VARCHAR(20) NOT NULL,
    example     TEXT NOT NULL,
    added_by    VARCHAR(64) NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX examples_set ON examples (set_name, id);

-- Slack calls waiting to be made. A row is written in the same transaction as the state it shows.
CREATE TABLE outbox (
    id            ${id_column},
    incident_id   VARCHAR(32),
    kind          VARCHAR(40) NOT NULL,
    priority      INTEGER NOT NULL,
    payload       TEXT NOT NULL,
    -- a pending card update absorbs later ones: at most one waits per incident
    coalesce_key  VARCHAR(200) UNIQUE,
    status        VARCHAR(20) NOT NULL,
    attempts      INTEGER NOT NULL,
    not_before    BIGINT NOT NULL,
    claimed_by    VARCHAR(100),
    claimed_until BIGINT,
    created_at    BIGINT NOT NULL,
    last_error    TEXT
);
CREATE INDEX outbox_due ON outbox (status, priority, not_before, id);
CREATE INDEX outbox_incident ON outbox (incident_id, status, id);

-- Messages 3am posted, by the part of the thread they play.
CREATE TABLE slack_messages (
    incident_id VARCHAR(32) NOT NULL REFERENCES incidents (id),
    role        VARCHAR(40) NOT NULL,
    channel     VARCHAR(64) NOT NULL,
    ts          VARCHAR(64) NOT NULL,
    PRIMARY KEY (incident_id, role)
);
