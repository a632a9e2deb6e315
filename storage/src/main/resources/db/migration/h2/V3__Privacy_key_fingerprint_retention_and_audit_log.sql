-- The fingerprint of the voter key that pseudonyms are being written with: HMAC-SHA256 under the
-- key of a fixed text, never the key itself. Checked at start-up so that a different key cannot
-- turn every voter on an open poll into a new voter. At most one row.
CREATE TABLE voter_key (
    id           SMALLINT     NOT NULL PRIMARY KEY CHECK (id = 1),
    fingerprint  VARCHAR(64)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- When the per-voter rows of a closed poll were removed by the retention job; NULL while they are
-- kept. After that only the counters in poll_option remain.
ALTER TABLE poll ADD COLUMN votes_purged_at TIMESTAMP WITH TIME ZONE;

-- Votes that still count but no longer have a row in vote: removed by the retention job or on a
-- member's request after the poll closed. Invariant: votes = anonymous_votes + rows in vote.
ALTER TABLE poll_option ADD COLUMN anonymous_votes INT DEFAULT 0 NOT NULL;
ALTER TABLE poll_option ADD CONSTRAINT poll_option_anonymous_votes_range
    CHECK (anonymous_votes >= 0);

-- What hosts and moderators did, with who did it: they act with authority, so unlike voters they
-- are named (platform, user id and display name at the time). Never written for ordinary members.
CREATE TABLE audit_log (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    platform        VARCHAR(16)   NOT NULL,
    user_id         VARCHAR(100)  NOT NULL,
    display_name    VARCHAR(100)  NOT NULL,
    action          VARCHAR(32)   NOT NULL,
    episode_number  INT,
    detail          VARCHAR(500)  NOT NULL DEFAULT ''
);
