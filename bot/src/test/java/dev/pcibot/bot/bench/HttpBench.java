package dev.pcibot.bot.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load benchmark for {@code GET /api/search} against a running service (not a test): for each
 * client count, that many virtual threads send requests back to back for a fixed time, cycling
 * through realistic questions; prints requests/s, latency p50/p99/max and non-200 replies.
 *
 * <p>Run it with {@code bench/http/run.sh} (which starts the shaded jar), or by hand:
 * <pre>
 * java -cp bot/target-http/test-classes dev.pcibot.bot.bench.HttpBench http://127.0.0.1:8080 10 1,8,32,64
 * </pre>
 * Arguments: base URL, seconds per step (default 10), client counts (default 1,8,32,64).
 */
public final class HttpBench {
    static final List<String> QUESTIONS = List.of(
            "how do i enable iommu",
            "intel_iommu=on",
            "vfio-pci ids not applied after reboot",
            "gpu passthrough code 43",
            "BAR 3: can't reserve",
            "iommu group not viable",
            "how to blacklist nouveau",
            "amd reset bug",
            "pcie_acs_override",
            "rom file for gpu",
            "interrupt remapping unsafe",
            "how to check iommu groups");

    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int[] clients = Arrays.stream((args.length > 2 ? args[2] : "1,8,32,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<URI> uris = QUESTIONS.stream()
                .map(q -> URI.create(base + "/api/search?limit=5&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
        // Warm-up: lets the JIT compile the hot paths before anything is measured.
        run(http, uris, 8, 3);
        System.out.printf(Locale.ROOT, "%8s %10s %9s %9s %9s %8s%n", "clients", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (int n : clients) {
            Step step = run(http, uris, n, seconds);
            System.out.printf(Locale.ROOT, "%8d %10.0f %9.2f %9.2f %9.2f %8d%n", n, step.perSecond(),
                    step.percentile(0.50), step.percentile(0.99), step.percentile(1.0), step.errors());
        }
    }

    record Step(long[] latenciesNanos, long errors, double seconds) {
        double perSecond() {
            return latenciesNanos.length / seconds;
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    static Step run(HttpClient http, List<URI> uris, int clients, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1 << 16];
                    int count = 0;
                    int i = client;
                    while (!stop.get()) {
                        HttpRequest request = HttpRequest.newBuilder(uris.get(i++ % uris.size())).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            errors[client]++;
                        }
                        if (count == lat.length) {
                            lat = Arrays.copyOf(lat, count * 2);
                        }
                        lat[count++] = t;
                    }
                    return Arrays.copyOf(lat, count);
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Step(all, Arrays.stream(errors).sum(), elapsed);
        }
    }
}
