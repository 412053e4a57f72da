-- Guided troubleshooting conversations (kb.converse): one row per conversation, one per answer.
-- The answers are the whole state: the step shown is computed from them, so any instance can
-- continue a conversation another one started. Plain SQL for H2 (MODE=PostgreSQL) and PostgreSQL 15+.
CREATE TABLE conversation (
    id            VARCHAR(36)  PRIMARY KEY,   -- random UUID: for the HTTP API it is also the key to it
    owner         VARCHAR(80)  NOT NULL,      -- 'discord:<user id>' or 'web'
    guild_id      BIGINT,
    channel_id    BIGINT,
    thread_id     BIGINT,
    start_device  VARCHAR(200),
    start_vmid    VARCHAR(9),
    start_symptom VARCHAR(32),
    stopped       BOOLEAN      NOT NULL,
    share_id      VARCHAR(36),
    share_until   TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_owner ON conversation (owner, channel_id);
CREATE INDEX conversation_updated ON conversation (updated_at);
CREATE UNIQUE INDEX conversation_share ON conversation (share_id);

-- seq is the answer's place (0, 1, ...): the primary key makes a second answer to the same step
-- fail, on whichever instance it arrives, so two fast clicks never advance two steps.
CREATE TABLE conversation_answer (
    conversation_id VARCHAR(36) NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    seq             INT          NOT NULL,
    kind            VARCHAR(16)  NOT NULL,    -- pasted | chose | cannot
    probe           VARCHAR(32),
    choice          VARCHAR(32),
    choice_value    VARCHAR(32),
    after_fix       BOOLEAN      NOT NULL,
    text            TEXT,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
