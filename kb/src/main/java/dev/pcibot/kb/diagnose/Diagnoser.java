package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.CmdlineOutput;
import dev.pcibot.kb.diagnose.parse.CmdlineParser;
import dev.pcibot.kb.diagnose.parse.KernelLogParser;
import dev.pcibot.kb.diagnose.parse.ParsedOutput;
import dev.pcibot.kb.diagnose.parse.Parser;
import dev.pcibot.kb.diagnose.rule.Rule;
import dev.pcibot.kb.diagnose.rule.Rules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The diagnosis: pasted or probed text in, findings with evidence, citations and next steps out.
 * Thread-safe and reusable; build one per application with {@link #Diagnoser(CitationResolver)}.
 *
 * <p>Input is read as a stream with bounded memory: at most {@value PasteReader#MAX_BYTES} bytes,
 * lines cut at {@value PasteReader#MAX_LINE_BYTES} bytes, and only the lines that matter kept.
 * UTF-16 (as Windows saves redirected output) is read as the text it is ({@link Utf16Input}).
 * Empty, binary or oversized input is refused with an {@link InputRejectedException} whose message
 * can be shown to the user as it is.
 *
 * <p>Time is bounded too: the pattern table and the parsers match in time linear in a line, lines
 * over {@value MessageScan#MAX_MATCHED_CHARS} characters are not matched (the diagnosis says so),
 * and each diagnosis has a {@link DiagnosisBudget} ({@link #DEFAULT_BUDGET} unless the caller
 * passes one it can cancel), past which it stops with a {@link DiagnosisTimeoutException}.
 */
public final class Diagnoser {
    /**
     * Long enough for the largest paste at the slowest rate measured on a loaded machine (64 MiB
     * reads in about 2 s alone), short enough that a hostile paste cannot hold a worker for long.
     */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(15);

    private final CitationResolver citations;
    private final Duration budget;
    private final List<MessagePattern> patterns;
    private final LiteralPrefilter prefilter;
    private final FindingTexts texts = new FindingTexts();
    private final DiagnosisAssembler assembler;

    public Diagnoser(CitationResolver citations) {
        this(citations, DEFAULT_BUDGET);
    }

    /** @param budget the time each diagnosis may take unless the caller passes its own budget */
    public Diagnoser(CitationResolver citations, Duration budget) {
        this.citations = Objects.requireNonNull(citations);
        this.budget = DiagnosisBudget.of(budget).limit();
        this.patterns = MessagePatterns.load();
        this.prefilter = PasteIntake.prefilterFor(patterns);
        this.assembler = new DiagnosisAssembler(texts, citations);
    }

    /** A diagnoser that cites no guide sections (tests, or callers without a knowledge base). */
    public static Diagnoser withoutCitations() {
        return new Diagnoser(CitationResolver.NONE);
    }

    /** A fresh budget of this diagnoser's limit, for a caller that may need to cancel it. */
    public DiagnosisBudget budget() {
        return DiagnosisBudget.of(budget);
    }

    /** Diagnoses pasted text (a Discord message, a form field). */
    public Diagnosis diagnose(String text) {
        return diagnose(text, budget());
    }

    /** As {@link #diagnose(String)}, stopping when the budget is spent or cancelled. */
    public Diagnosis diagnose(String text, DiagnosisBudget budget) {
        if (text.length() > PasteReader.MAX_BYTES) {
            throw PasteReader.tooLarge(); // without copying it into bytes first
        }
        if (text.isBlank()) {
            throw empty();
        }
        return diagnose(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), budget);
    }

    /**
     * Diagnoses a stream (an attachment, a file, a probe's output), read once, never held whole.
     * The caller closes the stream.
     */
    public Diagnosis diagnose(InputStream in) {
        return diagnose(in, budget());
    }

    /** As {@link #diagnose(InputStream)}, stopping when the budget is spent or cancelled. */
    public Diagnosis diagnose(InputStream in, DiagnosisBudget budget) {
        MessageScan scan = new MessageScan(patterns);
        PasteIntake intake = new PasteIntake(prefilter, scan, budget);
        PasteReader.Stats stats;
        try {
            stats = PasteReader.read(Utf16Input.decoded(in), prefilter, intake, budget);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the input: " + e.getMessage(), e);
        }
        if (intake.nonBlankLines() == 0) {
            throw empty();
        }
        List<PastePart> parts = intake.finish();
        Facts facts = new Facts(parts, scan, parse(parts, budget));
        budget.check();
        List<Detection> detections = detect(facts, scan);
        return withUnmatched(assembler.assemble(facts, detections, notices(stats, intake)), scan);
    }

    /** The lines too long to match go to "not checked": a finding they hold was not looked for. */
    private static Diagnosis withUnmatched(Diagnosis d, MessageScan scan) {
        if (scan.longLines() == 0) {
            return d;
        }
        List<String> notChecked = new ArrayList<>(d.notChecked());
        notChecked.add(scan.longLines() + " line(s) longer than " + MessageScan.MAX_MATCHED_CHARS
                + " characters (no kernel or QEMU message is that long) were not matched against the"
                + " known messages; the first is line " + scan.firstLongLine() + ".");
        return new Diagnosis(d.parts(), d.host(), d.devices(), d.findings(), d.nextSteps(), notChecked, d.notices());
    }

    private static Map<PastePart, ParsedOutput> parse(List<PastePart> parts, DiagnosisBudget budget) {
        Map<PastePart, ParsedOutput> outputs = new IdentityHashMap<>();
        for (PastePart part : parts) {
            if (part.kind() == null) {
                continue;
            }
            budget.check();
            Parser<? extends ParsedOutput> parser = parserFor(part);
            if (parser != null) {
                outputs.put(part, parser.parse(String.join("\n", part.lines())));
            }
        }
        return outputs;
    }

    /**
     * The findings that messages quoted in a question mean by themselves ("why does it say group 13
     * is not viable"), from the message table alone: no rules, no "none" or "insufficient-info".
     * Empty when the text quotes no known message.
     */
    public List<Finding> explainMessages(String text) {
        MessageScan scan = new MessageScan(patterns);
        DiagnosisBudget budget = budget();
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            budget.tick();
            String line = PasteNormalizer.normalize(raw);
            if (prefilter.matches(line)) {
                scan.scan(number, PasteNormalizer.quote(raw), KernelLogParser.message(line));
            }
        }
        List<Detection> detections = new ArrayList<>();
        for (String id : scan.findingIds()) {
            detections.add(Detection.of(id, scan.finding(id).stream().map(MessageScan.Hit::line).toList(), ""));
        }
        return assembler.findings(detections);
    }

    /** The probe's parser, told which file it reads when the prompt named it. */
    private static @Nullable Parser<? extends ParsedOutput> parserFor(PastePart part) {
        String command = part.command();
        if (part.kind() == Probe.CMDLINE && command != null) {
            if (command.contains("/etc/kernel/cmdline")) {
                return new CmdlineParser(CmdlineOutput.Source.KERNEL_CMDLINE);
            }
            if (command.contains("/etc/default/grub")) {
                return new CmdlineParser(CmdlineOutput.Source.GRUB_DEFAULT);
            }
            if (command.contains("/proc/cmdline")) {
                return new CmdlineParser(CmdlineOutput.Source.PROC_CMDLINE);
            }
        }
        return part.kind() == null ? null : part.kind().parser().orElse(null);
    }

    private static List<Detection> detect(Facts facts, MessageScan scan) {
        Map<String, Detection> byId = new LinkedHashMap<>();
        for (String id : scan.findingIds()) {
            List<MessageScan.Hit> hits = scan.finding(id);
            MessageScan.Hit first = hits.get(0);
            String argument = first.device() != null ? first.device() : null;
            int more = scan.count(id) - hits.size();
            String detail = more > 0 ? "The message appears " + scan.count(id) + " times; the first "
                    + hits.size() + " are quoted." : "";
            byId.put(id, new Detection(id, hits.stream().map(MessageScan.Hit::line).toList(), detail,
                    first.ask(), argument));
        }
        for (Rule rule : Rules.ALL) {
            for (Detection d : rule.evaluate(facts)) {
                byId.merge(d.id(), d, Diagnoser::merge);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static Detection merge(Detection a, Detection b) {
        List<String> evidence = new ArrayList<>(a.evidence());
        b.evidence().stream().filter(l -> !evidence.contains(l)).forEach(evidence::add);
        String detail = a.detail().isEmpty() ? b.detail() : a.detail();
        return new Detection(a.id(), evidence.stream().limit(MessageScan.MAX_KEPT * 2L).toList(), detail,
                a.ask() != null ? a.ask() : b.ask(), a.askArgument() != null ? a.askArgument() : b.askArgument());
    }

    private static List<String> notices(PasteReader.Stats stats, PasteIntake intake) {
        List<String> notices = new ArrayList<>();
        if (stats.cutLines() > 0) {
            notices.add(stats.cutLines() + " line(s) longer than " + PasteReader.MAX_LINE_BYTES
                    + " bytes were cut at that length.");
        }
        if (intake.invalidUtf8Lines() > 0) {
            notices.add(intake.invalidUtf8Lines() + " line(s) were not valid UTF-8 and were read leniently"
                    + " (unreadable bytes shown as \uFFFD).");
        }
        return notices;
    }

    private static InputRejectedException empty() {
        return new InputRejectedException("There is nothing to diagnose: the input is empty. Paste the output"
                + " of a command such as `dmesg | grep -e DMAR -e IOMMU -e AMD-Vi` or `lspci -nnk`.");
    }
}
