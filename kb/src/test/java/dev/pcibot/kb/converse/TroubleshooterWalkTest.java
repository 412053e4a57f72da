package dev.pcibot.kb.converse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Finding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole conversations, walked by a scripted user from real pastes (test resources converse/). */
class TroubleshooterWalkTest {
    private static final Troubleshooter TROUBLESHOOTER = new Troubleshooter(Diagnoser.withoutCitations());

    @Test
    void healthyHostIsWalkedInTheGuidesOrderAndEndsWithNoFinding() {
        ScriptedUser user = new ScriptedUser("healthy", Map.of(Choice.SYMPTOM, "setup"), Set.of());
        Step end = user.walk(TROUBLESHOOTER, Conversation.start(new Conversation.Start("01:00.0", "100", null)));

        assertEquals(Step.Status.DONE, end.status(), () -> describe(end, user));
        assertEquals(List.of("pick:symptom", "kernel-iommu", "iommu-groups", "vfio-modules",
                "lspci-nnk", "qm-config"), user.asked);
        assertEquals(List.of("none"), ids(end));
    }

    @Test
    void pastedStartErrorAnswersTheSymptomAndTheAudioFunctionOnTheHostDriverIsFound() {
        ScriptedUser user = new ScriptedUser("gpu-audio-on-host", Map.of(), Set.of("qm-config", "kernel-log"));
        Conversation start = Conversation.start(Conversation.Start.NONE)
                .with(new Answer.Pasted("", ScriptedUser.paste("gpu-audio-on-host", "vm-start-error"), false));
        Step end = user.walk(TROUBLESHOOTER, start);

        assertTrue(!user.asked.contains("pick:symptom"), "the start error already says the VM does not start");
        assertEquals("iommu-groups", user.asked.get(0), "'group 1 is not viable' asks for the group listing first");
        assertTrue(ids(end).contains("group-not-viable"), ids(end).toString());
        assertTrue(end.findings().stream().flatMap(f -> f.evidence().stream()).anyMatch(l -> l.contains("not viable")));
        assertEquals(List.of("iommu-groups", "irq-remapping", "vfio-modules", "lspci-nnk", "qm-config"), user.asked,
                "the listing first, then the guide's order from the first open check");
        assertEquals(Step.Status.BLOCKED, end.status(), () -> describe(end, user));
        assertEquals(List.of("qm config 100"), end.gaps(), "the VM id comes from the pasted qm start");
        Ask.RunProbe verify = (Ask.RunProbe) end.ask();
        assertEquals("qm start 100", verify.command(), "a VM that would not start is verified by starting it");
        assertNoProbeAskedTwice(user.asked);
    }

    @Test
    void iommuOffBlocksAsksForTheBootLoaderThenVerifiesAfterTheFix() {
        ScriptedUser user = new ScriptedUser("iommu-off", Map.of(Choice.BOOT_LOADER, "systemd-boot"), Set.of());
        Conversation conversation = Conversation.start(new Conversation.Start("GTX 1080", null, "vm-wont-start"))
                .with(new Answer.Pasted("", ScriptedUser.paste("iommu-off", "start"), false));
        Step blocked = user.walk(TROUBLESHOOTER, conversation);

        assertEquals(Step.Status.BLOCKED, blocked.status());
        assertEquals(List.of("pick:boot-loader"), user.asked);
        assertEquals("iommu-not-enabled", blocked.findings().get(0).id());
        String fix = blocked.findings().get(0).fix();
        assertTrue(fix.contains("proxmox-boot-tool refresh"), fix);
        assertTrue(!fix.contains("update-grub"), "the GRUB variant is dropped on a systemd-boot host:\n" + fix);
        Ask.RunProbe verify = (Ask.RunProbe) blocked.ask();
        assertEquals("kernel-iommu", verify.probe());
        assertTrue(verify.afterFix());

        // after the fix: the new output replaces what described the host before it
        Conversation fixed = TROUBLESHOOTER.answer(user.last, blocked.number(),
                new Answer.Pasted("kernel-iommu", ScriptedUser.paste("iommu-off", "kernel-iommu-after-fix"), true));
        Step after = TROUBLESHOOTER.step(fixed);
        assertTrue(!ids(after).contains("iommu-not-enabled"), ids(after).toString());
        assertEquals(Step.Status.ASKING, after.status(), () -> ids(after).toString());
    }

    @Test
    void amdCardFailingOnTheSecondStartIsTheResetBug() {
        ScriptedUser user = new ScriptedUser("amd-reset", Map.of(), Set.of("qm-config", "kernel-log", "lspci-nnk"));
        Conversation start = Conversation.start(new Conversation.Start("RX 580", "100", "second-start"))
                .with(new Answer.Pasted("", ScriptedUser.paste("amd-reset", "start"), false));
        Step end = user.walk(TROUBLESHOOTER, start);

        assertEquals(Step.Status.DONE, end.status(), () -> describe(end, user));
        assertTrue(ids(end).contains("amd-reset-bug"), ids(end).toString());
        assertNoProbeAskedTwice(user.asked);
        assertTrue(!user.asked.contains("lspci-dev"), "the paste already showed the card's driver: " + user.asked);
    }

    private static List<String> ids(Step step) {
        return step.findings().stream().map(Finding::id).toList();
    }

    private static void assertNoProbeAskedTwice(List<String> asked) {
        assertEquals(asked.stream().distinct().count(), asked.size(), "asked twice: " + asked);
    }

    private static String describe(Step step, ScriptedUser user) {
        return "asked " + user.asked + ", ended " + step.status() + " with " + ids(step) + " "
                + step.findings().stream().map(f -> f.id() + ": " + f.evidence() + " " + f.detail()).toList();
    }
}
