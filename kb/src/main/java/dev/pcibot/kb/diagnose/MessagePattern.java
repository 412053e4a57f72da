package dev.pcibot.kb.diagnose;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One row of the message pattern table (content/diagnose/patterns.tsv): a kernel or QEMU message
 * that means a finding, or a fact the rules reason with, by itself.
 *
 * <p>NOTE: the regex is RE2/J, not java.util.regex: RE2 matches in time linear in the line
 * whatever the pattern, where a backtracking engine took 29 s on one 8 KiB line for {@code
 * amdgpu.*(?:SMU|PSP|GPU reset).*(?:fail|timeout|hang)}. The price is no lookaround and no
 * back-references, which no row needs; {@code (?<name>...)} groups work as in Java.
 *
 * @param target a finding id, or {@code fact:<name>}
 * @param literal a substring every match contains (the prefilter)
 * @param regex searched in the message
 * @param minCount fires only from the Nth matching line on (repeating messages)
 * @param ask the probe whose output would say more, or null
 */
record MessagePattern(String target, String literal, Pattern regex, int minCount, @Nullable Probe ask) {
    static final String FACT_PREFIX = "fact:";

    boolean isFact() {
        return target.startsWith(FACT_PREFIX);
    }

    /** The finding id or fact name without its prefix. */
    String name() {
        return isFact() ? target.substring(FACT_PREFIX.length()) : target;
    }

    /** The match in this message, or null; the literal is checked first because it is cheap. */
    @Nullable Matcher match(String message) {
        if (!message.contains(literal)) {
            return null;
        }
        Matcher m = regex.matcher(message);
        return m.find() ? m : null;
    }

    /** A named group of a match, or null when the row has no such group or it did not take part. */
    @Nullable String group(Matcher m, String name) {
        return regex.namedGroups().containsKey(name) ? m.group(name) : null;
    }

    @Override
    public String toString() {
        return target + " /" + regex.pattern() + "/";
    }
}
