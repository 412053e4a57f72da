package dev.pcibot.bot.probe;

import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.kb.diagnose.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Probe latency through the fake PVE API over real TLS on 127.0.0.1 (not a test: run it with
 * bench/probes/run.sh): per API probe, the transport alone (requests, TLS, gzip, JSON to text) and
 * the whole runner (argument, authorization, limits, audit in H2, diagnosis), p50 and p99 over
 * {@code runs} sequential runs after a warm-up. The fake answers at once; a real node adds its own
 * time (and 3 s for a refused token).
 */
public final class ProbeLatencyBench {
    private ProbeLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        TestCertificates certs = TestCertificates.create();
        Path dir = Files.createTempDirectory("pcibot-probe-bench");
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            String pin = TestCertificates.fingerprint(certs.selfSigned);
            PveApiTransport transport = new PveApiTransport(TestNodes.pinned(api, dir, pin));
            ProbeWorld world = new ProbeWorld(api, dir, pin, Integer.MAX_VALUE);
            System.out.printf(Locale.ROOT, "%-14s %8s %8s %10s %10s  (ms, %d runs each, API transport, fake PVE on 127.0.0.1)%n",
                    "probe", "p50", "p99", "runner p50", "runner p99", runs);
            for (Probe p : List.of(Probe.KERNEL_IOMMU, Probe.IRQ_REMAPPING, Probe.IOMMU_GROUPS, Probe.PCI_JSON, Probe.QM_CONFIG,
                    Probe.NODE_STATUS, Probe.VERSION)) {
                String arg = p == Probe.QM_CONFIG ? "100" : null;
                ProbeCall call = new ProbeCall("pve1", p, arg, Duration.ofSeconds(25), 262_144);
                double[] t = time(runs, () -> transport.run(call));
                double[] r = time(runs, () -> world.runner.run(ProbeWorld.ask(EntryPoint.SLASH, ProbeWorld.GUILD,
                        ProbeWorld.CHANNEL, ProbeWorld.ADMIN, "pve1", p, arg)));
                System.out.printf(Locale.ROOT, "%-14s %8.2f %8.2f %10.2f %10.2f%n", p.id(), pct(t, 50), pct(t, 99), pct(r, 50), pct(r, 99));
            }
        }
    }

    interface Run {
        Object run() throws Exception;
    }

    private static double[] time(int runs, Run run) throws Exception {
        for (int i = 0; i < Math.max(20, runs / 10); i++) {
            run.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
