-- Slack HTTP-mode requests already carried out, known by their signature, so that a replay of
-- one (after a restart, or to a second process on the same database) is answered and ignored.
-- A signature is kept until its request's timestamp leaves the five-minute window in which a
-- request is accepted at all.
CREATE TABLE slack_request (
    signature  VARCHAR(100)             NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX slack_request_expires_at ON slack_request (expires_at);
