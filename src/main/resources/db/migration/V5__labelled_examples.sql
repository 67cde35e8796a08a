-- How far the classifier's choice led its runner-up (the card names a close runner-up), and the first alert of each
-- incident as it arrived, so that a Q1 correction can be kept as a labelled example.
ALTER TABLE incidents ADD COLUMN runner_up_lead DOUBLE PRECISION;
ALTER TABLE incidents ADD COLUMN first_alert TEXT;

-- Alerts the team labelled by correcting Q1: `check --classify` replays them through the current rules.
CREATE TABLE labelled_examples (
    id           ${id_column},
    incident_id  VARCHAR(32) NOT NULL REFERENCES incidents (id),
    source       VARCHAR(20) NOT NULL,
    alert        TEXT NOT NULL,
    failure_type VARCHAR(40) NOT NULL,
    workflow     VARCHAR(200),
    by_user      VARCHAR(64) NOT NULL,
    at           BIGINT NOT NULL
);
