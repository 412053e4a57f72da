package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.e2e.BotUnderTest.fixture;
import static dev.pcibot.bot.discord.e2e.BotUnderTest.newUser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.InteractionPayloads;
import dev.pcibot.bot.discord.fake.Json;
import dev.pcibot.bot.discord.fake.RecordedCall;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.bot.discord.fake.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Latency through the fake Discord (not a test: run it by hand, see bench/discord/README.md):
 * interaction to acknowledgement and interaction to the reply the user sees, p50/p99, with 1 and
 * with 100 interactions in flight, for {@code /ask} and for {@code /diagnose} with a 5 MB log
 * attachment. Also writes the exact JSON of three replies (an answer, a diagnosis with three
 * findings, a "no good answer") as the fake received them.
 *
 * <p>Times are taken by the fake: from just before it writes INTERACTION_CREATE to the gateway to
 * when it has read the callback (ack) or the message the user sees (the callback itself, or the
 * first edit of the original after a deferral). Arguments: {@code [output.json [property=value...]]},
 * e.g. {@code discord.workers=1} to try another setting of the service.
 */
public final class DiscordBench {
    private static final Duration REPLY_WAIT = Duration.ofMinutes(10);
    private static final int LOG_BYTES = 5 * 1024 * 1024;
    private static final List<String> QUESTIONS = List.of(
            "How do I enable IOMMU on an Intel CPU?",
            "vfio-pci ids in modprobe.d",
            "what does pcie_acs_override do",
            "BAR 3: can't reserve",
            "check IOMMU groups",
            "blacklist nouveau driver",
            "GPU passthrough with OVMF and q35",
            "interrupt remapping not supported",
            "AMD reset bug vendor-reset",
            "initramfs update after changing modules");

    private DiscordBench() {}

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "bench/discord/sample-replies.json");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "discord.rate-limit.requests", 1_000_000,
                "discord.queue", 1000));
        for (int i = 1; i < args.length; i++) { // e.g. discord.workers=1
            String[] pair = args[i].split("=", 2);
            properties.put(pair[0], pair.length == 2 ? pair[1] : "");
        }
        System.out.println("properties: " + properties);
        long started = System.nanoTime();
        try (BotUnderTest bot = BotUnderTest.start(properties)) {
            FakeDiscord discord = bot.discord;
            System.out.printf(Locale.ROOT, "service and fake Discord ready in %.1f s (%d cores)%n",
                    (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors());
            writeSamples(discord, output);

            byte[] log = fiveMegabyteLog();
            Supplier<InteractionPayloads.Builder> ask = new Supplier<>() {
                private int next;

                @Override
                public InteractionPayloads.Builder get() {
                    return InteractionPayloads.slash("ask").option("question", QUESTIONS.get(next++ % QUESTIONS.size()))
                            .by(newUser());
                }
            };
            Supplier<InteractionPayloads.Builder> diagnose = () -> InteractionPayloads.slash("diagnose")
                    .attachment("file", discord.attachment("journal.log", "text/plain; charset=utf-8", log))
                    .by(newUser());

            run(discord, ask, 1, 20); // warm-up: JIT, index caches, connection pools
            run(discord, diagnose, 1, 2);
            discord.takeViolations();

            List<Row> rows = new ArrayList<>();
            rows.add(measure(discord, "/ask", ask, 1, 100));
            rows.add(measure(discord, "/ask", ask, 100, 300));
            rows.add(measure(discord, "/diagnose 5 MB file", diagnose, 1, 10));
            rows.add(measure(discord, "/diagnose 5 MB file", diagnose, 100, 100));

            rows.add(baseline(100, 300));

            System.out.println();
            System.out.println("| command | in flight | n | ack p50 | ack p99 | ack max | reply p50 | reply p99 | reply max | late acks (>3 s) | other violations |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            rows.forEach(row -> System.out.println(row.markdown()));
            bot.jdaErrors.errors().forEach(error -> System.out.println("JDA ERROR: " + error));
        }
        System.out.printf(Locale.ROOT, "%ntotal %.0f s; sample replies in %s%n", (System.nanoTime() - started) / 1e9, output);
        System.exit(0); // JDA's and OkHttp's non-daemon threads may linger a few seconds
    }

    /**
     * The floor: the same fake and JDA with a listener that only defers and edits, no Micronaut, no
     * knowledge base. What the fake, JDA and the machine cost by themselves.
     */
    private static Row baseline(int inFlight, int total) {
        try (FakeDiscord discord = FakeDiscord.start()) {
            JDA jda = JDABuilder.createLight(discord.token(), List.of())
                    .setRestConfig(new RestConfig().setBaseUrl(discord.restBase()))
                    .setSessionController(new ConcurrentSessionController() {
                        @Override
                        public String getGateway() {
                            return discord.gatewayUrl();
                        }
                    })
                    .setCompression(Compression.NONE)
                    .addEventListeners(new ListenerAdapter() {
                        @Override
                        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                            event.deferReply(true).queue();
                            event.getHook().editOriginal("done").setAllowedMentions(List.of()).queue();
                        }
                    })
                    .build();
            try {
                jda.awaitReady();
                Supplier<InteractionPayloads.Builder> ping = () -> InteractionPayloads.slash("ping").by(newUser());
                run(discord, ping, inFlight, 100); // warm-up
                discord.takeViolations();
                return measure(discord, "bare JDA listener (defer, edit)", ping, inFlight, total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                // shutdownNow() interrupts requests still queued, which JDA logs as ERRORs: stop gently
                jda.shutdown();
                try {
                    jda.awaitShutdown(java.time.Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One line of the table. */
    private record Row(String command, int inFlight, long[] ackNanos, long[] replyNanos, long late, long other) {
        String markdown() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %d | %d |",
                    command, inFlight, ackNanos.length,
                    ms(percentile(ackNanos, 50)), ms(percentile(ackNanos, 99)), ms(ackNanos[ackNanos.length - 1]),
                    ms(percentile(replyNanos, 50)), ms(percentile(replyNanos, 99)), ms(replyNanos[replyNanos.length - 1]),
                    late, other);
        }
    }

    private static Row measure(FakeDiscord discord, String name, Supplier<InteractionPayloads.Builder> next,
            int inFlight, int total) {
        List<SentInteraction> done = run(discord, next, inFlight, total);
        long[] acks = done.stream().mapToLong(SentInteraction::ackLatencyNanos).sorted().toArray();
        long[] replies = done.stream().mapToLong(SentInteraction::replyLatencyNanos).sorted().toArray();
        List<Violation> violations = discord.takeViolations();
        long late = violations.stream().filter(v -> v.rule().equals("ack-deadline")).count();
        violations.stream().filter(v -> !v.rule().equals("ack-deadline")).limit(5)
                .forEach(v -> System.out.println("  violation: " + v));
        Row row = new Row(name, inFlight, acks, replies, late, violations.size() - late);
        System.out.println(row.markdown());
        return row;
    }

    /** Sends {@code total} interactions in waves of {@code inFlight} dispatched at once; waits for every reply. */
    private static List<SentInteraction> run(FakeDiscord discord, Supplier<InteractionPayloads.Builder> next,
            int inFlight, int total) {
        List<SentInteraction> all = new ArrayList<>();
        for (int sent = 0; sent < total; sent += inFlight) {
            List<SentInteraction> wave = new ArrayList<>();
            List<InteractionPayloads.Builder> payloads = new ArrayList<>();
            for (int i = 0; i < Math.min(inFlight, total - sent); i++) {
                payloads.add(next.get()); // built before the clock starts
            }
            payloads.forEach(payload -> wave.add(discord.send(payload)));
            wave.forEach(interaction -> interaction.awaitReply(REPLY_WAIT));
            all.addAll(wave);
        }
        return all;
    }

    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // nearest rank
        return sorted[Math.max(0, rank - 1)];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    /**
     * A 5 MB kernel log: ordinary boot and runtime lines (written for this benchmark, in the format
     * of {@code dmesg}) with the three-findings paste at the end, so the diagnosis reads all of it.
     */
    static byte[] fiveMegabyteLog() {
        String[] benign = {
            "pci 0000:00:1c.0: PCI bridge to [bus 02]",
            "pci 0000:01:00.0: [10de:1b80] type 00 class 0x030000 PCIe Legacy Endpoint",
            "DMAR: dmar0: Using Queued invalidation",
            "usb 1-4: new high-speed USB device number 3 using xhci_hcd",
            "e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
            "vmbr0: port 1(eno1) entered forwarding state",
            "EXT4-fs (dm-1): mounted filesystem with ordered data mode. Quota mode: none.",
            "vfio-pci 0000:01:00.0: vgaarb: VGA decodes changed: olddecodes=io+mem,decodes=io+mem:owns=none",
            "fwbr100i0: port 2(tap100i0) entered blocking state",
            "kvm: kvm [2313]: ignored rdmsr: 0xc0011029 data 0x0",
        };
        StringBuilder text = new StringBuilder(LOG_BYTES + 4096).append("root@pve:~# dmesg\n");
        long micros = 0;
        for (int i = 0; text.length() < LOG_BYTES - 1024; i++) {
            micros += 1_337 + (i % 97) * 13;
            text.append(String.format(Locale.ROOT, "[%5d.%06d] %s%n", micros / 1_000_000, micros % 1_000_000,
                    benign[i % benign.length]));
        }
        text.append(fixture("three-findings.txt"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The exact JSON of three replies as the fake received them; interaction tokens replaced by {token}. */
    private static void writeSamples(FakeDiscord discord, Path output) throws IOException {
        ArrayNode samples = Json.array();
        samples.add(sample("an answer", "/ask question: How do I enable IOMMU on an Intel CPU?", discord.send(
                InteractionPayloads.slash("ask").option("question", "How do I enable IOMMU on an Intel CPU?").by(newUser()))));
        samples.add(sample("a diagnosis with three findings", "/diagnose text: <three-findings.txt>", discord.send(
                InteractionPayloads.slash("diagnose").option("text", fixture("three-findings.txt")).by(newUser()))));
        samples.add(sample("no good answer", "/ask question: best pizza topping in naples tonight", discord.send(
                InteractionPayloads.slash("ask").option("question", "best pizza topping in naples tonight").by(newUser()))));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, Json.pretty(samples) + "\n");
    }

    private static ObjectNode sample(String what, String command, SentInteraction interaction) {
        Reply reply = interaction.awaitReply();
        RecordedCall ack = interaction.awaitAck();
        ObjectNode sample = Json.object();
        sample.put("what", what);
        sample.put("interaction", command);
        sample.put("acknowledgement", redact(ack.requestLine(), interaction));
        sample.set("acknowledgement_body", ack.json());
        sample.put("reply", redact(reply.call().requestLine(), interaction));
        sample.set("reply_body", Json.parse(reply.call().body()));
        ArrayNode files = sample.putArray("reply_files");
        reply.files().forEach(file -> files.addObject().put("part", file.partName()).put("filename", file.filename())
                .put("bytes", file.bytes().length));
        sample.put("ephemeral", reply.ephemeral());
        sample.put("ack_ms", interaction.ackLatencyNanos() / 1_000_000);
        sample.put("reply_ms", interaction.replyLatencyNanos() / 1_000_000);
        return sample;
    }

    private static String redact(String requestLine, SentInteraction interaction) {
        return requestLine.replace(interaction.token(), "{token}").replace(Long.toString(interaction.id()), "{id}");
    }
}
