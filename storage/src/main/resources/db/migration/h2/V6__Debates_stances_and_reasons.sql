-- Thesis debates: two rounds of votes (before and after listening), the hosts' stance, and the
-- reasons members give for a vote. PostgreSQL's copy differs only in column types.

-- Whether an episode's notes ask for a debate ("Stemming: voor en na", HOCON debate = true).
ALTER TABLE episode ADD COLUMN debate BOOLEAN DEFAULT FALSE NOT NULL;

-- The round a debate poll takes votes in; NULL for a poll that is not a debate. While BEFORE,
-- vote and poll_option hold the before round; switching to AFTER moves them to before_vote and
-- before_count in one transaction, so that vote and poll_option then hold the after round.
ALTER TABLE poll ADD COLUMN debate_round VARCHAR(6);
ALTER TABLE poll ADD CONSTRAINT poll_debate_round CHECK (debate_round IN ('BEFORE', 'AFTER'));
-- When the after round opens by itself, if scheduled.
ALTER TABLE poll ADD COLUMN after_at TIMESTAMP WITH TIME ZONE;

-- The before round's votes, per voter pseudonym (the same pseudonym as in vote), kept to count
-- the shift over the members who voted in both rounds; removed with the votes by retention.
CREATE TABLE before_vote (
    poll_id     BIGINT     NOT NULL REFERENCES poll (id),
    voter       BINARY(16) NOT NULL,
    option_idx  SMALLINT   NOT NULL,
    PRIMARY KEY (poll_id, voter)
);

-- The before round's counts per option, fixed when the after round opens.
CREATE TABLE before_count (
    poll_id  BIGINT   NOT NULL REFERENCES poll (id),
    idx      SMALLINT NOT NULL,
    votes    INT      NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (poll_id, idx)
);

-- Pairs of (before, after) options of members who voted in both rounds, counted when retention
-- removes the per-voter rows, so that the shift survives them.
CREATE TABLE debate_pair (
    poll_id     BIGINT   NOT NULL REFERENCES poll (id),
    before_idx  SMALLINT NOT NULL,
    after_idx   SMALLINT NOT NULL,
    voters      INT      NOT NULL CHECK (voters >= 0),
    PRIMARY KEY (poll_id, before_idx, after_idx)
);

-- Where a host stands on a thesis. Hosts act publicly, so they are named, as in audit_log.
CREATE TABLE stance (
    episode_number  INT          NOT NULL,
    thesis_number   INT          NOT NULL,
    platform        VARCHAR(16)  NOT NULL,
    user_id         VARCHAR(100) NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    option_label    VARCHAR(40)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (episode_number, thesis_number, platform, user_id),
    FOREIGN KEY (episode_number, thesis_number) REFERENCES thesis (episode_number, number)
);

-- Why a member voted as they did: one per voter pseudonym, poll and round (NONE outside a
-- debate). Never linked to a platform user id; removed with the votes.
CREATE TABLE reason (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    poll_id     BIGINT       NOT NULL REFERENCES poll (id),
    voter       BINARY(16)   NOT NULL,
    vote_round  VARCHAR(6)   NOT NULL CHECK (vote_round IN ('NONE', 'BEFORE', 'AFTER')),
    reason_text VARCHAR(280) NOT NULL,
    state       VARCHAR(8)   NOT NULL DEFAULT 'SHOWN'
                CHECK (state IN ('SHOWN', 'FEATURED', 'HIDDEN')),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (poll_id, voter, vote_round)
);
