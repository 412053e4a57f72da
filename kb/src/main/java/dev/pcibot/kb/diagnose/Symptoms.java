package dev.pcibot.kb.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the user says happens, read from the prose around the outputs (parts no parser claims): a
 * VM that starts once and fails the next time, a guest firmware that hangs. Vendor knowledge needs
 * the symptom besides the device id: an RX 580 is no finding; an RX 580 that fails on the second
 * start is the AMD reset bug.
 */
public final class Symptoms {
    // bounded gaps only: each alternative is a short phrase
    private static final Pattern SECOND_START = Pattern.compile(
            "(?i)\\b(?:second|2nd|next) (?:time|start|boot|run)\\b|\\bonly (?:works |starts |boots )?once\\b"
                    + "|\\bworks (?:only )?(?:the )?first time\\b|\\bfirst (?:boot|start|time) (?:works|is fine|is ok|ok)\\b"
                    + "|\\b(?:after|on) (?:a |the )?(?:vm |guest )?(?:reboot|restart|shutdown|shut down)\\b"
                    + "|\\buntil (?:i |the )?(?:reboot|restart) (?:of )?(?:the )?host\\b"
                    + "|\\b(?:reboot|restart) the (?:whole )?host\\b|\\bstarting (?:it |the vm )?again\\b");
    private static final Pattern FIRMWARE_HANG = Pattern.compile(
            "(?i)\\b(?:hang|hangs|hung|stuck|freez\\w*|frozen|never boots|does not boot|doesn't boot|won't boot"
                    + "|black screen|no post|halts|halted|never (?:completes|finishes)"
                    + "|(?:didn't|did not|does not|doesn't) (?:complete|finish))\\b");

    private Symptoms() {}

    /** Prose lines saying the VM works once and fails on a later start. */
    public static List<String> failsOnLaterStart(Facts facts) {
        return prose(facts, SECOND_START);
    }

    /** Prose lines saying the VM (its firmware) hangs or never boots. */
    public static List<String> hangs(Facts facts) {
        return prose(facts, FIRMWARE_HANG);
    }

    private static List<String> prose(Facts facts, Pattern pattern) {
        List<String> lines = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            if (part.kind() != null) {
                continue;
            }
            for (int i = 0; i < part.lines().size(); i++) {
                if (pattern.matcher(part.lines().get(i)).find()) {
                    lines.add(part.quotedLines().get(i));
                }
            }
        }
        return lines;
    }
}
