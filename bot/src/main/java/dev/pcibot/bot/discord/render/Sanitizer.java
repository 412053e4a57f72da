package dev.pcibot.bot.discord.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text from users or their logs safe to echo: no pings, no escape from a code block, no
 * serial numbers or MAC addresses. Allowed mentions are empty on every message as well; this
 * class makes the text harmless even where that setting is lost (a copied message, a report file).
 */
public final class Sanitizer {
    /** Zero-width space: breaks a token for Discord's parser while reading the same to people. */
    private static final String ZWSP = "\u200b";

    private static final Pattern EVERYONE_HERE = Pattern.compile("@(everyone|here)");
    // <@123>, <@!123> (users), <@&123> (roles), <#123> (channels), </cmd:123> (command links)
    private static final Pattern MENTION = Pattern.compile("<([@#/])");
    private static final Pattern FENCE = Pattern.compile("`{3,}");
    private static final Pattern MAC =
            Pattern.compile("(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f:-])");
    // lspci: "Device Serial Number 00-11-22-ff-ff-33-44-55"; dmidecode/smartctl: "Serial Number: X";
    // USB in dmesg: "SerialNumber: X". The value is the rest of the token.
    private static final Pattern SERIAL =
            Pattern.compile("(?i)(serial\\s?number|serial no\\.?)(\\s*[:=]?\\s*)([^\\s,;]+)");
    private static final Pattern EUI64 = Pattern.compile("(?<![0-9A-Fa-f-])(?:[0-9A-Fa-f]{2}-){7}[0-9A-Fa-f]{2}(?![0-9A-Fa-f-])");

    static final String SCRUBBED = "[scrubbed]";
    static final String MAC_MASK = "xx:xx:xx:xx:xx:xx";

    private Sanitizer() {}

    /** For prose that echoes user text (a question, a file name): neutralise pings and fences. */
    public static String text(String raw) {
        return breakFences(noMentions(scrub(raw)));
    }

    /** A fenced code block whose content cannot close the fence early or ping anyone. */
    public static String codeBlock(String content) {
        String body = breakFences(noMentions(scrub(content)));
        // A trailing backtick would merge with the closing fence.
        if (body.endsWith("`")) {
            body = body + ZWSP;
        }
        return "```\n" + body + "\n```";
    }

    /** Removes serial numbers and MAC addresses; everything else is kept as pasted. */
    public static String scrub(String raw) {
        String out = SERIAL.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + SCRUBBED));
        out = EUI64.matcher(out).replaceAll(SCRUBBED);
        return MAC.matcher(out).replaceAll(MAC_MASK);
    }

    static String noMentions(String raw) {
        String out = EVERYONE_HERE.matcher(raw).replaceAll("@" + ZWSP + "$1");
        return MENTION.matcher(out).replaceAll("<" + ZWSP + "$1");
    }

    static String breakFences(String raw) {
        return FENCE.matcher(raw).replaceAll(m -> String.join(ZWSP, m.group().split("")));
    }
}
