-- Episodes imported from the podcast's feed, with a hash of the notes they were imported from, so
-- that an item is imported again only when its notes changed.
CREATE TABLE feed_item (
    episode_number INT                      NOT NULL PRIMARY KEY REFERENCES episode (number),
    notes_hash     VARCHAR(64)              NOT NULL,
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What a new episode from the feed asks for, per channel: its polls posted ('start') or the hosts
-- told ('notify'). Written with the episode's feed_item row; done_at is set once it was carried
-- out, so that it happens once, also across a restart.
CREATE TABLE feed_action (
    episode_number INT                      NOT NULL REFERENCES episode (number),
    action         VARCHAR(10)              NOT NULL,
    platform       VARCHAR(16)              NOT NULL,
    channel        VARCHAR(100)             NOT NULL,
    done_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (episode_number, action, platform, channel)
);
