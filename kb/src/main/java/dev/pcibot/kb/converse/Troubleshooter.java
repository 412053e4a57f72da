package dev.pcibot.kb.converse;

import dev.pcibot.kb.diagnose.DeviceView;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.InputRejectedException;
import dev.pcibot.kb.diagnose.NextStep;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.Severity;
import dev.pcibot.kb.diagnose.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks the rule tree with the user. Stateless: {@link #step} computes the step from the
 * conversation's answers alone, by diagnosing everything pasted in the current round (the same
 * diagnosis as a one-shot paste) and asking for the first check of the guide's order that the
 * pastes left open and the user has not said they cannot run.
 *
 * <p>Order of the questions: the symptom first (it decides whether device faults are worth a
 * look), then what a finding asked for (a "group 13 is not viable" wants the group listing), then
 * the {@link Stage}s in the guide's order. A blocker stops the walk: the step shows its fix (after
 * asking for the boot loader when the fix differs by it) and asks to paste the same output again
 * after the fix.
 */
public final class Troubleshooter {
    /** Symptoms where the kernel log's device faults and resets are worth asking for. */
    private static final Set<String> DEVICE_SYMPTOMS = Set.of("vm-wont-start", "no-output", "second-start", "host-crash");

    /** A VM id in a command or config path the user pasted; bounded, so linear on any paste. */
    private static final java.util.regex.Pattern VMID_IN_COMMAND = java.util.regex.Pattern.compile(
            "\\bqm (?:start|config|showcmd) (\\d{3,9})\\b|/etc/pve/qemu-server/(\\d{3,9})\\.conf");

    /** Other outputs that decide a stage, asked when the user cannot run the stage's own probe. */
    private static final java.util.Map<Stage, List<Probe>> ALTERNATIVES = java.util.Map.of(
            Stage.IOMMU, List.of(Probe.IOMMU_GROUPS, Probe.PCI_JSON),
            Stage.INTERRUPT_REMAPPING, List.of(Probe.KERNEL_LOG),
            Stage.GROUP_ISOLATION, List.of(Probe.PCI_JSON));

    private final Diagnoser diagnoser;

    public Troubleshooter(Diagnoser diagnoser) {
        this.diagnoser = Objects.requireNonNull(diagnoser);
    }

    /**
     * Records an answer to step {@code stepNumber}. A paste is checked on its own first, so an empty or
     * binary one is refused (with the diagnoser's message) and not recorded.
     *
     * @throws StaleStepException when the conversation has moved on (a second click, another tab)
     * @throws InputRejectedException when a paste cannot be diagnosed
     */
    public Conversation answer(Conversation conversation, int stepNumber, Answer answer) {
        requireCurrent(conversation, stepNumber);
        if (answer instanceof Answer.Pasted p) {
            diagnoser.diagnose(p.text()); // throws with a message fit for the user
        }
        return conversation.with(answer);
    }

    /** Takes the last answer back ("Back"), if step {@code stepNumber} is still the current one. */
    public Conversation back(Conversation conversation, int stepNumber) {
        requireCurrent(conversation, stepNumber);
        return conversation.withoutLast();
    }

    private static void requireCurrent(Conversation conversation, int stepNumber) {
        if (stepNumber != conversation.stepNumber()) {
            throw new StaleStepException(stepNumber, conversation.stepNumber());
        }
    }

    /** The step to show for this conversation. */
    public Step step(Conversation conversation) {
        Round round = Round.of(conversation);
        Diagnosis diagnosis = round.text().isEmpty() ? null : diagnoser.diagnose(round.text());
        String symptom = symptom(conversation, diagnosis);
        String bootLoader = bootLoader(conversation, diagnosis);
        List<Finding> findings = diagnosis == null ? List.of() : narrowed(diagnosis.findings(), bootLoader);
        List<String> gaps = round.gaps().stream().map(p -> runProbe(p, conversation, diagnosis, false).command()).toList();
        List<String> notices = notices(round, diagnosis);
        int number = conversation.stepNumber();

        if (symptom == null) {
            return new Step(number, Step.Status.ASKING, diagnosis, findings, new Ask.Pick(Choice.SYMPTOM), gaps,
                    notices, bootLoader);
        }
        Optional<Finding> blocker = findings.stream().filter(f -> f.severity() == Severity.BLOCKER).findFirst();
        // a blocker in the host's set-up (firmware, IOMMU) makes every later check moot: stop there;
        // a later one (a VM start error) is a symptom whose cause the remaining checks may show
        boolean stopsWalk = blocker.isPresent() && Stage.orderOf(blocker.get().id()) <= Stage.IOMMU.ordinal();
        if (!stopsWalk) {
            for (Probe probe : candidates(symptom, diagnosis, round)) {
                if (!round.gaps().contains(probe) && !round.asked(probe)) {
                    return new Step(number, Step.Status.ASKING, diagnosis, findings,
                            runProbe(probe, conversation, diagnosis, false), gaps, notices, bootLoader);
                }
            }
        }
        if (blocker.isPresent()) {
            if (bootLoader == null && !round.chose(Choice.BOOT_LOADER) && BootLoaderFix.offersBoth(blocker.get().fix())) {
                return new Step(number, Step.Status.ASKING, diagnosis, findings, new Ask.Pick(Choice.BOOT_LOADER), gaps,
                        notices, null);
            }
            Probe verify = verifyingProbe(blocker.get().id(), stopsWalk, diagnosis, round);
            return new Step(number, Step.Status.BLOCKED, diagnosis, findings,
                    runProbe(verify, conversation, diagnosis, true), gaps, notices, bootLoader);
        }
        return new Step(number, Step.Status.DONE, diagnosis, findings, null, gaps, notices, bootLoader);
    }

    /** Probes worth asking, best first; the caller skips those answered or refused. */
    private static List<Probe> candidates(String symptom, @Nullable Diagnosis diagnosis, Round round) {
        Set<Probe> probes = new LinkedHashSet<>(askedByFindings(diagnosis, symptom));
        if (symptom.equals("vm-wont-start") && !showed(diagnosis, Probe.VM_START_ERROR)) {
            probes.add(Probe.VM_START_ERROR); // the error QEMU gives says more than any other output
        }
        for (Stage stage : Stage.values()) {
            if (stage == Stage.FIRMWARE_CPU || (stage == Stage.DEVICE_SPECIFIC && !DEVICE_SYMPTOMS.contains(symptom))) {
                continue;
            }
            if (diagnosis == null || diagnosis.notChecked().contains(stage.checks())) {
                probes.add(stage.probe());
                if (round.gaps().contains(stage.probe())) {
                    probes.addAll(ALTERNATIVES.getOrDefault(stage, List.of()));
                }
            }
        }
        // the IOMMU's own lines settle the firmware question; without them, vmx/svm is worth a look
        if (round.gaps().contains(Stage.IOMMU.probe())
                && (diagnosis == null || diagnosis.notChecked().contains(Stage.FIRMWARE_CPU.checks()))) {
            probes.add(Stage.FIRMWARE_CPU.probe());
        }
        return List.copyOf(probes);
    }

    /**
     * The one-shot diagnosis' next steps (what its findings asked for, then its first open stage),
     * less the device-fault stage when the symptom gives it no weight.
     */
    private static List<Probe> askedByFindings(@Nullable Diagnosis diagnosis, String symptom) {
        List<Probe> probes = new ArrayList<>();
        if (diagnosis != null) {
            for (NextStep next : diagnosis.nextSteps()) {
                Probe.byId(next.probe())
                        .filter(p -> p != Stage.DEVICE_SPECIFIC.probe() || DEVICE_SYMPTOMS.contains(symptom))
                        .ifPresent(probes::add);
            }
        }
        return probes;
    }

    private static boolean showed(@Nullable Diagnosis diagnosis, Probe probe) {
        return diagnosis != null && diagnosis.parts().stream().anyMatch(p -> p.kind().equals(probe.id()));
    }

    /**
     * The probe that shows whether the blocker's fix worked: for the host's set-up, the output that
     * decides its stage (after the reboot); for a VM that would not start, starting it again.
     */
    private static Probe verifyingProbe(String findingId, boolean hostSetUp, @Nullable Diagnosis diagnosis, Round round) {
        int order = Stage.orderOf(findingId);
        Probe probe = order < Stage.values().length ? Stage.values()[order].probe() : Probe.KERNEL_LOG;
        if (!hostSetUp && showed(diagnosis, Probe.VM_START_ERROR)) {
            probe = Probe.VM_START_ERROR;
        }
        return round.gaps().contains(probe) ? Probe.KERNEL_LOG : probe;
    }

    private static Ask.RunProbe runProbe(
            Probe probe, Conversation conversation, @Nullable Diagnosis diagnosis, boolean afterFix) {
        String argument = null;
        if (probe.command().contains("<VMID>")) {
            argument = vmid(conversation, diagnosis);
        } else if (probe.command().contains("<PCI>")) {
            argument = pciAddress(conversation, diagnosis);
        }
        return new Ask.RunProbe(probe.id(), probe.command(argument), probe.why(), checksOf(probe), afterFix);
    }

    private static String checksOf(Probe probe) {
        for (Stage stage : Stage.values()) {
            if (stage.probe() == probe) {
                return stage.checks();
            }
        }
        return probe == Probe.VM_START_ERROR ? "the error the VM gives at start" : probe.why();
    }

    private static @Nullable String vmid(Conversation conversation, @Nullable Diagnosis diagnosis) {
        if (conversation.start().vmid() != null) {
            return conversation.start().vmid();
        }
        java.util.regex.Matcher named = VMID_IN_COMMAND.matcher(Round.of(conversation).text());
        if (named.find()) {
            return named.group(1) != null ? named.group(1) : named.group(2); // "root@pve:~# qm start 100", "/etc/pve/qemu-server/100.conf"
        }
        if (diagnosis != null) {
            for (DeviceView device : diagnosis.devices()) {
                for (String wanted : device.wantedBy()) {
                    String vmid = wanted.split("\\s", 2)[0];
                    if (vmid.matches("\\d{3,9}")) {
                        return vmid;
                    }
                }
            }
        }
        return null;
    }

    /** The device to pass: the one a VM wants, else the one vfio-pci holds, else what the user named. */
    private static @Nullable String pciAddress(Conversation conversation, @Nullable Diagnosis diagnosis) {
        if (diagnosis != null) {
            for (DeviceView device : diagnosis.devices()) {
                if (!device.wantedBy().isEmpty()) {
                    return device.address();
                }
            }
            for (DeviceView device : diagnosis.devices()) {
                if ("vfio-pci".equals(device.driverInUse())) {
                    return device.address();
                }
            }
        }
        String named = conversation.start().device();
        if (named != null && named.matches("(?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]")) {
            return named.length() == 7 ? "0000:" + named.toLowerCase(java.util.Locale.ROOT) : named.toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    private static @Nullable String symptom(Conversation conversation, @Nullable Diagnosis diagnosis) {
        String chosen = lastChoice(conversation, Choice.SYMPTOM);
        if (chosen != null) {
            return chosen;
        }
        if (conversation.start().symptom() != null) {
            return conversation.start().symptom();
        }
        // a pasted start error answers the question already
        return showed(diagnosis, Probe.VM_START_ERROR) ? "vm-wont-start" : null;
    }

    private static @Nullable String bootLoader(Conversation conversation, @Nullable Diagnosis diagnosis) {
        if (diagnosis != null && diagnosis.host().containsKey("bootLoader")) {
            return diagnosis.host().get("bootLoader"); // what the host showed beats what the user thinks
        }
        String chosen = lastChoice(conversation, Choice.BOOT_LOADER);
        return chosen == null || chosen.equals("unknown") ? null : chosen;
    }

    private static @Nullable String lastChoice(Conversation conversation, Choice choice) {
        String value = null;
        for (Answer a : conversation.answers()) {
            if (a instanceof Answer.Chose c && c.choice() == choice) {
                value = c.value();
            }
        }
        return value;
    }

    private static List<Finding> narrowed(List<Finding> findings, @Nullable String bootLoader) {
        if (bootLoader == null) {
            return findings;
        }
        return findings.stream()
                .map(f -> new Finding(f.id(), f.severity(), f.title(), f.evidence(), f.meaning(),
                        BootLoaderFix.narrow(f.fix(), bootLoader), f.citations(), f.detail()))
                .toList();
    }

    /** Says so when the last paste answered a probe but its stage is still open: it was not that output. */
    private static List<String> notices(Round round, @Nullable Diagnosis diagnosis) {
        List<String> notices = new ArrayList<>();
        Answer.@Nullable Pasted last = round.lastPaste();
        if (last != null && diagnosis != null && !last.probe().isEmpty()) {
            Probe.byId(last.probe()).ifPresent(probe -> {
                for (Stage stage : Stage.values()) {
                    if (stage.probe() == probe && diagnosis.notChecked().contains(stage.checks())) {
                        notices.add("The output pasted for `" + probe.command() + "` did not look like what that"
                                + " command prints, so " + stage.checks() + " is still open. Paste it whole, or"
                                + " choose \"I can't run this\".");
                    }
                }
            });
        }
        if (diagnosis != null) {
            notices.addAll(diagnosis.notices());
        }
        return notices;
    }
}
