package dev.pcibot.bot.discord.fake;

/**
 * Something the bot did that real Discord would reject or that breaks a rule the project keeps
 * (late acknowledgement, a limit, a ping-able echo, an unknown route). Recorded, then fails the test.
 *
 * @param rule a short stable name, e.g. {@code ack-deadline}, {@code embed-total}, {@code unhandled-route}
 * @param request the request line it was found on
 * @param detail what exactly was wrong
 */
public record Violation(String rule, String request, String detail) {
    @Override
    public String toString() {
        return rule + " on " + request + ": " + detail;
    }
}
