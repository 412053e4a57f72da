package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.Parser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Benchmark, not a test: the slowest hostile input per pattern-table row, per parser and for the
 * whole diagnosis, as milliseconds of CPU at 64 KiB (the scaling tests' inputs; where a run
 * passed 1.5 s at a smaller size, the time at 64 KiB is extrapolated from the last two sizes and
 * marked {@code ~}). Run by bench/kb/hostile.sh; prints the slowest of each kind and a top list.
 */
public final class HostileBench {
    record Worst(String what, String input, double ms64, boolean extrapolated) {}

    public static void main(String[] args) {
        List<Worst> rows = new ArrayList<>();
        for (MessagePattern row : MessagePatterns.load()) {
            rows.add(worst(row.target() + " /" + row.regex().pattern() + "/",
                    HostileLines.forRow(row.literal(), row.regex().pattern()), row::match));
        }
        List<Worst> parsers = new ArrayList<>();
        Diagnoser diagnoser = Diagnoser.withoutCitations();
        for (Probe probe : Probe.values()) {
            String dir = ParserScalingTest.dir(probe);
            if (probe.parser().isPresent() && !probe.isLog()) {
                Parser<?> parser = probe.parser().orElseThrow();
                for (String seed : HostileLines.seeds(dir, 2)) {
                    parsers.add(worst(probe.id() + " parser", HostileLines.grownFrom(seed), parser::parse));
                }
            }
            if (!probe.isLog() || probe == Probe.KERNEL_LOG) {
                String prompt = "root@pve:~# " + probe.command() + "\n";
                for (String seed : HostileLines.seeds(dir, 1)) {
                    parsers.add(worst("diagnose(" + probe.id() + " under a prompt)", HostileLines.grownFrom(seed),
                            text -> diagnoser.diagnose(prompt + text).parts().size()));
                }
            }
        }
        report("pattern-table rows", rows);
        report("parsers and whole diagnoses", parsers);
    }

    private static <T> Worst worst(String what, Map<String, IntFunction<String>> inputs,
            java.util.function.Function<String, T> work) {
        Worst worst = new Worst(what, "-", 0, false);
        for (Map.Entry<String, IntFunction<String>> input : inputs.entrySet()) {
            GrowthCheck.Result r;
            try {
                r = GrowthCheck.measure(input.getKey(), input.getValue(), work::apply);
            } catch (RuntimeException e) {
                System.out.println("  " + what + " threw on " + input.getKey() + ": " + e);
                continue;
            }
            int n = r.nanos().size();
            double ms = r.last() / 1e6;
            boolean extrapolated = n < GrowthCheck.SIZES.length;
            if (extrapolated && n >= 2) {
                double step = (double) r.nanos().get(n - 1) / Math.max(1, r.nanos().get(n - 2));
                ms *= Math.pow(Math.max(step, 4), GrowthCheck.SIZES.length - n);
            } else if (extrapolated) {
                ms *= Math.pow(16, GrowthCheck.SIZES.length - 1); // stopped at 1 KiB: assume cubic... at least quadratic
            }
            if (ms > worst.ms64()) {
                worst = new Worst(what, input.getKey(), ms, extrapolated);
            }
        }
        return worst;
    }

    private static void report(String kind, List<Worst> all) {
        List<Worst> sorted = all.stream().sorted(Comparator.comparingDouble(Worst::ms64).reversed()).toList();
        System.out.printf("== %s: slowest hostile input at 64 KiB (ms CPU)%n", kind);
        for (Worst w : sorted.subList(0, Math.min(8, sorted.size()))) {
            System.out.printf("  %s%10.1f  %s  [%s]%n", w.extrapolated() ? "~" : " ", w.ms64(), w.what(), w.input());
        }
    }
}
