-- Several instances may receive the same Discord event: two processes on one token and shard (a
-- rolling restart, a second replica) both get every interaction. Whoever inserts the event's id
-- first answers it; the other sees the unique key refuse its insert and stays silent. Ids are
-- Discord snowflakes (interactions, messages), unique across Discord. Rows older than an
-- interaction token's life (15 minutes) are deleted by the store as it goes.
CREATE TABLE discord_claim (
    event_id    BIGINT       PRIMARY KEY,
    instance    VARCHAR(100) NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX discord_claim_claimed ON discord_claim (claimed_at);
