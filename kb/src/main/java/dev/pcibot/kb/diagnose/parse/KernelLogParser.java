package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads kernel logs in the forms users paste: {@code dmesg}, {@code dmesg -T}, {@code dmesg -H},
 * {@code dmesg -x}, {@code journalctl -k} and {@code journalctl -b}, whole or grepped. Samples in
 * test resources samples/kernel-log/:
 *
 * <pre>
 * [    0.021373] DMAR: IOMMU enabled
 * [Sat Nov 21 10:00:02 2026] DMAR-IR: Enabled IRQ remapping in x2apic mode
 * Nov 21 10:00:01 pve kernel: vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0xf0000000-0xf1ffffff 64bit pref]
 * </pre>
 */
public final class KernelLogParser implements Parser<KernelLogOutput> {
    // Each alternative is one prefix style. Every repetition is bounded: the pattern also runs on
    // junk lines of 64 KiB, where an unbounded [a-z]+ would backtrack quadratically. (java.util.regex
    // for the lookahead: anchored and bounded, so linear; RE2/J has no lookaround.)
    private static final Pattern PREFIX =
            Pattern.compile(
                    "^(?:<\\d{1,2}>)?" // dmesg -r priority
                            + "(?:[a-z]{2,8}\\s{0,4}:[a-z]{2,8}\\s{0,4}: )?" // dmesg -x facility:level
                            // kern.log / syslog excerpts cut after the host: "kernel: [   13.134460] ..."
                            + "(?:kernel: (?=\\[))?"
                            // [    0.123456], [Sat Nov 21 ...], [  +0.0001]; not a prompt's [root@pve ~]
                            + "(?:\\[(?=[^\\]]{0,40}\\d)[\\w .:+,-]{1,40}\\]\\s?"
                            + "|(?:\\d{4}-\\d\\d-\\d\\d[T ][0-9:.,]+(?:[+-]\\d\\d:?\\d\\d|Z)?" // iso
                            + "|[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d)\\s" // syslog date
                            // journal host and identifier; "kernel" or "name[pid]" only, so that a
                            // message such as "Command line: ..." is never taken for one
                            + "(?:[\\w.-]{1,64} (?:kernel|[\\w./@-]{1,64}\\[\\d+\\]): )?"
                            + "(?:\\[[^\\]]{1,20}\\]\\s?)?)"); // kernel timestamp inside journal

    @Override
    public KernelLogOutput parse(String text) {
        List<KernelLogOutput.Message> messages = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                messages.add(new KernelLogOutput.Message(line, message(line)));
            }
        }
        return new KernelLogOutput(messages, List.of());
    }

    /**
     * The message of one log line: timestamp, priority and journal prefix removed; a line without
     * any of them is returned unchanged (already a bare message, as in {@code dmesg -t}).
     */
    public static String message(String line) {
        Matcher m = PREFIX.matcher(line);
        return m.lookingAt() ? line.substring(m.end()).strip() : line.strip();
    }

    /** Whether the line starts with a timestamp or journal prefix (a kernel log line for sure). */
    public static boolean hasLogPrefix(String line) {
        Matcher m = PREFIX.matcher(line);
        return m.lookingAt() && m.end() > 0;
    }

    /**
     * Cheap byte-level check for a kernel line of {@code journalctl -k} ({@code Nov 21 10:00:01 pve
     * kernel: ...}, or with an ISO date): " kernel: " within the first 80 bytes after a date.
     */
    public static boolean hasJournalKernelPrefix(byte[] buf, int off, int len) {
        if (len < 20 || !(Character.isUpperCase(buf[off]) || Character.isDigit(buf[off]))) {
            return false;
        }
        int end = Math.min(len, 80) - JOURNAL_KERNEL.length;
        outer:
        for (int i = 15; i <= end; i++) {
            for (int j = 0; j < JOURNAL_KERNEL.length; j++) {
                if (buf[off + i + j] != JOURNAL_KERNEL[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final byte[] JOURNAL_KERNEL = " kernel: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Cheap byte-level check for the commonest timestamp, {@code [ digits.digits]} or {@code
     * [Sat Nov ...]}, without decoding: large logs take the fast path through it.
     */
    public static boolean hasBracketPrefix(byte[] buf, int off, int len) {
        if (len < 4 || buf[off] != '[') {
            return false;
        }
        int end = Math.min(len, 42);
        boolean digit = false;
        for (int i = 1; i < end; i++) {
            byte b = buf[off + i];
            if (b == ']') {
                return digit;
            }
            boolean allowed = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')
                    || b == ' ' || b == '.' || b == ':' || b == '+' || b == ',' || b == '-' || b == '_';
            if (!allowed) {
                return false; // [root@pve ~]# is a prompt, not a timestamp
            }
            digit |= b >= '0' && b <= '9';
        }
        return false;
    }
}
