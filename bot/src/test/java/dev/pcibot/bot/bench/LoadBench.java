package dev.pcibot.bot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed load on a running service (not a test): N clients, each on its own address
 * (X-Forwarded-For), each doing in turn a search, a diagnosis of a 1 MB kernel log, and a step of
 * a guided conversation over the HTTP API (pasting the healthy output of whatever command the step
 * asks for, starting a new conversation when one is done). Prints throughput, p50/p99/max and the
 * statuses per kind, and the service's resident memory (VmRSS of its pid) sampled every
 * {@code sample} seconds, with a flatness verdict for the second half of the run.
 *
 * <p>Run by {@code bench/load/run.sh}. Arguments: base URL, clients, seconds, sample seconds,
 * service pid, folder of the healthy pastes ({@code bot/src/test/resources/converse/healthy}).
 */
public final class LoadBench {
    private static final List<String> QUESTIONS = List.of("how do i enable iommu", "vfio-pci ids not applied after reboot",
            "gpu passthrough code 43", "BAR 3: can't reserve", "iommu group not viable", "amd reset bug");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile("\"step\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern ASK = Pattern.compile("\"ask\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*\"([a-z]+)\"\\s*,\\s*\"probe\"\\s*:\\s*(?:\"([^\"]+)\"|null)");
    private static final Pattern CHOICE = Pattern.compile("\"choice\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FIRST_VALUE = Pattern.compile("\"options\"\\s*:\\s*\\[\\s*\\{\\s*\"value\"\\s*:\\s*\"([^\"]+)\"");

    private static final Map<String, ConcurrentLinkedQueue<Long>> LATENCIES = new ConcurrentHashMap<>();
    private static final Map<String, Map<Integer, AtomicInteger>> STATUSES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int sampleSeconds = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        Map<String, String> pastes = pastes(Path.of(args[5]));
        String log = megabyteLog();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> rss = new ArrayList<>(); // {seconds since start, kB}
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> new Client(http, base, "10.1." + (client / 250) + "." + (client % 250 + 1), client, log, pastes)
                        .run(running));
            }
            long end = start + seconds * 1_000_000_000L;
            long nextSample = start;
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= nextSample) {
                    long at = (System.nanoTime() - start) / 1_000_000_000L;
                    long kb = rssKb(pid);
                    rss.add(new long[] {at, kb});
                    System.out.printf(Locale.ROOT, "  t=%4d s  RSS %6.0f MB  requests so far %d%n", at, kb / 1024.0, total());
                    nextSample += sampleSeconds * 1_000_000_000L;
                }
                Thread.sleep(200);
            }
            running.set(false);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        rss.add(new long[] {(long) elapsed, rssKb(pid)});
        report(elapsed, clients);
        flatness(rss);
    }

    /** One user: search, diagnose, a conversation step, again. */
    private record Client(HttpClient http, String base, String address, int n, String log, Map<String, String> pastes) {
        void run(AtomicBoolean running) {
            String conversation = null;
            for (int i = 0; running.get(); i++) {
                switch ((n + i) % 3) {
                    case 0 -> call("search", HttpRequest.newBuilder(URI.create(base + "/api/search?limit=5&q="
                            + URLEncoder.encode(QUESTIONS.get((n + i) % QUESTIONS.size()), StandardCharsets.UTF_8))).GET());
                    case 1 -> call("diagnose 1 MB", HttpRequest.newBuilder(URI.create(base + "/api/diagnose"))
                            .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(log)));
                    default -> conversation = step(conversation);
                }
            }
        }

        /** Answers the conversation's current step (or starts one); returns the conversation to go on with. */
        private String step(String current) {
            if (current == null) {
                String started = call("conversation start", json(base + "/api/conversations", "{\"vmid\":\"100\",\"symptom\":\"setup\"}"));
                return started == null ? null : current(started);
            }
            String view = current.substring(current.indexOf('\n') + 1);
            String id = current.substring(0, current.indexOf('\n'));
            Matcher step = STEP.matcher(view);
            Matcher ask = ASK.matcher(view);
            if (!step.find() || !ask.find()) {
                return null; // done or blocked: the next step starts a new one
            }
            String body;
            if (ask.group(1).equals("probe")) {
                String probe = ask.group(2);
                String paste = pastes.get(probe);
                body = paste == null
                        ? "{\"step\":" + step.group(1) + ",\"cannot\":\"" + probe + "\"}"
                        : "{\"step\":" + step.group(1) + ",\"probe\":\"" + probe + "\",\"text\":" + quote(paste) + "}";
            } else {
                Matcher choice = CHOICE.matcher(view.substring(ask.end()));
                Matcher value = FIRST_VALUE.matcher(view);
                if (!choice.find() || !value.find()) {
                    return null;
                }
                body = "{\"step\":" + step.group(1) + ",\"choice\":\"" + choice.group(1) + "\",\"value\":\"" + value.group(1) + "\"}";
            }
            String next = call("conversation step", json(base + "/api/conversations/" + id + "/answers", body));
            return next == null ? null : current(next);
        }

        /** "id\nview" while the conversation asks something, else null. */
        private static String current(String view) {
            Matcher id = ID.matcher(view);
            Matcher status = STATUS.matcher(view);
            if (!id.find() || !status.find() || !status.group(1).equals("asking")) {
                return null;
            }
            return id.group(1) + "\n" + view;
        }

        private HttpRequest.Builder json(String url, String body) {
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        /** Sends, records latency and status; the body when 2xx, else null. */
        private String call(String kind, HttpRequest.Builder request) {
            HttpRequest r = request.timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", address).build();
            long t0 = System.nanoTime();
            int status;
            String body = null;
            try {
                HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status / 100 == 2) {
                    body = response.body();
                }
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = -1;
            }
            LATENCIES.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
            STATUSES.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(status, s -> new AtomicInteger())
                    .incrementAndGet();
            return body;
        }
    }

    private static void report(double elapsed, int clients) {
        System.out.printf(Locale.ROOT, "== %d clients, %.0f s: %d requests, %.1f requests/s%n", clients, elapsed, total(),
                total() / elapsed);
        System.out.printf(Locale.ROOT, "%-20s %7s %8s %9s %9s %9s  %s%n", "kind", "n", "per s", "p50 ms", "p99 ms", "max ms",
                "statuses (-1 = no answer)");
        int shed = 0;
        int failed = 0;
        for (String kind : new TreeMap<>(LATENCIES).keySet()) {
            List<Long> l = new ArrayList<>(LATENCIES.get(kind));
            l.sort(null);
            Map<Integer, AtomicInteger> statuses = new TreeMap<>(STATUSES.get(kind));
            for (var e : statuses.entrySet()) {
                if (e.getKey() == 429 || e.getKey() == 503) {
                    shed += e.getValue().get();
                } else if (e.getKey() / 100 != 2) {
                    failed += e.getValue().get();
                }
            }
            System.out.printf(Locale.ROOT, "%-20s %7d %8.1f %9.1f %9.1f %9.1f  %s%n", kind, l.size(), l.size() / elapsed,
                    pct(l, 0.50), pct(l, 0.99), l.get(l.size() - 1) / 1e6, statuses);
        }
        System.out.println("== turned away busy (429/503, the service's load shedding): " + shed
                + "; errors (any other status but 2xx, or no answer): " + failed);
    }

    /** Flat = the second half's RSS range stays within 10 % of its start (the first half is warm-up). */
    private static void flatness(List<long[]> rss) {
        if (rss.size() < 4) {
            System.out.println("== RSS: too few samples to judge flatness");
            return;
        }
        List<long[]> second = rss.subList(rss.size() / 2, rss.size());
        long first = second.get(0)[1];
        long last = second.get(second.size() - 1)[1];
        long max = second.stream().mapToLong(s -> s[1]).max().orElseThrow();
        long min = second.stream().mapToLong(s -> s[1]).min().orElseThrow();
        double growth = 100.0 * (last - first) / first;
        System.out.printf(Locale.ROOT, "== RSS second half: %.0f -> %.0f MB (min %.0f, max %.0f, %+.1f %%): %s%n", first / 1024.0,
                last / 1024.0, min / 1024.0, max / 1024.0, growth, Math.abs(growth) <= 10 ? "flat" : "NOT flat");
    }

    private static long total() {
        return LATENCIES.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** 1 MB of ordinary kernel lines with a real finding at the end: what a user pastes from journalctl -k. */
    private static String megabyteLog() {
        StringBuilder log = new StringBuilder(1 << 20);
        String[] lines = {"[    0.000000] Linux version 6.8.12-4-pve (build@proxmox) #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4",
                "[    0.071806] DMAR: IOMMU enabled", "[    1.204512] pci 0000:00:1c.0: PCI bridge to [bus 02]",
                "[    2.345678] usb 1-1: new high-speed USB device number 2 using xhci_hcd",
                "[    3.456789] EXT4-fs (dm-1): mounted filesystem with ordered data mode. Quota mode: none."};
        for (int i = 0; log.length() < (1 << 20) - 200; i++) {
            log.append(lines[i % lines.length]).append('\n');
        }
        log.append("[    5.123456] vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0xd0000000-0xd1ffffff 64bit pref]\n");
        return log.toString();
    }

    private static Map<String, String> pastes(Path folder) throws IOException {
        Map<String, String> pastes = new HashMap<>();
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".txt")) {
                    pastes.put(name.substring(0, name.length() - 4), Files.readString(p));
                }
            }
        }
        return pastes;
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
