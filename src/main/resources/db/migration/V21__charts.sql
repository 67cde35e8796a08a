-- Charts of the signal behind a telemetry incident, posted in its thread (chart/ChartSchedule asks, slack/ChartDelivery
-- uploads). One row per chart an incident was given: (incident_id, seq) is unique, so two replicas asking for the same
-- next chart write it once. Times are epoch milliseconds.
CREATE TABLE incident_charts (
    incident_id    VARCHAR(32) NOT NULL REFERENCES incidents (id),
    seq            INTEGER NOT NULL,
    -- drawn once the incident resolved: the last chart of its breach (a reopened incident starts again)
    at_resolution  BOOLEAN NOT NULL,
    workflow       VARCHAR(200) NOT NULL,
    threshold      VARCHAR(300) NOT NULL,
    -- when the breach began (the signal's state when the chart was asked for), kept for the chart drawn at resolution
    breach_started BIGINT,
    asked_at       BIGINT NOT NULL,
    -- asked, posted (the image is in the thread), as_text (Slack refused the upload: its numbers were posted instead),
    -- skipped (nothing to draw: the runbook no longer writes the threshold)
    state          VARCHAR(20) NOT NULL,
    -- the Slack file being shared, written just before files.completeUploadExternal: a retry looks for it first
    file_id        VARCHAR(64),
    detail         TEXT,
    done_at        BIGINT,
    PRIMARY KEY (incident_id, seq)
);
