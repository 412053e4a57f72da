package dev.pcibot.bot.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What hostile clients cost everyone else (not a test): 8 hostile clients send what used to stop
 * the service (64 KiB lines that made the pattern table backtrack, 60 KB search queries, long runs
 * of spaces for the parsers) while 16 normal clients search and diagnose small pastes and one probe
 * reads {@code /api/health}. Each client has its own address (X-Forwarded-For; the service is
 * started with {@code MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER=X-Forwarded-For}), so the per-client
 * limits apply as they would on the internet. Prints latency p50/p99/max and the statuses per kind.
 *
 * <p>Run by {@code bench/http/hostile.sh}. Arguments: base URL, seconds (default 30).
 */
public final class HostileLoadBench {
    private static final List<String> QUESTIONS = List.of("how do i enable iommu", "vfio-pci ids not applied after reboot",
            "gpu passthrough code 43", "BAR 3: can't reserve", "iommu group not viable", "amd reset bug");
    private static final String SMALL_PASTE = "[    0.071806] DMAR: IOMMU enabled\n"
            + "[    1.234567] vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0xd0000000-0xd1ffffff 64bit pref]\n";

    record Kind(String name, boolean hostile) {}

    private static final Map<String, ConcurrentLinkedQueue<Long>> LATENCIES = new ConcurrentHashMap<>();
    private static final Map<String, Map<Integer, AtomicInteger>> STATUSES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequestFactory> hostile = hostileRequests(base);
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 8; c++) {
                int client = c;
                pool.submit(() -> loop(http, running, "hostile", i -> hostile.get((client + i) % hostile.size()).make("10.0.1." + client)));
            }
            for (int c = 0; c < 16; c++) {
                int client = c;
                pool.submit(() -> loop(http, running, null, i -> (client + i) % 2 == 0
                        ? new Named("normal search", get(base + "/api/search?limit=5&q="
                                + URLEncoder.encode(QUESTIONS.get((client + i) % QUESTIONS.size()), StandardCharsets.UTF_8), "10.0.2." + client))
                        : new Named("normal diagnose", post(base + "/api/diagnose", SMALL_PASTE, "10.0.2." + client))));
            }
            pool.submit(() -> loop(http, running, null, i -> {
                sleep(200);
                return new Named("health", get(base + "/api/health", "10.0.3.1"));
            }));
            Thread.sleep(seconds * 1000L);
            running.set(false);
        }
        System.out.printf(Locale.ROOT, "%-22s %7s %9s %9s %9s  %s%n", "kind", "n", "p50 ms", "p99 ms", "max ms", "statuses");
        for (String kind : new TreeMap<>(LATENCIES).keySet()) {
            List<Long> l = new ArrayList<>(LATENCIES.get(kind));
            l.sort(null);
            System.out.printf(Locale.ROOT, "%-22s %7d %9.1f %9.1f %9.1f  %s%n", kind, l.size(), pct(l, 0.50), pct(l, 0.99),
                    l.get(l.size() - 1) / 1e6, new TreeMap<>(STATUSES.get(kind)));
        }
    }

    interface HttpRequestFactory {
        Named make(String address);
    }

    record Named(String kind, HttpRequest request) {}

    interface Next {
        Named at(int i);
    }

    private static List<HttpRequestFactory> hostileRequests(String base) {
        String amdgpu = "amdgpu: " + "PSP ".repeat(16_000);                      // the backtracking row, 64 KiB
        String romHang = "hangs ".repeat(10_900) + "Booting from ROM";            // (?:hang|...).{0,60}Booting
        String lspciSpaces = "01:00.0 VGA compatible controller:" + " ".repeat(65_000) + "x";
        String uname = "Linux pve" + " ".repeat(65_000) + "6.8.12-4-pve";
        String query = "a ".repeat(30_000);                                          // 60 KB question
        return List.of(
                a -> new Named("hostile diagnose", post(base + "/api/diagnose", amdgpu, a)),
                a -> new Named("hostile diagnose", post(base + "/api/diagnose", romHang, a)),
                a -> new Named("hostile diagnose", post(base + "/api/diagnose", "root@pve:~# lspci -nnk\n" + lspciSpaces, a)),
                a -> new Named("hostile diagnose", post(base + "/api/diagnose", "root@pve:~# uname -a\n" + uname, a)),
                a -> new Named("hostile search", get(base + "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), a)));
    }

    private static void loop(HttpClient http, AtomicBoolean running, String unused, Next next) {
        for (int i = 0; running.get(); i++) {
            Named n = next.at(i);
            long t0 = System.nanoTime();
            int status;
            try {
                status = http.send(n.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            LATENCIES.computeIfAbsent(n.kind(), k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
            STATUSES.computeIfAbsent(n.kind(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static HttpRequest get(String url, String address) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", address).GET().build();
    }

    private static HttpRequest post(String url, String body, String address) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", address)
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
