package dev.pcibot.bot.discord.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pcibot.bot.probe.ArgumentKind;
import dev.pcibot.kb.converse.Ask;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Step;
import dev.pcibot.kb.diagnose.Probe;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which step a node may answer: the argument comes from the step's filled command only, and a
 * placeholder, a pasted-only probe or anything that is not exactly one valid argument offers no button.
 */
class StepProbesTest {
    private static Step asking(Ask ask) {
        return new Step(2, Step.Status.ASKING, null, List.of(), ask, List.of(), List.of(), null);
    }

    private static Ask.RunProbe run(Probe probe, String command) {
        return new Ask.RunProbe(probe.id(), command, "why", "checks", false);
    }

    @Test
    void theArgumentIsTakenFromTheFilledCommand() {
        assertEquals(Optional.of(new StepProbes.StepProbe(Probe.QM_CONFIG, "100")),
                StepProbes.of(asking(run(Probe.QM_CONFIG, Probe.QM_CONFIG.command("100")))));
        assertEquals(Optional.of(new StepProbes.StepProbe(Probe.LSPCI_DEV, "0000:01:00.0")),
                StepProbes.of(asking(run(Probe.LSPCI_DEV, Probe.LSPCI_DEV.command("01:00.0")))), "bus address as lspci prints it");
        assertEquals(Optional.of(new StepProbes.StepProbe(Probe.KERNEL_IOMMU, null)),
                StepProbes.of(asking(run(Probe.KERNEL_IOMMU, Probe.KERNEL_IOMMU.command()))));
    }

    @Test
    void noButtonWithoutAKnownArgumentOrForWhatANodeDoesNotRun() {
        assertEquals(Optional.empty(), StepProbes.of(asking(run(Probe.QM_CONFIG, Probe.QM_CONFIG.command()))), "<VMID> unknown");
        assertEquals(Optional.empty(), StepProbes.of(asking(run(Probe.VM_START_ERROR, Probe.VM_START_ERROR.command("100")))));
        assertEquals(Optional.empty(), StepProbes.of(asking(new Ask.Pick(Choice.SYMPTOM))));
        assertEquals(Optional.empty(), StepProbes.of(new Step(3, Step.Status.DONE, null, List.of(), null, List.of(), List.of(), null)));
    }

    @Test
    void onlyExactlyOneValidArgumentIsTaken() {
        String qm = Probe.QM_CONFIG.command();
        for (String bad : List.of("100; reboot", "100 && id", "$(id)", "10", "１００", "100\n", "--help", "1000000000")) {
            assertEquals(Optional.empty(), StepProbes.argument(qm, qm.replace("<VMID>", bad), ArgumentKind.VMID), bad);
        }
        assertEquals(Optional.empty(), StepProbes.argument(qm, "lspci -nnk", ArgumentKind.VMID), "another command");
    }
}
