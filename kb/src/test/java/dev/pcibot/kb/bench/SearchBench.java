package dev.pcibot.kb.bench;

import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.ingest.Section;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbSearcher;
import dev.pcibot.kb.search.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Search benchmark (not a test): builds the index of the bundled guides on disk and reports the
 * build time, the time to reopen it unchanged, then runs the question table
 * ({@code search/questions.tsv} plus {@code search/unanswerable.txt} plus the real questions of
 * {@code search/real/questions.tsv}) many times after a warm-up and
 * prints in-process latency p50/p99/max per search, query embedding included (goal: p99 under 15 ms), the CPU time per search
 * (wall-clock latency on a shared, loaded machine mostly measures waiting for a core; the load
 * average is printed with it), and queries per second, single-threaded and with two threads.
 *
 * <p>Run from the repository root (own build folder, offline):
 * <pre>
 * ./mvnw -q -o -B -Dbuild.dir.name=target-bench -pl kb -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/kb-cp.txt -Dmdep.includeScope=test
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector \
 *     -cp kb/target-bench/test-classes:kb/target-bench/classes:$(cat /tmp/kb-cp.txt) \
 *     dev.pcibot.kb.bench.SearchBench [rounds]
 * </pre>
 * {@code rounds} (default 200) is how often the whole question table is run after the warm-up.
 */
public final class SearchBench {
    private SearchBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--first-answer")) {
            firstAnswer(Path.of(args[1]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> questions = new ArrayList<>();
        for (String line : lines("search/questions.tsv")) {
            String q = line.split("\t")[0];
            if (!q.equals("question")) {
                questions.add(q);
            }
        }
        questions.addAll(lines("search/unanswerable.txt"));
        // the real questions (long, pasted error lines): the query embedding costs most on them
        int written = questions.size();
        if (SearchBench.class.getClassLoader().getResource("search/real/questions.tsv") != null) {
            for (String line : lines("search/real/questions.tsv")) {
                String[] cols = line.split("\t");
                if (cols.length >= 5 && !cols[0].equals("id") && cols[3].length() <= 500) {
                    questions.add(cols[3]);
                }
            }
        }

        long t0 = System.nanoTime();
        GuideLibrary library = GuideLibrary.bundled();
        List<Section> sections = library.sections();
        String fingerprint = library.fingerprint();
        long ingestMs = (System.nanoTime() - t0) / 1_000_000;

        Path root = Files.createTempDirectory("kb-bench");
        try {
            long b0 = System.nanoTime();
            KbIndex built = KbIndex.open(root, sections, fingerprint);
            long buildWallMs = (System.nanoTime() - b0) / 1_000_000;
            KbIndex.Stats stats = built.stats();
            built.close();
            long r0 = System.nanoTime();
            try (KbIndex index = KbIndex.open(root, sections, fingerprint)) {
                long reopenMs = (System.nanoTime() - r0) / 1_000_000;
                System.out.printf("guides: %d sections, ingest %d ms (first use, cold JVM)%n", sections.size(), ingestMs);
                System.out.printf("index build: %d ms inside KbIndex (%d ms wall, cold JVM), on disk %s KB%n",
                        stats.buildMillis(), buildWallMs, sizeKb(stats.folder()));
                System.out.printf("index reopen (fingerprint unchanged, reused=%s): %d ms%n", !index.stats().built(), reopenMs);

                KbSearcher searcher = index.searcher();
                int answered = 0;
                for (String q : questions) {
                    answered += searcher.search(q, 5).answered() ? 1 : 0;
                }
                long w0 = System.nanoTime();
                while (System.nanoTime() - w0 < 3_000_000_000L) { // warm-up: 3 s
                    for (String q : questions) {
                        searcher.search(q, 5);
                    }
                }

                long[] latencies = new long[rounds * questions.size()];
                long[] cpu = new long[latencies.length];
                ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
                int n = 0;
                long s0 = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    for (String q : questions) {
                        long c0 = threadBean.getCurrentThreadCpuTime();
                        long q0 = System.nanoTime();
                        SearchResult result = searcher.search(q, 5);
                        latencies[n] = System.nanoTime() - q0;
                        cpu[n++] = threadBean.getCurrentThreadCpuTime() - c0;
                        if (result.query().isEmpty()) {
                            throw new IllegalStateException("unexpected");
                        }
                    }
                }
                double seconds = (System.nanoTime() - s0) / 1e9;
                Arrays.sort(latencies);
                Arrays.sort(cpu);
                System.out.printf("questions: %d (%d written, %d real; %d answered), %d rounds, %d searches, limit 5%n",
                        questions.size(), written, questions.size() - written, answered, rounds, latencies.length);
                System.out.printf("latency per search: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                        pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
                System.out.printf("CPU time per search (what contention does not inflate): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                        pct(cpu, 0.50), pct(cpu, 0.99), cpu[cpu.length - 1] / 1e6);
                System.out.printf("throughput, 1 thread: %.0f queries/s (system load average %.1f)%n", latencies.length / seconds,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

                int threads = 2;
                AtomicLong done = new AtomicLong();
                List<Thread> workers = new ArrayList<>();
                long c0 = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        for (int r = 0; r < rounds / 2; r++) {
                            for (String q : questions) {
                                searcher.search(q, 5);
                                done.incrementAndGet();
                            }
                        }
                    });
                    worker.start();
                    workers.add(worker);
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                double cSeconds = (System.nanoTime() - c0) / 1e9;
                System.out.printf("throughput, %d threads: %.0f queries/s (%d cores)%n",
                        threads, done.get() / cSeconds, Runtime.getRuntime().availableProcessors());

                System.out.printf("resident memory after the searches: %s MB (heap used %d MB)%n", rssMb(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
                long rb0 = System.nanoTime();
                index.rebuild(sections, fingerprint + "-again");
                System.out.printf("rebuild + swap (warm JVM): %d ms%n", (System.nanoTime() - rb0) / 1_000_000);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Service start to first answer with a reused index: run once to build the index in {@code root},
     * then again; the second run prints the time from JVM start (model load, index reopen with checksum
     * verification, first query embedding and search included).
     */
    private static void firstAnswer(Path root) {
        GuideLibrary library = GuideLibrary.bundled();
        try (KbIndex index = KbIndex.open(root, library.sections(), library.fingerprint())) {
            SearchResult r = index.searcher().search("how do i see my iommu groups", 5);
            long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.printf("start to first answer: %d ms from JVM start (index %s, %d hits, level %s), resident %s MB%n",
                    sinceStart, index.stats().built() ? "built" : "reused", r.hits().size(), r.level(), rssMb());
        }
    }

    private static String rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return "?";
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static long sizeKb(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long bytes = 0;
            for (Path f : files.toList()) {
                bytes += Files.size(f);
            }
            return bytes / 1024;
        }
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = SearchBench.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }
}
