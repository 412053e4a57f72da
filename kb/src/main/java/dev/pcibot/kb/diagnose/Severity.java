package dev.pcibot.kb.diagnose;

/** How bad a finding is, worst first: sorting by {@link #ordinal()} puts blockers on top. */
public enum Severity {
    /** Passthrough cannot work until this is fixed. */
    BLOCKER,
    /** Likely the cause of the symptom. */
    PROBLEM,
    /** Works, but risky or fragile. */
    WARNING,
    /** Benign or context. */
    INFO
}
