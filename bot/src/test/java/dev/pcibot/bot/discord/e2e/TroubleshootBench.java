package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.e2e.BotUnderTest.newUser;
import static dev.pcibot.bot.discord.e2e.DiscordBench.ms;
import static dev.pcibot.bot.discord.e2e.DiscordBench.percentile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.InteractionPayloads;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.bot.discord.fake.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Guided conversations in flight at once through the fake Discord (not a test: run it by hand, see
 * bench/discord/README.md): {@code N} users each start {@code /troubleshoot} and walk a healthy host
 * to its summary, every conversation one step ahead per wave, so {@code N} steps are always in
 * flight. A step is a click on "Paste the output" (the form opens) and the form's submit (the step
 * message is edited): its latency is from the submit's dispatch to the edited message. Arguments:
 * {@code [conversations [property=value...]]}.
 */
public final class TroubleshootBench {
    private static final Duration REPLY_WAIT = Duration.ofMinutes(5);
    private static final int MAX_STEPS = 8;

    private TroubleshootBench() {}

    /** One walking user: their id, the step message's id, and its latest content. */
    private static final class Walker {
        final long user = newUser();
        long messageId;
        Reply shown;
        boolean done;
    }

    public static void main(String[] args) {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Map<String, Object> properties = new HashMap<>(Map.of("discord.rate-limit.requests", 1_000_000, "discord.queue", 1000));
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            properties.put(pair[0], pair.length == 2 ? pair[1] : "");
        }
        try (BotUnderTest bot = BotUnderTest.start(properties)) {
            FakeDiscord discord = bot.discord;
            walk(discord, 5); // warm-up: JIT, index caches, the database's pool
            discord.takeViolations();
            long started = System.nanoTime();
            Result r = walk(discord, conversations);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Violation> violations = discord.takeViolations();
            long[] steps = r.stepNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] acks = r.ackNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%d conversations, %d steps (%d to a summary) in %.1f s: %.1f steps/s%n",
                    conversations, steps.length, r.summaries, seconds, steps.length / seconds);
            System.out.println("| in flight | steps | step p50 | step p99 | step max | ack p50 | ack p99 | ack max | errors |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %d |%n", conversations, steps.length,
                    ms(percentile(steps, 50)), ms(percentile(steps, 99)), ms(steps[steps.length - 1]),
                    ms(percentile(acks, 50)), ms(percentile(acks, 99)), ms(acks[acks.length - 1]),
                    r.errors + violations.size() + bot.jdaErrors.errors().size());
            violations.stream().limit(5).forEach(v -> System.out.println("  violation: " + v));
            bot.jdaErrors.errors().stream().limit(5).forEach(e -> System.out.println("  JDA ERROR: " + e));
        }
        System.exit(0); // JDA's and OkHttp's non-daemon threads may linger a few seconds
    }

    private record Result(List<Long> stepNanos, List<Long> ackNanos, int summaries, int errors) {}

    private static Result walk(FakeDiscord discord, int conversations) {
        List<Walker> walkers = new ArrayList<>();
        List<SentInteraction> starts = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        List<Long> acks = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < conversations; i++) {
            Walker w = new Walker();
            walkers.add(w);
            starts.add(discord.send(InteractionPayloads.slash("troubleshoot").option("vmid", "100").option("symptom", "setup")
                    .by(w.user)));
        }
        for (int i = 0; i < conversations; i++) {
            walkers.get(i).shown = starts.get(i).awaitReply(REPLY_WAIT);
            walkers.get(i).messageId = starts.get(i).originalMessageId();
            acks.add(starts.get(i).ackLatencyNanos());
        }
        for (int wave = 0; wave < MAX_STEPS; wave++) {
            List<Walker> open = walkers.stream().filter(w -> !w.done).toList();
            if (open.isEmpty()) {
                break;
            }
            List<SentInteraction> clicks = new ArrayList<>();
            for (Walker w : open) {
                clicks.add(discord.send(InteractionPayloads.button(w.shown.customIdStartingWith("ts:paste:"),
                        discord.message(w.messageId).orElseThrow()).by(w.user)));
            }
            List<SentInteraction> submits = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                Walker w = open.get(i);
                Reply form = clicks.get(i).awaitReply(REPLY_WAIT);
                acks.add(clicks.get(i).ackLatencyNanos());
                String formId = form.message().path("custom_id").asText();
                submits.add(discord.send(InteractionPayloads.modalSubmit(formId, Map.of("output", paste(probeAsked(w.shown))))
                        .message(discord.message(w.messageId).orElseThrow()).by(w.user)));
            }
            for (int i = 0; i < open.size(); i++) {
                Walker w = open.get(i);
                Reply edited = submits.get(i).awaitReply(REPLY_WAIT);
                acks.add(submits.get(i).ackLatencyNanos());
                steps.add(submits.get(i).replyLatencyNanos());
                if (edited.textDisplays().isEmpty()) {
                    errors++;
                    w.done = true;
                    continue;
                }
                w.shown = edited;
                w.done = !edited.heading().contains("step");
            }
        }
        int summaries = (int) walkers.stream()
                .filter(w -> w.shown.heading().contains("summary")).count();
        errors += conversations - summaries;
        return new Result(steps, acks, summaries, errors);
    }

    private static String probeAsked(Reply shown) {
        String d = shown.text();
        for (String probe : List.of("kernel-iommu:dmesg | grep", "iommu-groups:find /sys/kernel/iommu_groups",
                "vfio-modules:lsmod", "lspci-nnk:lspci -nnk", "qm-config:qm config")) {
            String[] p = probe.split(":", 2);
            if (d.contains(p[1])) {
                return p[0];
            }
        }
        throw new IllegalStateException("no known command in " + d);
    }

    private static String paste(String probe) {
        try (InputStream in = TroubleshootBench.class.getResourceAsStream("/converse/healthy/" + probe + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
