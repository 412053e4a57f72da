package dev.pcibot.kb.converse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.InputRejectedException;
import org.junit.jupiter.api.Test;

/** The conversation's controls: stale clicks, Back, "I can't run this", refused pastes. */
class TroubleshooterTest {
    private static final Troubleshooter T = new Troubleshooter(Diagnoser.withoutCitations());
    private static final Conversation SETUP = Conversation.start(new Conversation.Start(null, "100", "setup"));

    @Test
    void secondClickOnTheSameStepIsRefusedAndChangesNothing() {
        Conversation once = T.answer(SETUP, 1, new Answer.CannotRun("kernel-iommu"));
        StaleStepException e = assertThrows(StaleStepException.class,
                () -> T.answer(once, 1, new Answer.CannotRun("kernel-iommu")));
        assertEquals(2, e.current());
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
        assertEquals(1, once.answers().size());
    }

    @Test
    void cannotRunMovesToTheNextCheckAndRemembersTheGap() {
        Step first = T.step(SETUP);
        assertEquals("kernel-iommu", ((Ask.RunProbe) first.ask()).probe());

        Step second = T.step(T.answer(SETUP, first.number(), new Answer.CannotRun("kernel-iommu")));
        assertEquals("iommu-groups", ((Ask.RunProbe) second.ask()).probe(), "the groups also show the IOMMU on");
        assertEquals(java.util.List.of("dmesg | grep -e DMAR -e IOMMU -e AMD-Vi"), second.gaps());
    }

    @Test
    void withoutTheIommuLinesTheFirmwareCheckIsAskedAtTheEnd() {
        Conversation c = SETUP;
        for (String probe : new String[] {"kernel-iommu", "iommu-groups", "pci-json", "irq-remapping",
                "kernel-log", "vfio-modules", "lspci-nnk", "qm-config"}) {
            Step step = T.step(c);
            assertEquals(probe, ((Ask.RunProbe) step.ask()).probe(), "at step " + step.number());
            c = T.answer(c, step.number(), new Answer.CannotRun(probe));
        }
        Step last = T.step(c);
        assertEquals("cpu-flags", ((Ask.RunProbe) last.ask()).probe());
        Step done = T.step(T.answer(c, last.number(), new Answer.CannotRun("cpu-flags")));
        assertEquals(Step.Status.DONE, done.status());
        assertEquals(9, done.gaps().size());
    }

    @Test
    void backTakesTheLastAnswerAwayAndFillsTheVmIdIntoCommands() {
        Conversation answered = T.answer(SETUP, 1, new Answer.CannotRun("kernel-iommu"));
        Conversation back = T.back(answered, 2);
        assertEquals(0, back.answers().size());
        assertThrows(StaleStepException.class, () -> T.back(answered, 1));
        Conversation skipped = SETUP;
        Ask.RunProbe ask = (Ask.RunProbe) T.step(skipped).ask();
        while (!ask.probe().equals("qm-config")) {
            skipped = T.answer(skipped, skipped.stepNumber(), new Answer.CannotRun(ask.probe()));
            ask = (Ask.RunProbe) T.step(skipped).ask();
        }
        assertEquals("qm config 100", ask.command());
    }

    @Test
    void anEmptyPasteIsRefusedWithTheDiagnosersMessageAndNotRecorded() {
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> T.answer(SETUP, 1, new Answer.Pasted("kernel-iommu", "  \n ", false)));
        assertTrue(e.getMessage().contains("nothing to diagnose"), e.getMessage());
    }

    @Test
    void outputThatIsNotWhatWasAskedSaysSo() {
        Conversation c = T.answer(SETUP, 1, new Answer.Pasted("kernel-iommu", "hello, I have a GTX 1080", false));
        Step step = T.step(c);
        assertTrue(step.notices().stream().anyMatch(n -> n.contains("did not look like")), step.notices().toString());
        assertFalse(step.ask() instanceof Ask.RunProbe r && r.probe().equals("kernel-iommu"), "not asked again in a loop");
    }

    @Test
    void startRefusesAVmIdThatIsNotANumberAndAnUnknownSymptom() {
        assertThrows(IllegalArgumentException.class, () -> new Conversation.Start(null, "100; rm -rf /", null));
        assertThrows(IllegalArgumentException.class, () -> new Conversation.Start(null, null, "sad"));
        assertThrows(IllegalArgumentException.class, () -> new Answer.Chose(Choice.BOOT_LOADER, "lilo"));
    }
}
