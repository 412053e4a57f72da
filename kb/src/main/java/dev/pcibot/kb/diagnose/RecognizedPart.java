package dev.pcibot.kb.diagnose;

import java.util.List;

/**
 * One part of a paste and what it was taken for.
 *
 * @param kind the probe id of the output recognised, or {@code unknown}
 * @param firstLine first line of the part in the paste (1-based)
 * @param lastLine last line of the part (inclusive)
 * @param notUnderstood lines of the part the parser did not understand (a few, for the user)
 * @param notUnderstoodCount how many lines were not understood in all
 */
public record RecognizedPart(
        String kind, int firstLine, int lastLine, List<String> notUnderstood, int notUnderstoodCount) {
    public RecognizedPart {
        notUnderstood = List.copyOf(notUnderstood);
    }
}
