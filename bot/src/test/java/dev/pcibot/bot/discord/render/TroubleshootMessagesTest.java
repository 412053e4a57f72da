package dev.pcibot.bot.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.Json;
import dev.pcibot.kb.converse.Ask;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Step;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The step message in Components V2 at its longest: the many-findings paste (test resources
 * discord/, real kernel and QEMU lines), every finding with three long citations, long gaps and
 * notices, in each state. Checked by the fake Discord's own V2 rules (4,000 characters of text,
 * 40 components, no content or embeds, balanced fences).
 */
final class TroubleshootMessagesTest {
    private static final TroubleshootMessages.Ids IDS = new TroubleshootMessages.Ids() {
        private String id(String action) {
            return "ts:" + action + ":0f8fad5b-d9cb-469f-a165-70867728950e:12";
        }
        @Override public String paste() { return id("paste"); }
        @Override public String cannot() { return id("cannot"); }
        @Override public String pick(String value) { return id("pick") + ":" + value; }
        @Override public String back() { return id("back"); }
        @Override public String startOver() { return id("over"); }
        @Override public String stop() { return id("stop"); }
        @Override public String share() { return id("share"); }
    };

    @ParameterizedTest
    @EnumSource(Step.Status.class)
    void theLongestRealStepKeepsEveryComponentsV2Limit(Step.Status status) throws IOException {
        // given: every finding of a real paste, each citing the guide three times over
        Diagnosis diagnosis = Diagnoser.withoutCitations().diagnose(resource("/discord/many-findings.txt"));
        List<Finding> findings = diagnosis.findings().stream()
                .map(f -> new Finding(f.id(), f.severity(), f.title(), f.evidence(), f.meaning(), f.fix(),
                        Collections.nCopies(3, Samples.ADMIN_GUIDE), f.detail()))
                .toList();
        assertTrue(findings.size() >= 5, "a paste with many findings: " + findings.size());
        Ask ask = status == Step.Status.DONE ? null : status == Step.Status.BLOCKED
                ? new Ask.RunProbe("kernel-iommu", "dmesg | grep -e DMAR -e IOMMU -e AMD-Vi", "x".repeat(600), "whether the IOMMU is on", true)
                : new Ask.Pick(Choice.SYMPTOM);
        List<String> gaps = Collections.nCopies(8, "find /sys/kernel/iommu_groups/ -type l | sort -V " + "y".repeat(120));
        List<String> notices = Collections.nCopies(4, "A long notice about the paste. ".repeat(10));
        Step step = new Step(12, status, diagnosis, findings, ask, gaps, notices, "grub");

        // when
        MessageCreateData message = TroubleshootMessages.render(step, IDS);
        String json = message.toData().toString();

        // then
        assertTrue(message.isUsingComponentsV2());
        assertEquals(List.of(), FakeDiscord.limitProblems(json), json);
        assertTrue(json.contains("Troubleshooting"), json);
        if (status != Step.Status.ASKING) {
            assertTrue(json.contains(findings.get(0).id()), "the worst finding is shown in full: " + json);
            int text = Json.parse(json).path("components").findParents("type").stream()
                    .filter(c -> c.path("type").asInt() == 10).mapToInt(c -> c.path("content").asText().length()).sum();
            assertTrue(text > 2000, "the budget is used, not wasted: " + text + " characters");
            long shown = findings.stream().filter(f -> json.contains("(`" + f.id() + "`)")).count();
            assertTrue(shown >= 2, "more than one finding in full: " + shown);
        }
    }

    @ParameterizedTest
    @EnumSource(Step.Status.class)
    void aStepOfNothingYetStillRenders(Step.Status status) {
        Ask ask = status == Step.Status.ASKING ? new Ask.Pick(Choice.BOOT_LOADER) : null;
        Step step = new Step(1, status, null, List.of(), ask, List.of(), List.of(), null);
        String json = TroubleshootMessages.render(step, IDS).toData().toString();
        assertEquals(List.of(), FakeDiscord.limitProblems(json), json);
    }

    @org.junit.jupiter.api.Test
    void aProbeStepOffersAtMostThreeNodesAndKeepsTheLimits() throws IOException {
        Diagnosis diagnosis = Diagnoser.withoutCitations().diagnose(resource("/discord/many-findings.txt"));
        Ask ask = new Ask.RunProbe("kernel-iommu", "dmesg | grep -e DMAR -e IOMMU -e AMD-Vi", "x".repeat(600),
                "whether the IOMMU is on", true);
        Step step = new Step(12, Step.Status.BLOCKED, diagnosis, diagnosis.findings(), ask,
                Collections.nCopies(8, "z".repeat(120)), List.of(), "grub");
        TroubleshootMessages.Ids withNodes = new TroubleshootMessages.Ids() {
            @Override public String paste() { return IDS.paste(); }
            @Override public String cannot() { return IDS.cannot(); }
            @Override public String pick(String value) { return IDS.pick(value); }
            @Override public String back() { return IDS.back(); }
            @Override public String startOver() { return IDS.startOver(); }
            @Override public String stop() { return IDS.stop(); }
            @Override public String share() { return IDS.share(); }
            @Override public List<String> runNodes() { return List.of("pve1", "pve2", "pve3", "pve4", "pve5"); }
            @Override public String run(String node) { return "ts:run:0f8fad5b-d9cb-469f-a165-70867728950e:12:kernel-iommu:" + node; }
        };

        String json = TroubleshootMessages.render(step, withNodes).toData().toString();

        assertEquals(List.of(), FakeDiscord.limitProblems(json), json);
        assertTrue(json.contains("Run it on pve3") && !json.contains("Run it on pve4"), json);
        List<String> firstRow = new java.util.ArrayList<>();
        Json.parse(json).path("components").get(0).path("components").forEach(c -> {
            if (c.path("type").asInt() == 1 && firstRow.isEmpty()) {
                c.path("components").forEach(b -> firstRow.add(b.path("label").asText()));
            }
        });
        assertEquals(List.of("Paste it after the fix", "Run it on pve1", "Run it on pve2", "Run it on pve3",
                "I can't run this"), firstRow);
        assertTrue(!TroubleshootMessages.render(step, IDS).toData().toString().contains("Run it on"), "none without nodes");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = TroubleshootMessagesTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
