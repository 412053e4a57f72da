package dev.pcibot.kb.diagnose.rule;

import java.util.List;

/** The registry of rules that reason across facts. Add the next rule here, in sorted order. */
public final class Rules {
    public static final List<Rule> ALL =
            List.of(
                    // keep-sorted start
                    new InterruptRemappingMissing(),
                    new IommuNotEnabled(),
                    new UnsafeInterruptsUnneeded()
                    // keep-sorted end
                    );

    private Rules() {}
}
