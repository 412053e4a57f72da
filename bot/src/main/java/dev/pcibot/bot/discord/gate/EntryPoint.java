package dev.pcibot.bot.discord.gate;

/** The kinds of interaction that reach the bot; each passes the same gate. */
public enum EntryPoint {
    SLASH,
    AUTOCOMPLETE,
    CONTEXT_MENU,
    BUTTON,
    MODAL
}
