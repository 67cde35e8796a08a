-- The timeline stores facts: a kind and its fields as JSON (text keeps a plain rendering for people reading the
-- database). Rows written before keep kind 'text' and their mrkdwn text, and stay readable.
ALTER TABLE timeline ADD COLUMN kind VARCHAR(40) NOT NULL DEFAULT 'text';
ALTER TABLE timeline ADD COLUMN facts TEXT;

-- How sure the classifier was (its runner-up) and who corrected the type on Q1.
ALTER TABLE incidents ADD COLUMN runner_up VARCHAR(40);
ALTER TABLE incidents ADD COLUMN corrected_by VARCHAR(64);
