-- An episode of the podcast and the theses its hosts defend.
CREATE TABLE episode (
    number       INT           NOT NULL PRIMARY KEY,
    title        VARCHAR(500)  NOT NULL,
    -- Options offered on its theses, one per line; empty means the configured default.
    options      VARCHAR(500)  NOT NULL DEFAULT '',
    -- Closing rule from the episode file: a duration ("3d") or a local date-time; NULL for none.
    closing      VARCHAR(40),
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE thesis (
    episode_number  INT            NOT NULL REFERENCES episode (number),
    number          INT            NOT NULL,
    text            VARCHAR(1000)  NOT NULL,
    context         VARCHAR(20000) NOT NULL DEFAULT '',
    PRIMARY KEY (episode_number, number)
);

-- A thesis posted as a poll in one place: a platform and a channel there.
CREATE TABLE poll (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    episode_number  INT          NOT NULL,
    thesis_number   INT          NOT NULL,
    platform        VARCHAR(16)  NOT NULL,
    channel         VARCHAR(100) NOT NULL,
    -- The platform's id of the poll message, once posted.
    message         VARCHAR(100),
    state           VARCHAR(8)   NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    option_count    SMALLINT     NOT NULL CHECK (option_count BETWEEN 2 AND 5),
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at       TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    FOREIGN KEY (episode_number, thesis_number) REFERENCES thesis (episode_number, number),
    UNIQUE (episode_number, thesis_number, platform, channel)
);

-- The options of a poll, fixed when it opens, with the running count kept in the same
-- transaction as the votes: reading a tally never scans the votes.
CREATE TABLE poll_option (
    poll_id  BIGINT      NOT NULL REFERENCES poll (id),
    idx      SMALLINT    NOT NULL,
    label    VARCHAR(40) NOT NULL,
    votes    INT         NOT NULL DEFAULT 0 CHECK (votes >= 0),
    PRIMARY KEY (poll_id, idx)
);

-- One row per voter per poll. The voter is a keyed pseudonym (HMAC under a key kept outside the
-- database), never a platform user id; nothing else about the voter is stored.
CREATE TABLE vote (
    poll_id     BIGINT     NOT NULL REFERENCES poll (id),
    voter       BINARY(16) NOT NULL,
    option_idx  SMALLINT   NOT NULL,
    PRIMARY KEY (poll_id, voter)
);
