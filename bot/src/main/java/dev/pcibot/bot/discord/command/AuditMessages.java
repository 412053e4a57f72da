package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.render.MessageLimits;
import dev.pcibot.bot.discord.render.Trim;
import dev.pcibot.bot.store.ProbeAuditEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /pcibot audit}: the newest probe requests of a server, one line each (when, who, what on
 * which node, the decision and its rule, how long, how much output), newest first, within one
 * message. No output: the audit keeps only its size and hash.
 */
final class AuditMessages {
    static final int ROWS = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AuditMessages() {}

    static String render(List<ProbeAuditEntry> rows) {
        if (rows.isEmpty()) {
            return "No probe has been asked for on this server yet.";
        }
        StringBuilder out = new StringBuilder("Latest probe requests (UTC, newest first):");
        for (ProbeAuditEntry e : rows) {
            String line = "\n`" + WHEN.format(e.at()) + "` <@" + e.userId() + "> `" + e.probe()
                    + (e.argument() == null ? "" : " " + Trim.line(e.argument().replace("`", "'"), 20)) + "` on `" + e.node()
                    + "` in <#" + e.channelId() + ">: **" + e.decision() + "** (" + e.rule() + ")" + outcome(e);
            if (out.length() + line.length() > MessageLimits.CONTENT) {
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    private static String outcome(ProbeAuditEntry e) {
        if (!e.decision().equals("allow")) {
            return "";
        }
        String over = e.transport() == null ? "" : " via " + e.transport();
        if (e.failure() != null) {
            return over + ", failed: " + e.failure() + ", " + e.durationMs() + " ms";
        }
        return over + ", " + e.durationMs() + " ms, " + e.outputBytes() + " bytes" + (e.truncated() ? " (cut)" : "");
    }
}
