package dev.pcibot.kb.diagnose;

import java.time.Duration;

/**
 * The time one diagnosis may take, and a switch to stop it early (the HTTP client went away). The
 * diagnosis calls {@link #check} as it goes (every {@value #LINES_PER_CHECK} lines, and between
 * parsers); once the deadline has passed or {@link #cancel} was called, it throws a {@link
 * DiagnosisTimeoutException} and the worker is free again.
 *
 * <p>NOTE: a check costs one counter step, a clock read only every {@value #LINES_PER_CHECK}
 * lines: cheap against a line's work, while the work between two checks stays bounded (a line is
 * at most 64 KiB, and every regex on it is linear), so the budget overruns by milliseconds at most.
 * One budget belongs to one diagnosis and one thread; {@link #cancel} may come from any thread.
 */
public final class DiagnosisBudget {
    static final int LINES_PER_CHECK = 64;

    private final long deadline;
    private final Duration limit;
    private volatile boolean cancelled;
    private int untilCheck = LINES_PER_CHECK;

    private DiagnosisBudget(Duration limit) {
        this.limit = limit;
        long nanos = limit.toNanos();
        this.deadline = System.nanoTime() + nanos;
    }

    /** A budget of {@code limit} from now. */
    public static DiagnosisBudget of(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a diagnosis budget must be positive: " + limit);
        }
        return new DiagnosisBudget(limit);
    }

    /** Stops the diagnosis at its next check (thread-safe). */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public Duration limit() {
        return limit;
    }

    /** Called once per line: looks at the clock every {@value #LINES_PER_CHECK} calls. */
    void tick() {
        if (--untilCheck <= 0) {
            untilCheck = LINES_PER_CHECK;
            check();
        }
    }

    /** Throws when the budget is spent or cancelled. */
    void check() {
        if (cancelled) {
            throw new DiagnosisTimeoutException("The diagnosis was stopped: the request was cancelled.", true);
        }
        if (System.nanoTime() - deadline > 0) {
            throw new DiagnosisTimeoutException("The diagnosis took longer than its limit of " + seconds(limit)
                    + " and was stopped. The server may be busy: try again in a minute. If it happens again, paste"
                    + " only the output of the commands asked for (for example"
                    + " `dmesg | grep -e DMAR -e IOMMU -e AMD-Vi`), not a whole log.", false);
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format("%.1f s", ms / 1000.0);
    }
}
