-- What "Walk me through it" under a diagnosis starts a conversation from: the text that was
-- diagnosed (a paste, a message, an attachment). Kept apart from bot_reply so a reply row stays
-- small, and deleted with idle conversations (pcibot.conversations.delete-after).
-- Answers need no row here: their question is bot_reply.query. The text is gzipped (UTF-8): kernel
-- logs shrink about tenfold, and a diagnosis of a whole log should not cost megabytes to keep.
CREATE TABLE reply_seed (
    reply_id    BIGINT       PRIMARY KEY REFERENCES bot_reply (id) ON DELETE CASCADE,
    text_gz     BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reply_seed_created ON reply_seed (created_at);
