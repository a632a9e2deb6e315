-- Several bot processes on one PostgreSQL database.
--
-- A lease is held by one process until it expires: the Discord gateway of a range of shards, a
-- process's own liveness ("process:<id>"), a run of a routine. Its holder renews it; another
-- process takes it only once it has expired. Times come from the database's clock.
CREATE TABLE lease (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    holder     VARCHAR(100)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The process that is delivering an announcement (state ATTEMPTING): when its liveness lease has
-- expired, another process takes the announcement up.
ALTER TABLE announcement ADD COLUMN claimed_by VARCHAR(100);

-- Slack user actions already handled, by trigger id, so that Slack's retry of a delivery is
-- recognised by whichever process it lands on. Kept ten minutes.
CREATE TABLE slack_action (
    trigger_id VARCHAR(255)             NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX slack_action_expires_at ON slack_action (expires_at);
