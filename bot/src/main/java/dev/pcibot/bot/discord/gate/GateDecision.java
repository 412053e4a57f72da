package dev.pcibot.bot.discord.gate;

/**
 * Pass, or a refusal with a message fit to show the user (ephemeral).
 *
 * @param message empty when allowed
 */
public record GateDecision(boolean allowed, String message) {
    private static final GateDecision ALLOW = new GateDecision(true, "");

    public static GateDecision allow() {
        return ALLOW;
    }

    public static GateDecision deny(String message) {
        return new GateDecision(false, message);
    }
}
