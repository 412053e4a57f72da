package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.ParsedOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns detections into the {@link Diagnosis} the user sees: attaches each finding's text and
 * citations, orders them worst first (then in the rule tree's order), walks the tree for the next
 * step, and says {@code none} or {@code insufficient-info} when nothing was found.
 */
final class DiagnosisAssembler {
    static final String NONE = "none";
    static final String INSUFFICIENT_INFO = "insufficient-info";
    private static final int SHOWN_UNPARSED = 5;
    private static final int MAX_NEXT_STEPS = 2;

    private final FindingTexts texts;
    private final CitationResolver citations;

    DiagnosisAssembler(FindingTexts texts, CitationResolver citations) {
        this.texts = texts;
        this.citations = citations;
    }

    Diagnosis assemble(Facts facts, List<Detection> detections, List<String> notices) {
        String vm = argumentFor(Probe.QM_CONFIG, facts);
        List<Finding> findings = findings(detections, vm);
        List<Stage> undecided = new ArrayList<>();
        boolean anyDecided = false;
        for (Stage stage : Stage.values()) {
            if (stage.decidedBy(facts)) {
                anyDecided = true;
            } else {
                undecided.add(stage);
            }
        }
        List<NextStep> next = nextSteps(facts, detections, findings, undecided);
        boolean explained = findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER || f.severity() == Severity.PROBLEM);
        if (!findings.isEmpty() && !explained) {
            // a warning such as "cannot reset" is no reason for "QEMU exited with code 1": say the cause is not shown
            OpenQuestions.startFailure(facts).ifPresent(line -> findings.add(finding(Detection.of(INSUFFICIENT_INFO,
                    List.of(line), "The VM fails to start, and nothing in the paste is bad enough to explain it."), vm)));
        }
        if (findings.isEmpty()) {
            OpenQuestions open = OpenQuestions.of(facts);
            if (!anyDecided) {
                findings.add(finding(Detection.of(INSUFFICIENT_INFO, List.of(),
                        "Nothing in the paste shows the host's passthrough set-up or an error."), vm));
            } else if (open.open()) {
                findings.add(finding(Detection.of(INSUFFICIENT_INFO, open.evidence(), String.join(" ", open.detail())), vm));
            } else {
                findings.add(finding(Detection.of(NONE, List.of(), ""), vm));
            }
        }
        List<String> notChecked = undecided.stream().map(Stage::checks).toList();
        return new Diagnosis(parts(facts), HostFacts.of(facts), DeviceViews.of(facts), findings, next, notChecked,
                notices);
    }

    /** Findings for these detections, worst first (no tree walk, no special results). */
    List<Finding> findings(List<Detection> detections) {
        return findings(detections, null);
    }

    private List<Finding> findings(List<Detection> detections, @Nullable String vm) {
        List<Finding> findings = new ArrayList<>(detections.stream().map(d -> finding(d, vm)).toList());
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(f -> Stage.orderOf(f.id())));
        return findings;
    }

    private Finding finding(Detection d, @Nullable String vm) {
        FindingText text = texts.get(d.id())
                .orElse(new FindingText(d.id(), Severity.PROBLEM, d.id(), List.of(), "", ""));
        EvidenceValues values = EvidenceValues.of(d.evidence(), vm);
        return new Finding(d.id(), text.severity(), text.title(), d.evidence(), values.fill(text.meaning()),
                values.fill(text.fix()), citations.resolve(text.citeQueries()), d.detail());
    }

    /**
     * Probes the findings asked for first (a message such as "group 13 is not viable" wants the group
     * listing), then the first step of the tree the paste left undecided, unless a blocker already
     * stops the walk: fixing it comes before anything further to check.
     */
    private static List<NextStep> nextSteps(
            Facts facts, List<Detection> detections, List<Finding> findings, List<Stage> undecided) {
        Map<Probe, NextStep> steps = new LinkedHashMap<>();
        for (Detection d : detections) {
            if (d.ask() != null && !covered(d.ask(), facts)) {
                String argument = d.askArgument() != null ? d.askArgument() : argumentFor(d.ask(), facts);
                steps.putIfAbsent(d.ask(), step(d.ask(), argument));
            }
        }
        boolean blocked = findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
        if (!blocked) {
            undecided.stream()
                    .filter(s -> s != Stage.FIRMWARE_CPU) // asked only when a finding needs it
                    .findFirst()
                    .ifPresent(s -> steps.putIfAbsent(s.probe(), step(s.probe(), argumentFor(s.probe(), facts))));
        }
        return steps.values().stream().limit(MAX_NEXT_STEPS).toList();
    }

    /**
     * Whether the paste already holds what this probe would show: its own output, or another that
     * answers the same question (lspci -s for lspci -nnk, pvesh for the group listing, the kernel
     * log's own command line for /proc/cmdline).
     */
    private static boolean covered(Probe probe, Facts facts) {
        if (facts.has(probe)) {
            return true;
        }
        if (probe == Probe.CMDLINE) {
            return !facts.cmdlines().isEmpty();
        }
        for (Stage stage : Stage.values()) {
            if (stage.probe() == probe && stage != Stage.DEVICE_SPECIFIC) {
                return stage.decidedBy(facts);
            }
        }
        return false;
    }

    /** The VM id or PCI address the paste names, for a probe whose command takes one. */
    private static @Nullable String argumentFor(Probe probe, Facts facts) {
        if (probe.command().contains("<VMID>")) {
            return facts.parts().stream()
                    .filter(p -> p.kind() == Probe.QM_CONFIG || p.kind() == Probe.VM_START_ERROR)
                    .map(PastePart::argument)
                    .filter(a -> a != null && a.matches("\\d{3,9}"))
                    .findFirst().orElse(null);
        }
        if (probe.command().contains("<PCI>")) {
            return PassthroughTargets.of(facts).stream().findFirst().map(a -> a.toString()).orElse(null);
        }
        return null;
    }

    private static NextStep step(Probe probe, @Nullable String argument) {
        return new NextStep(probe.id(), probe.command(argument), probe.why());
    }

    private static List<RecognizedPart> parts(Facts facts) {
        List<RecognizedPart> parts = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            List<String> unparsed;
            if (part.kind() == null) {
                unparsed = part.lines();
            } else {
                unparsed = facts.output(part).map(ParsedOutput::unparsed).orElse(List.of());
            }
            String kind = part.kind() == null ? "unknown" : part.kind().id();
            parts.add(new RecognizedPart(kind, part.firstLine(), part.lastLine(),
                    unparsed.stream().limit(SHOWN_UNPARSED).toList(),
                    unparsed.size() + (part.kind() == null ? part.droppedLines() : 0)));
        }
        return parts;
    }
}
