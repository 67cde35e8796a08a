-- Replicas say they are alive: a row claimed by a replica whose heartbeat is older than REPLICA_TIMEOUT is free,
-- so a crashed replica's deliveries are taken over in seconds instead of after the lease.
CREATE TABLE replicas (
    id           VARCHAR(64) PRIMARY KEY,
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);

-- Which replica holds a claimed row; failures counts failed tries (the backoff), apart from attempts (calls that
-- may have reached Slack, which make the next try look before posting again).
ALTER TABLE outbox ADD COLUMN replica VARCHAR(64);
ALTER TABLE outbox ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;

-- Since when a page or rollback has been retried because its service did not answer (5xx, timeout, unreachable).
ALTER TABLE actions ADD COLUMN retrying_since BIGINT;

-- Requests a sender may deliver more than once (Slack events retried with X-Slack-Retry-Num): each acts once.
CREATE TABLE seen_events (
    id      VARCHAR(200) PRIMARY KEY,
    seen_at BIGINT NOT NULL
);
CREATE INDEX seen_events_at ON seen_events (seen_at);
