package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import java.util.List;

/**
 * One check that reasons across facts (a single message that means a finding by itself is a row
 * of content/diagnose/patterns.tsv instead). The rule decides whether; findings/id.md says what to
 * tell the user.
 */
public interface Rule {
    /** The finding id it concludes (shared/design/findings.md). */
    String id();

    /** What it concluded from these facts: empty when it does not fire or the facts cannot tell. */
    List<Detection> evaluate(Facts facts);
}
