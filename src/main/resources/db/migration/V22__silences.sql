-- "Silence at the source": at most one Alertmanager silence per incident (action/SilenceService asks, action/SilenceDelivery
-- makes Alertmanager hold what is wanted). A second choice extends or keeps the one silence; resolving the incident
-- expires it. Times are epoch milliseconds.
CREATE TABLE silences (
    incident_id    VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES incidents (id),
    -- Alertmanager's silenceID once created; null until then (and after a creation that failed for good)
    silence_id     VARCHAR(64),
    -- the matchers sent, as JSON [{"name","value"}], taken from the incident's group labels when first chosen
    matchers       TEXT NOT NULL,
    -- what is wanted: active (until ends_at) or expired (the incident resolved)
    wanted         VARCHAR(20) NOT NULL,
    ends_at        BIGINT NOT NULL,
    -- the end Alertmanager holds (null while no silence exists): a failed extension falls back to it
    silenced_until BIGINT,
    by_user        VARCHAR(64) NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    -- the action row of the latest choice (its retries and result); a sync row of the outbox is on its way while queued
    action_key     VARCHAR(512) NOT NULL,
    queued         BOOLEAN NOT NULL
);
