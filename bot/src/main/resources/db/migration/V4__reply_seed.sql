-- What "Walk me through it" under a diagnosis starts a conversation from: the text that was
-- diagnosed (a paste, a message, an attachment). Kept apart from bot_reply so a reply row stays
-- small, and deleted with idle conversations (pcibot.conversations.delete-after).
-- Answers need no row here: their question is bot_reply.query.
CREATE TABLE reply_seed (
    reply_id    BIGINT       PRIMARY KEY REFERENCES bot_reply (id) ON DELETE CASCADE,
    text        TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reply_seed_created ON reply_seed (created_at);
