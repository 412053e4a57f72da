package dev.pcibot.bot.probe;

import dev.pcibot.bot.converse.ReportScrubber;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node printed, redacted, kept for a short while so the person who ran the probe can ask for
 * it ("Show raw output"): in memory only (never in the database, never logged), at most
 * {@link #MAX_KEPT} outputs, each for {@link #KEEP_FOR}; the oldest go first. Redaction happens
 * before anything is kept: serials, MACs, UUIDs, addresses and host names in prompts and paths
 * ({@link ReportScrubber}), and the node's own name wherever it appears (journal lines carry it).
 */
@Singleton
public final class RawOutputs {
    public static final Duration KEEP_FOR = Duration.ofMinutes(15);
    public static final int MAX_KEPT = 64;
    private static final SecureRandom KEYS = new SecureRandom();

    /**
     * One kept output: the run it came from (for who may see it and for the audit) and the redacted text.
     *
     * @param key what the button carries: 16 random hex digits, not guessable, but the user id decides
     */
    public record Kept(String key, ProbeAsk ask, String transport, String text, Instant until) {}

    private final Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>();

    public RawOutputs() {
        this(Clock.systemUTC());
    }

    public RawOutputs(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the redacted output of this run; returns the key to ask for it with. */
    public synchronized String keep(ProbeAsk ask, ProbeNode node, ProbeReport report) {
        sweep();
        while (kept.size() >= MAX_KEPT) {
            Iterator<String> oldest = kept.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] random = new byte[8];
        KEYS.nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        kept.put(key, new Kept(key, ask, report.transport(), redact(report.output().text(), node), clock.instant().plus(KEEP_FOR)));
        return key;
    }

    /** The kept output, while it is kept. */
    public synchronized Optional<Kept> find(String key) {
        sweep();
        return Optional.ofNullable(kept.get(key));
    }

    private void sweep() {
        Instant now = clock.instant();
        kept.values().removeIf(k -> !now.isBefore(k.until()));
    }

    /** The node's output with what identifies the host masked. */
    static String redact(String text, ProbeNode node) {
        String s = ReportScrubber.scrub(text);
        for (String name : new String[] {node.pveNode(), node.host(), node.name()}) {
            if (name != null && name.length() >= 2) {
                s = Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])").matcher(s)
                        .replaceAll(Matcher.quoteReplacement("<host>"));
            }
        }
        return s;
    }
}
