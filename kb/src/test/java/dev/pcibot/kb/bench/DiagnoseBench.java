package dev.pcibot.kb.bench;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark, not a test: how fast {@link Diagnoser#diagnose(InputStream)} reads a large kernel log,
 * next to {@code grep -E -c} with the same trigger literals on the same file, plus the peak heap.
 * Generates a realistic log (boot, USB, storage, network, audit and bridge lines, half in {@code
 * dmesg} and half in {@code journalctl -k} form) with the interesting messages scattered through it.
 * grep's count is read from a pipe, not sent to /dev/null: GNU grep notices /dev/null and stops at
 * the first match, which would time nothing.
 *
 * <p>Run from the repository root (size in MB, default 48; stays under the 64 MiB input limit):
 *
 * <pre>
 * ./mvnw -B -o -q -pl kb -am test-compile -Dbuild.dir.name=target-bench
 * ./mvnw -B -o -q -pl kb dependency:build-classpath -Dbuild.dir.name=target-bench -Dmdep.outputFile=/tmp/kb.cp
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx256m \
 *   -cp kb/target-bench/test-classes:kb/target-bench/classes:content/target-bench/classes:ingest/target-bench/classes:$(cat /tmp/kb.cp) \
 *   dev.pcibot.kb.bench.DiagnoseBench 48
 * </pre>
 */
public final class DiagnoseBench {
    private static final String[] NOISE = {
        "usb 1-%d: new high-speed USB device number %d using xhci_hcd",
        "EXT4-fs (dm-%d): mounted filesystem %d with ordered data mode. Quota mode: none.",
        "audit: type=1400 audit(1700000000.%d:%d): apparmor=\"STATUS\" operation=\"profile_load\" profile=\"unconfined\" name=\"lxc-container-default\" pid=%d comm=\"apparmor_parser\"",
        "vmbr0: port %d(tap%di0) entered forwarding state",
        "pci 0000:00:1f.%d: [8086:a3%02x] type 00 class 0x040300 conventional PCI endpoint",
        "nvme nvme%d: %d/0/0 default/read/poll queues",
        "igb 0000:0%d:00.0 eno%d: igb: eno1 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX/TX",
        "fwbr%di0: port 1(fwln%di0) entered blocking state",
        "zfs: module license 'CDDL' taints kernel; pool %d imported, txg %d",
        "perf: interrupt took too long (%d > %d), lowering kernel.perf_event_max_sample_rate to 79750",
        "sd %d:0:0:0: [sda] Attached SCSI disk, %d logical blocks",
        "systemd[1]: Started session-%d.scope - Session %d of User root.",
    };
    private static final String[] INTERESTING = {
        "vfio-pci 0000:01:00.0: BAR 1: can't reserve [mem 0xc0000000-0xcfffffff 64bit pref]",
        "DMAR: DRHD: handling fault status reg 3",
        "vfio-pci 0000:01:00.0: ready 1023ms after FLR",
        "vfio-pci 0000:01:00.0: vfio_ecap_init: hiding ecap 0x19@0x900",
        "genirq: Flags mismatch irq 16. 00000000 (vfio-intx(0000:03:00.0)) vs. 00000080 (ehci_hcd:usb1)",
        "pcieport 0000:00:01.0: AER: Uncorrected (Fatal) error received: 0000:01:00.0",
    };

    private static String grepCount = "";

    private DiagnoseBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        Path log = Files.createTempFile("diagnose-bench", ".log");
        try {
            long bytes = generate(log, megabytes * 1024L * 1024L);
            List<String> literals = literals();
            Diagnoser diagnoser = Diagnoser.withoutCitations();
            diagnose(diagnoser, log); // warm-up
            resetPeaks();
            long ours = Long.MAX_VALUE;
            Diagnosis result = null;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                result = diagnose(diagnoser, log);
                ours = Math.min(ours, System.nanoTime() - t);
            }
            long peakHeap = peakHeap();
            long grep = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                grep = Math.min(grep, grep(log, literals));
            }
            double mb = bytes / (1024.0 * 1024.0);
            System.out.printf("input             %.1f MB, %d trigger literals%n", mb, literals.size());
            System.out.printf("Diagnoser         %8.1f MB/s  (%d ms, best of 3)%n", mb / (ours / 1e9), ours / 1_000_000);
            System.out.printf("grep -E -c        %8.1f MB/s  (%d ms, best of 3; %s lines matched)%n", mb / (grep / 1e9),
                    grep / 1_000_000, grepCount);
            System.out.printf("ratio             %8.2f of grep's throughput%n", (double) grep / ours);
            System.out.printf("peak heap used    %8.1f MB (all heap pools, during the timed runs)%n", peakHeap / (1024.0 * 1024.0));
            System.out.println("findings          " + result.findings().stream().map(f -> f.id() + " x" + f.evidence().size())
                    .toList());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Diagnosis diagnose(Diagnoser diagnoser, Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return diagnoser.diagnose(in);
        }
    }

    /** The prefilter literals of the message table, the same triggers grep is given. */
    private static List<String> literals() throws IOException {
        List<String> literals = new ArrayList<>();
        try (InputStream in = Finding.class.getResourceAsStream("/content/diagnose/patterns.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String literal = line.split("\t")[1];
                    if (!literals.contains(literal)) {
                        literals.add(literal);
                    }
                }
            }
        }
        return literals;
    }

    private static long grep(Path log, List<String> literals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("grep", "-E", "-c"));
        for (String literal : literals) {
            command.add("-e");
            command.add(literal.replaceAll("([\\\\.\\[\\](){}*+?^$|])", "\\\\$1"));
        }
        command.add(log.toString());
        long t = System.nanoTime();
        // grep -c prints one number; reading it is part of the run, as a caller would
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String count = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        int exit = p.waitFor();
        long elapsed = System.nanoTime() - t;
        if (exit > 1) {
            throw new IllegalStateException("grep failed with exit code " + exit);
        }
        grepCount = count;
        return elapsed;
    }

    private static long generate(Path file, long size) throws IOException {
        Random random = new Random(42);
        long written = 0;
        long line = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < size) {
                line++;
                double seconds = line / 50.0;
                String message = line % 2_500 == 0
                        ? INTERESTING[random.nextInt(INTERESTING.length)]
                        : String.format(NOISE[random.nextInt(NOISE.length)], random.nextInt(9), random.nextInt(4000),
                                random.nextInt(90000));
                String text = line % 2 == 0
                        ? String.format("[%12.6f] %s%n", seconds, message)
                        : String.format("Nov 21 %02d:%02d:%02d pve kernel: %s%n", (int) (seconds / 3600) % 24,
                                (int) (seconds / 60) % 60, (int) seconds % 60, message);
                w.write(text);
                written += text.length();
            }
        }
        return written;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
