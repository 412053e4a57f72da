package dev.pcibot.kb.fuzz;

import dev.pcibot.kb.diagnose.GrowthCheck;
import dev.pcibot.kb.diagnose.HostileLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: for every row of content/diagnose/patterns.tsv and every other regex kb
 * keeps in a static field (the parsers', the normalizer's, the search's), the slowest input found
 * among runs of single characters, the row's literal padded or repeated, and near-misses that
 * repeat the regex's own words (HostileLines), timed at 1 KB, 10 KB, 100 KB and 1 MB. Prints a
 * table of pattern id, CPU ms per size and the growth ratio per 10x of input (linear is ~10; the
 * exponent column is log10 of the 10 KB to 1 MB growth over 2: 1.0 linear, 2.0 quadratic), worst
 * first. Run by bench/fuzz/regex-growth.sh.
 *
 * <p>NOTE: inputs are screened at 100 KB and only the three slowest per pattern are timed at every
 * size, so the whole table takes a minute rather than an hour; a search that passes {@link
 * #ABORT_NANOS} of CPU (-Dregex.abort.ms) is stopped (the text's charAt throws) and its time extrapolated, marked {@code ~}.
 */
public final class RegexGrowthBench {
    static final int[] SIZES = {1_000, 10_000, 100_000, 1_000_000};
    static final long ABORT_NANOS = Long.getLong("regex.abort.ms", 10_000) * 1_000_000;
    static final double SUPER_LINEAR_EXPONENT = 1.3;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** A regex under test: where it comes from, its source, the literal a near-miss repeats, and a search. */
    record Subject(String id, String source, String literal, Predicate<CharSequence> find) {}

    record Row(Subject subject, String input, long[] nanos, boolean aborted) {
        double exponent() {
            double a = Math.max(nanos[1], 50_000), b = Math.max(nanos[3], 50_000);
            return Math.log10(b / a) / 2;
        }
    }

    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0] : "";
        List<Row> rows = new ArrayList<>();
        for (Subject s : subjects()) {
            if (!s.id().contains(only)) {
                continue;
            }
            rows.add(worst(s));
        }
        rows.sort(Comparator.comparingDouble(Row::exponent).reversed()
                .thenComparing(Comparator.comparingLong((Row r) -> r.nanos()[3]).reversed()));
        System.out.printf("%-58s %9s %9s %9s %10s %6s %6s %6s %5s  %s%n", "pattern", "1KB ms", "10KB ms", "100KB ms",
                "1MB ms", "x10K", "x100K", "x1M", "exp", "slowest input");
        int superLinear = 0;
        for (Row r : rows) {
            long[] n = r.nanos();
            boolean bad = r.exponent() > SUPER_LINEAR_EXPONENT && n[3] > 20_000_000;
            superLinear += bad ? 1 : 0;
            System.out.printf("%-58s %9.2f %9.2f %9.2f %s%9.1f %6.1f %6.1f %6.1f %5.2f  %s%s%n", cut(r.subject().id(), 58),
                    n[0] / 1e6, n[1] / 1e6, n[2] / 1e6, r.aborted() ? "~" : " ", n[3] / 1e6, ratio(n[1], n[0]),
                    ratio(n[2], n[1]), ratio(n[3], n[2]), r.exponent(), cut(r.input(), 40), bad ? "  SUPER-LINEAR" : "");
        }
        System.out.printf("%d patterns, %d super-linear (exponent over %.1f and over 20 ms at 1 MB)%n", rows.size(),
                superLinear, SUPER_LINEAR_EXPONENT);
    }

    /** The slowest input for one regex: screened at 100 KB, the three slowest timed at every size. */
    static Row worst(Subject s) {
        Map<String, IntFunction<String>> inputs = inputs(s);
        record Screened(String name, long nanos) {}
        List<Screened> screened = new ArrayList<>();
        for (Map.Entry<String, IntFunction<String>> in : inputs.entrySet()) {
            String text = in.getValue().apply(SIZES[2]);
            screened.add(new Screened(in.getKey(), time(s, text)));
        }
        screened.sort(Comparator.comparingLong(Screened::nanos).reversed());
        Row worst = null;
        for (Screened candidate : screened.subList(0, Math.min(3, screened.size()))) {
            IntFunction<String> input = inputs.get(candidate.name());
            long[] nanos = new long[SIZES.length];
            boolean aborted = false;
            for (int i = 0; i < SIZES.length; i++) {
                if (aborted) {
                    // extrapolate at the step seen so far (at least linear)
                    nanos[i] = (long) (nanos[i - 1] * Math.max(10, (double) nanos[i - 1] / Math.max(1, nanos[i - 2])));
                    continue;
                }
                String text = input.apply(SIZES[i]);
                long best = Long.MAX_VALUE;
                for (int run = 0; run < (i < 3 ? 3 : 1); run++) {
                    best = Math.min(best, time(s, text));
                }
                nanos[i] = best;
                aborted = best >= ABORT_NANOS;
            }
            Row row = new Row(s, candidate.name(), nanos, aborted);
            if (worst == null || row.nanos()[3] > worst.nanos()[3]) {
                worst = row;
            }
        }
        return worst;
    }

    private static Map<String, IntFunction<String>> inputs(Subject s) {
        Map<String, IntFunction<String>> inputs = new LinkedHashMap<>(HostileLines.forRow(s.literal(), s.source()));
        // a near-miss of the whole regex: its source text itself, repeated (brackets, escapes and all)
        inputs.put("(source)*n", n -> GrowthCheck.repeat(s.source().replaceAll("[\\^$]", "") + " ", n));
        return inputs;
    }

    /** CPU time of one search; stopped by the text itself past {@link #ABORT_NANOS}. */
    static long time(Subject s, String text) {
        long start = CPU.getCurrentThreadCpuTime();
        DeadlineText chars = new DeadlineText(text, start + ABORT_NANOS);
        try {
            s.find().test(chars);
        } catch (DeadlineText.Expired e) {
            return ABORT_NANOS;
        } catch (RuntimeException | StackOverflowError e) {
            // a backtracking engine's recursion: a failure to match in bounded time, counted as slow
            return ABORT_NANOS;
        }
        return CPU.getCurrentThreadCpuTime() - start;
    }

    /** Every regex to measure: the pattern table's rows, then kb's static Pattern fields. */
    static List<Subject> subjects() throws Exception {
        List<Subject> out = new ArrayList<>(tableRows());
        out.addAll(staticPatterns());
        return out;
    }

    private static List<Subject> tableRows() throws Exception {
        Class<?> table = Class.forName("dev.pcibot.kb.diagnose.MessagePatterns");
        Method load = table.getDeclaredMethod("load");
        load.setAccessible(true);
        List<Subject> out = new ArrayList<>();
        int i = 0;
        for (Object row : (List<?>) load.invoke(null)) {
            i++;
            String target = (String) accessor(row, "target");
            String literal = (String) accessor(row, "literal");
            com.google.re2j.Pattern regex = (com.google.re2j.Pattern) accessor(row, "regex");
            out.add(new Subject("patterns.tsv#" + i + " " + target, regex.pattern(), literal,
                    text -> regex.matcher(text).find()));
        }
        return out;
    }

    private static Object accessor(Object record, String name) throws Exception {
        Method m = record.getClass().getDeclaredMethod(name);
        m.setAccessible(true);
        return m.invoke(record);
    }

    /** Static Pattern fields (java.util.regex or RE2/J) of every class in kb's diagnose and search packages. */
    private static List<Subject> staticPatterns() throws IOException, URISyntaxException {
        Path classes = Path.of(dev.pcibot.kb.diagnose.Diagnoser.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<Subject> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/pcibot/kb"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith("dev.pcibot.kb.diagnose") && !name.startsWith("dev.pcibot.kb.search")) {
                    continue;
                }
                out.addAll(patternsOf(name));
            }
        }
        return out;
    }

    private static List<Subject> patternsOf(String className) {
        List<Subject> out = new ArrayList<>();
        try {
            Class<?> c = Class.forName(className, false, RegexGrowthBench.class.getClassLoader());
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                String id = c.getSimpleName() + "." + f.getName();
                if (f.getType() == java.util.regex.Pattern.class) {
                    f.setAccessible(true);
                    java.util.regex.Pattern p = (java.util.regex.Pattern) f.get(null);
                    out.add(new Subject(id + " (j.u.regex)", p.pattern(), literalOf(p.pattern()), t -> p.matcher(t).find()));
                } else if (f.getType() == com.google.re2j.Pattern.class) {
                    f.setAccessible(true);
                    com.google.re2j.Pattern p = (com.google.re2j.Pattern) f.get(null);
                    out.add(new Subject(id, p.pattern(), literalOf(p.pattern()), t -> p.matcher(t).find()));
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            System.out.println("  skipped " + className + ": " + e);
        }
        return out;
    }

    /** The longest plain run in a regex's source: what a near-miss of it repeats. */
    static String literalOf(String regex) {
        String best = "";
        for (String piece : regex.replaceAll("\\\\[a-zA-Z]|\\\\.", " ").split("[\\[\\](){}|*+?^$.]+")) {
            if (piece.strip().length() > best.length()) {
                best = piece.strip();
            }
        }
        return best.isEmpty() ? "a" : best;
    }

    private static double ratio(long after, long before) {
        return (double) Math.max(after, 1) / Math.max(before, 1);
    }

    private static String cut(String s, int n) {
        String one = s.replace("\n", "\\n").replace("\t", "\\t");
        return one.length() <= n ? one : one.substring(0, n - 1) + "…";
    }

    /**
     * Text that throws from charAt once the thread's CPU time passes its deadline: stops a runaway
     * backtracking search. CPU time, not the wall clock: on the shared machine a linear 400 ms search
     * at 1 MB once passed a 3 s wall-clock deadline while a fuzzer ran beside it.
     */
    static final class DeadlineText implements CharSequence {
        static final class Expired extends RuntimeException {
            Expired() {
                super("deadline", null, false, false);
            }
        }

        private final String text;
        private final long deadline;
        private int calls;

        DeadlineText(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++calls & 0xFFFF) == 0 && CPU.getCurrentThreadCpuTime() > deadline) {
                throw new Expired();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
