-- Drills: the failure type a drill really plays, whether a rollback presser was allowed, and each drill's scorecard.
ALTER TABLE incidents ADD COLUMN drill_type VARCHAR(40);
ALTER TABLE actions ADD COLUMN allowed BOOLEAN;

CREATE TABLE drills (
    incident_id  VARCHAR(32) PRIMARY KEY REFERENCES incidents (id),
    workflow     VARCHAR(200) NOT NULL,
    failure_type VARCHAR(40) NOT NULL,
    started_at   BIGINT NOT NULL,
    ended_at     BIGINT NOT NULL,
    passed       BOOLEAN NOT NULL,
    scorecard    TEXT NOT NULL
);
CREATE INDEX drills_workflow ON drills (workflow, failure_type, ended_at);

CREATE TABLE eval_results (
    id          ${id_column},
    incident_id VARCHAR(32) NOT NULL REFERENCES incidents (id),
    passed      BOOLEAN NOT NULL,
    summary     TEXT NOT NULL,
    url         TEXT,
    at          BIGINT NOT NULL
);
