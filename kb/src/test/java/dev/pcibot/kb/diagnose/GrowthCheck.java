package dev.pcibot.kb.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Times a piece of work on inputs of growing size (1, 4, 16, 64 KiB) and says whether its time
 * grows faster than linearly: used by the scaling tests of the pattern table and the parsers, and
 * by the hostile-input bench.
 *
 * <p>NOTE: the bounds are generous on purpose (the machine is shared and loaded): each size is the
 * minimum of a few runs (a steep step is measured again before it counts); a 4x larger input may take up to {@link #MAX_STEP} times as long (linear
 * is 4, quadratic 16, cubic 64; the last step, to 64 KiB, may take up to {@link #MAX_LAST_STEP}: RE2/J's
 * cost per byte rises about threefold between 16 and 64 KiB on this machine, measured as x8-14 there
 * and x4 again from 64 to 256 KiB, while the blow-ups of issue 13 were x20-100 at every step); steps under {@link #FLOOR_NANOS} are noise and never fail; and one
 * run over {@link #ABORT_NANOS} fails at once, so a super-linear case costs seconds, not the minutes
 * its 64 KiB run would take.
 */
public final class GrowthCheck {
    public static final int[] SIZES = {1 << 10, 4 << 10, 16 << 10, 64 << 10};
    static final double MAX_STEP = 12;
    static final double MAX_LAST_STEP = 20;
    static final long FLOOR_NANOS = 10_000_000;
    static final long ABORT_NANOS = 1_500_000_000L;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int RUNS = 3;
    private static final int WARM_RUNS = 5;
    private static final int RETRIES = 6;

    /** The times measured, per size, and the verdict. */
    public record Result(String name, List<Long> nanos, String failure) {
        public boolean linear() {
            return failure.isEmpty();
        }

        /** Nanoseconds at the largest size reached. */
        public long last() {
            return nanos.isEmpty() ? 0 : nanos.get(nanos.size() - 1);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(name).append(':');
            for (int i = 0; i < nanos.size(); i++) {
                s.append(' ').append(SIZES[i] >> 10).append("K=").append(String.format("%.2fms", nanos.get(i) / 1e6));
            }
            return failure.isEmpty() ? s.toString() : s.append(" -> ").append(failure).toString();
        }
    }

    private GrowthCheck() {}

    /**
     * Runs {@code work} on {@code input.apply(size)} for each size. The input is built outside the
     * timing; work should return something derived from its result so the JIT keeps it.
     */
    public static <T> Result measure(String name, IntFunction<T> input, java.util.function.Function<T, ?> work) {
        List<Long> nanos = new ArrayList<>();
        T warm = input.apply(SIZES[1]);
        for (int i = 0; i < WARM_RUNS; i++) {
            long t = time(work, warm);
            if (t > ABORT_NANOS) {
                return new Result(name, List.of(t), "over " + ABORT_NANOS / 1_000_000 + " ms at 4 KiB");
            }
        }
        T previous = null;
        for (int size : SIZES) {
            T in = input.apply(size);
            long best = best(work, in, RUNS);
            nanos.add(best);
            if (best > ABORT_NANOS) {
                return new Result(name, nanos, "one run took over " + ABORT_NANOS / 1_000_000 + " ms at " + (size >> 10)
                        + " KiB: time grows faster than the input");
            }
            int n = nanos.size();
            double bound = n == SIZES.length ? MAX_LAST_STEP : MAX_STEP;
            if (n > 1 && tooSteep(nanos.get(n - 2), best, bound)) {
                // a load spike or a GC may hit one size: measure both again, interleaved, and judge again
                long before = nanos.get(n - 2);
                for (int r = 0; r < RETRIES; r++) {
                    before = Math.min(before, time(work, previous));
                    best = Math.min(best, time(work, in));
                }
                nanos.set(n - 2, before);
                nanos.set(n - 1, best);
                if (tooSteep(before, best, bound)) {
                    return new Result(name, nanos, String.format("x%.1f for 4x the input (linear ~4, at most %.0f)",
                            (double) best / before, bound));
                }
            }
            previous = in;
        }
        return new Result(name, nanos, "");
    }

    private static boolean tooSteep(long before, long after, double bound) {
        return after > FLOOR_NANOS && after > bound * Math.max(before, FLOOR_NANOS / 4);
    }

    private static <T> long best(java.util.function.Function<T, ?> work, T in, int runs) {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t = time(work, in);
            best = Math.min(best, t);
            if (t > ABORT_NANOS) {
                break;
            }
        }
        return best;
    }

    /**
     * The thread's CPU time for one run, not the wall clock: on a machine shared by many builds a
     * 70 ms run is preempted several times where a 2 ms run is not, which made linear work look
     * x30 steeper in wall time.
     */
    private static <T> long time(java.util.function.Function<T, ?> work, T in) {
        long start = CPU.getCurrentThreadCpuTime();
        Object out = work.apply(in);
        long t = CPU.getCurrentThreadCpuTime() - start;
        if (out == null) {
            return t + 1; // keeps the result alive for the JIT
        }
        return t;
    }

    /** {@code unit} repeated (cut) to exactly {@code size} characters. */
    public static String repeat(String unit, int size) {
        StringBuilder s = new StringBuilder(size + unit.length());
        while (s.length() < size) {
            s.append(unit);
        }
        s.setLength(size);
        return s.toString();
    }

    /** {@code head}, then {@code unit} repeated, then {@code tail}: about {@code size} characters. */
    public static String around(String head, String unit, String tail, int size) {
        return head + repeat(unit, Math.max(0, size - head.length() - tail.length())) + tail;
    }
}
