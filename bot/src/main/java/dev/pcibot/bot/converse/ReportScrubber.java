package dev.pcibot.bot.converse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what identifies a host or a person before a report is shared: MAC addresses, UUIDs, serial
 * numbers, host names in shell prompts and in Proxmox paths, IPv4 and IPv6 addresses, e-mail
 * addresses. PCI addresses ({@code 0000:01:00.0}) and ids ({@code 10de:1b80}) stay: they are what
 * the report is about. Every pattern is bounded or anchored on a literal, so it runs in linear time.
 */
public final class ReportScrubber {
    private static final Pattern MAC = Pattern.compile("\\b(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\\b");
    private static final Pattern UUID =
            Pattern.compile("\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b");
    private static final Pattern SERIAL =
            Pattern.compile("(?i)\\b(serial(?: number)?|s/n|sn|Device Serial Number)(\\s*[:=]\\s*)[^\\s,;]{1,80}");
    private static final Pattern PROMPT_HOST = Pattern.compile("(?m)^(\\s{0,8}\\[?[\\w.-]{1,64}@)([\\w.-]{1,64})");
    private static final Pattern NODE_PATH = Pattern.compile("(/nodes/)([\\w.-]{1,64})");
    private static final Pattern IPV4 = Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b");
    private static final Pattern IPV6 = Pattern.compile("\\b(?:[0-9A-Fa-f]{1,4}:){4,7}[0-9A-Fa-f]{1,4}\\b");
    private static final Pattern EMAIL = Pattern.compile("\\b[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,6}\\.[A-Za-z]{2,24}\\b");

    private ReportScrubber() {}

    public static String scrub(String text) {
        String s = EMAIL.matcher(text).replaceAll("<email>");
        s = MAC.matcher(s).replaceAll("<mac>");
        s = UUID.matcher(s).replaceAll("<uuid>");
        s = SERIAL.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "<serial>"));
        s = PROMPT_HOST.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "<host>"));
        s = NODE_PATH.matcher(s).replaceAll("$1<node>");
        s = IPV6.matcher(s).replaceAll("<ip>");
        return IPV4.matcher(s).replaceAll("<ip>");
    }
}
