-- Scheduled closing, reminders, reopening, and the outbox that announces results exactly once.

-- When the reminder before the poll's closing time was posted; NULL while none was.
ALTER TABLE poll ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;

-- The scheduler looks for open polls whose closing time has passed on every tick.
CREATE INDEX poll_state_closes_at ON poll (state, closes_at);

-- The outbox of results announcements: one row per place whenever polls there close, written in
-- the same transaction as the close. PENDING rows are delivered; a deliverer marks a row
-- ATTEMPTING (committed) before it asks the platform to post, and DONE only once the platform
-- accepted the post. A row found ATTEMPTING at start-up was interrupted by a crash and is
-- delivered again under the same key, which lets platforms that can check refuse a second post.
-- CANCELLED rows were still pending when their polls were reopened.
CREATE TABLE announcement (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    episode_number   INT          NOT NULL REFERENCES episode (number),
    platform         VARCHAR(16)  NOT NULL,
    channel          VARCHAR(100) NOT NULL,
    -- TRUE when results were announced in this place before: the polls were reopened since.
    updated          BOOLEAN      NOT NULL,
    state            VARCHAR(10)  NOT NULL
                     CHECK (state IN ('PENDING', 'ATTEMPTING', 'DONE', 'CANCELLED')),
    attempts         INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempted_at     TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500)
);

CREATE INDEX announcement_state_next_attempt ON announcement (state, next_attempt_at);

-- The polls whose closing an announcement reports; they are shown closed before it is posted.
CREATE TABLE announcement_poll (
    announcement_id  BIGINT NOT NULL REFERENCES announcement (id),
    poll_id          BIGINT NOT NULL REFERENCES poll (id),
    PRIMARY KEY (announcement_id, poll_id)
);
