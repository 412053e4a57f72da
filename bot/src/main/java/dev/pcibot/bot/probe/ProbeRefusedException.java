package dev.pcibot.bot.probe;

/** A probe that was not run: refused by a rule or a limit. The message names the rule and is fit to show. */
public final class ProbeRefusedException extends Exception {
    private final ProbeDecision decision;

    public ProbeRefusedException(ProbeDecision decision) {
        super(decision.message());
        this.decision = decision;
    }

    public ProbeDecision decision() {
        return decision;
    }
}
