package dev.pcibot.bot.probe;

/**
 * Allowed or refused, with the rule that decided ({@code grant:admins}, {@code deny:prod-vms},
 * {@code channel-allow-list}, {@code limit:per-user}, …) and, when refused, a message for the user
 * that names that rule.
 */
public record ProbeDecision(boolean allowed, String rule, String message) {
    public static ProbeDecision allow(String rule) {
        return new ProbeDecision(true, rule, "");
    }

    public static ProbeDecision deny(String rule, String message) {
        return new ProbeDecision(false, rule, message + " (rule: " + rule + ")");
    }
}
