package dev.pcibot.bot.discord.render;

import dev.pcibot.kb.converse.Ask;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Step;
import dev.pcibot.kb.diagnose.DeviceView;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.container.ContainerChildComponent;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * One step of a troubleshooting conversation as a Discord message in Components V2: one container,
 * its accent the step's state, holding the question (the command to run, filled with the user's VM
 * id and PCI address, or the options to pick from) with its buttons right under it, what is known so
 * far (host facts, the device picture, findings), and the controls. Blocked and done steps add the
 * findings themselves, fixes and sources included. V2 reads better than embeds here: the buttons sit
 * with the question they answer, and one message holds it all. Every part is trimmed so the whole
 * stays within Discord's limits for V2 messages (4,000 characters of text, 40 components).
 */
public final class TroubleshootMessages {
    /** Discord's limit on the text of all text displays of a message, less a margin for markup. */
    static final int TEXT_BUDGET = 4000 - 100;
    static final int ASK_MAX = 1500;
    static final int KNOWN_MAX = 700;
    static final int LIST_MAX = 600;
    static final int OPEN_MAX = 600;
    static final int NOTE_MAX = 400;
    static final int MAX_DEVICES = 6;
    static final int MAX_FINDINGS_LISTED = 6;
    static final int MAX_FINDINGS_SHOWN = 3;
    static final int MAX_RUN_NODES = 3;
    /** Discord's limit on a button label. */
    static final int RUN_LABEL_MAX = 80;

    /** The custom ids of the step's buttons; the command passes these in (it owns the key). */
    public interface Ids {
        String paste();
        String cannot();
        String pick(String value);
        String back();
        String startOver();
        String stop();
        String share();

        /**
         * The nodes to offer "Run it on &lt;node&gt;" for, on a step that asks for a probe: only
         * those the person shown this step may run it on (the caller decides; a click is decided again).
         */
        default List<String> runNodes() {
            return List.of();
        }

        /** The id of "Run it on {@code node}"; asked only for the nodes of {@link #runNodes()}. */
        default String run(String node) {
            throw new UnsupportedOperationException("no probe buttons");
        }
    }

    private TroubleshootMessages() {}

    public static MessageCreateData render(Step step, Ids ids) {
        List<String> before = new ArrayList<>();
        before.add(Trim.markdown("### " + title(step) + "\n" + ask(step), ASK_MAX));
        List<String> after = new ArrayList<>();
        String known = known(step);
        if (!known.isEmpty()) {
            after.add(Trim.markdown("**Known so far**\n" + known, KNOWN_MAX));
        }
        if (step.status() == Step.Status.ASKING && !step.findings().isEmpty()) {
            after.add(Trim.markdown("**Findings so far**\n" + findingList(step.findings()), LIST_MAX));
        }
        List<String> tail = new ArrayList<>();
        String open = open(step);
        if (!open.isEmpty()) {
            tail.add(Trim.markdown("**Open**\n" + open, OPEN_MAX));
        }
        if (!step.notices().isEmpty()) {
            tail.add(Trim.markdown("**Note**\n" + Sanitizer.text(String.join("\n", step.notices())), NOTE_MAX));
        }
        List<String> findings = step.status() == Step.Status.ASKING ? List.of()
                : findingTexts(step, TEXT_BUDGET - length(before) - length(after) - length(tail));

        List<ContainerChildComponent> children = new ArrayList<>();
        before.forEach(t -> children.add(TextDisplay.of(t)));
        children.add(buttons(step, ids).get(0));
        if (!after.isEmpty() || !findings.isEmpty() || !tail.isEmpty()) {
            children.add(Separator.createDivider(Separator.Spacing.SMALL));
        }
        fit(after, tail, findings, TEXT_BUDGET - length(before)).forEach(t -> children.add(TextDisplay.of(t)));
        List<ActionRow> rows = buttons(step, ids);
        if (rows.size() > 1) {
            children.add(rows.get(1));
        }
        return new MessageCreateBuilder()
                .useComponentsV2()
                .setComponents(Container.of(children).withAccentColor(color(step)))
                .setAllowedMentions(List.of())
                .build();
    }

    /** A short notice in the step message's place (it is a V2 message: plain content is refused there). */
    public static MessageCreateData notice(String text) {
        return new MessageCreateBuilder()
                .useComponentsV2()
                .setComponents(Container.of(TextDisplay.of(Trim.markdown(Sanitizer.text(text), ASK_MAX))))
                .setAllowedMentions(List.of())
                .build();
    }

    private static String title(Step step) {
        return switch (step.status()) {
            case ASKING -> "Troubleshooting · step " + step.number();
            case BLOCKED -> "Troubleshooting · fix this first";
            case DONE -> "Troubleshooting · summary";
        };
    }

    private static String ask(Step step) {
        StringBuilder text = new StringBuilder();
        switch (step.ask()) {
            case Ask.RunProbe r -> {
                text.append("**Next: ").append(r.checks()).append("**\n");
                if (r.afterFix()) {
                    text.append("Apply the fix below (reboot if it says so), then run this again and paste what it prints:\n");
                } else {
                    text.append("Run this on the Proxmox host and paste what it prints:\n");
                }
                text.append(Sanitizer.codeBlock(r.command())).append('\n').append(Sanitizer.text(r.why()));
            }
            case Ask.Pick p -> {
                text.append("**").append(Sanitizer.text(p.choice().prompt())).append("**\n");
                for (Choice.Option o : p.choice().options()) {
                    text.append("- ").append(o.shortLabel()).append(": ").append(o.label()).append('\n');
                }
            }
            case null -> text.append(step.findings().stream().anyMatch(f -> f.severity().compareTo(Severity.WARNING) <= 0)
                    ? "Every check you could run is done. The findings below, worst first, are what I make of it."
                    : "Every check you could run is done, and nothing in what you pasted is wrong."
                            + " That is not proof of health: see what was not checked.");
        }
        return text.toString().strip();
    }

    private static String open(Step step) {
        List<String> open = new ArrayList<>();
        step.gaps().forEach(g -> open.add("could not run `" + Sanitizer.text(g).replace("`", "'") + "`"));
        if (step.status() == Step.Status.DONE) {
            step.notChecked().forEach(n -> open.add("not checked: " + n));
        }
        return open.isEmpty() ? "" : "- " + String.join("\n- ", open);
    }

    /**
     * The findings in full (worst first, infos only when alone), as many as fit {@code room} at
     * {@link FindingEmbeds#MIN_LENGTH} or more each: a cut finding is better than none, two half
     * findings better than three unreadable ones.
     */
    private static List<String> findingTexts(Step step, int room) {
        List<Finding> shown = step.findings().stream()
                .filter(f -> f.severity() != Severity.INFO || step.findings().size() == 1)
                .limit(MAX_FINDINGS_SHOWN)
                .toList();
        int n = shown.size();
        while (n > 1 && room / n < FindingEmbeds.MIN_LENGTH) {
            n--;
        }
        List<String> texts = new ArrayList<>();
        for (Finding f : shown.subList(0, n)) {
            MessageEmbed e = FindingEmbeds.render(f, Math.max(FindingEmbeds.MIN_LENGTH, room / Math.max(1, n))).embed();
            texts.add("**" + e.getTitle() + "** (`" + f.id() + "`)\n" + e.getDescription());
        }
        return texts;
    }

    /**
     * Display order (known, findings, open, notes) within the text budget: what overflows is cut
     * from the longest block first, so no block is dropped for another's length.
     */
    private static List<String> fit(List<String> after, List<String> tail, List<String> findings, int budget) {
        List<String> blocks = new ArrayList<>(after);
        blocks.addAll(findings);
        blocks.addAll(tail);
        for (int total = length(blocks); total > budget; total = length(blocks)) {
            int longest = 0;
            for (int i = 1; i < blocks.size(); i++) {
                longest = blocks.get(i).length() > blocks.get(longest).length() ? i : longest;
            }
            String block = blocks.get(longest);
            blocks.set(longest, Trim.markdown(block, Math.max(80, block.length() - (total - budget) - Trim.MARKER.length())));
            if (blocks.get(longest).length() >= block.length()) {
                blocks.remove(longest); // cannot be cut further: leave it out rather than break the limit
            }
        }
        return blocks;
    }

    private static int length(List<String> blocks) {
        return blocks.stream().mapToInt(String::length).sum();
    }

    private static String known(Step step) {
        StringBuilder out = new StringBuilder();
        if (step.diagnosis() != null) {
            Map<String, String> host = step.diagnosis().host();
            for (String key : List.of("kernel", "pveVersion", "iommu", "interruptRemapping", "bootLoader")) {
                if (host.containsKey(key)) {
                    out.append(key).append(": `").append(Sanitizer.text(host.get(key)).replace("`", "'")).append("`  ");
                }
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            step.diagnosis().devices().stream().limit(MAX_DEVICES).forEach(d -> out.append(device(d)).append('\n'));
            int more = step.diagnosis().devices().size() - MAX_DEVICES;
            if (more > 0) {
                out.append("… and ").append(more).append(" more device(s)\n");
            }
        } else if (step.bootLoader() != null) {
            out.append("bootLoader: `").append(step.bootLoader()).append("`\n");
        }
        return out.toString().strip();
    }

    private static String device(DeviceView d) {
        StringBuilder line = new StringBuilder("`").append(d.address()).append('`');
        if (d.vendorDevice() != null) {
            line.append(' ').append(d.vendorDevice());
        }
        if (d.description() != null) {
            line.append(' ').append(Trim.line(Sanitizer.text(d.description()), 60));
        }
        if (d.iommuGroup() != null) {
            line.append(" · group ").append(d.iommuGroup());
        }
        if (d.driverInUse() != null) {
            line.append(" · ").append(Sanitizer.text(d.driverInUse()));
        }
        if (!d.wantedBy().isEmpty()) {
            line.append(" · VM ").append(Sanitizer.text(String.join(", ", d.wantedBy())));
        }
        return line.toString();
    }

    private static String findingList(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        findings.stream().limit(MAX_FINDINGS_LISTED).forEach(f -> out.append(SeverityStyle.of(f.severity()).label)
                .append(" · ").append(Trim.line(Sanitizer.text(f.title()), 120)).append(" (`").append(f.id()).append("`)\n"));
        return Trim.markdown(out.toString().strip(), MessageLimits.FIELD_VALUE);
    }

    private static List<ActionRow> buttons(Step step, Ids ids) {
        List<ActionRow> rows = new ArrayList<>();
        switch (step.ask()) {
            case Ask.RunProbe r -> {
                List<Button> row = new ArrayList<>();
                row.add(Button.primary(ids.paste(), r.afterFix() ? "Paste it after the fix" : "Paste the output"));
                // a row holds five buttons: at most three nodes besides paste and "I can't"
                ids.runNodes().stream().limit(MAX_RUN_NODES)
                        .forEach(node -> row.add(Button.success(ids.run(node), Trim.line("Run it on " + node, RUN_LABEL_MAX))));
                row.add(Button.secondary(ids.cannot(), "I can't run this"));
                rows.add(ActionRow.of(row));
            }
            case Ask.Pick p -> rows.add(ActionRow.of(p.choice().options().stream()
                    .map(o -> Button.primary(ids.pick(o.value()), o.shortLabel())).toList()));
            case null -> rows.add(ActionRow.of(Button.primary(ids.share(), "Share a scrubbed report")));
        }
        List<Button> controls = new ArrayList<>();
        if (step.number() > 1) {
            controls.add(Button.secondary(ids.back(), "Back"));
            controls.add(Button.secondary(ids.startOver(), "Start over"));
        }
        if (step.status() != Step.Status.DONE) {
            controls.add(Button.danger(ids.stop(), "Stop"));
        }
        if (!controls.isEmpty()) {
            rows.add(ActionRow.of(controls));
        }
        return rows;
    }

    private static int color(Step step) {
        return switch (step.status()) {
            case BLOCKED -> SeverityStyle.of(Severity.BLOCKER).color;
            case DONE -> step.findings().stream().map(Finding::severity).min(Enum::compareTo)
                    .map(s -> SeverityStyle.of(s).color).orElse(0x2ecc71);
            case ASKING -> 0x3498db;
        };
    }
}
