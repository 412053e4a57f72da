package dev.pcibot.bot.store;

/** What a posted reply was: its feedback counts towards sections or towards findings. */
public enum ReplyKind {
    ANSWER,
    DIAGNOSIS
}
