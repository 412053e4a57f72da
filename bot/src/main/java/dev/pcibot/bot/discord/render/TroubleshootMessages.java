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
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * One step of a troubleshooting conversation as a Discord message: the question (the command to
 * run, filled with the user's VM id and PCI address, or the options to pick from), what is known so
 * far (host facts, the device picture, findings), and the buttons that answer it. Blocked and done
 * steps add the findings themselves, fixes included. Every part is trimmed to Discord's limits.
 */
public final class TroubleshootMessages {
    static final int KNOWN_MAX = 900;
    static final int DESCRIPTION_MAX = 1800;
    static final int MAX_DEVICES = 6;
    static final int MAX_FINDINGS_LISTED = 6;
    static final int MAX_FINDING_EMBEDS = 3;

    /** The custom ids of the step's buttons; the command passes these in (it owns the key). */
    public interface Ids {
        String paste();
        String cannot();
        String pick(String value);
        String back();
        String startOver();
        String stop();
        String share();
    }

    private TroubleshootMessages() {}

    public static MessageCreateData render(Step step, Ids ids) {
        List<MessageEmbed> embeds = new ArrayList<>();
        embeds.add(stepEmbed(step));
        if (step.status() != Step.Status.ASKING) {
            int room = (MessageLimits.EMBED_TOTAL - length(embeds.get(0)) - 50) / MAX_FINDING_EMBEDS;
            step.findings().stream()
                    .filter(f -> f.severity() != Severity.INFO || step.findings().size() == 1)
                    .limit(MAX_FINDING_EMBEDS)
                    .forEach(f -> embeds.add(FindingEmbeds.render(f, room).embed()));
        }
        return new MessageCreateBuilder()
                .setEmbeds(embeds)
                .setComponents(buttons(step, ids))
                .setAllowedMentions(List.of())
                .build();
    }

    private static MessageEmbed stepEmbed(Step step) {
        EmbedBuilder embed = new EmbedBuilder().setColor(color(step));
        String title = switch (step.status()) {
            case ASKING -> "Troubleshooting · step " + step.number();
            case BLOCKED -> "Troubleshooting · fix this first";
            case DONE -> "Troubleshooting · summary";
        };
        embed.setTitle(title);
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
        embed.setDescription(Trim.markdown(text.toString(), DESCRIPTION_MAX));
        String known = known(step);
        if (!known.isEmpty()) {
            embed.addField("Known so far", Trim.markdown(known, Math.min(KNOWN_MAX, MessageLimits.FIELD_VALUE)), false);
        }
        if (step.status() == Step.Status.ASKING && !step.findings().isEmpty()) {
            embed.addField("Findings so far", findingList(step.findings()), false);
        }
        List<String> open = new ArrayList<>();
        step.gaps().forEach(g -> open.add("could not run `" + Sanitizer.text(g).replace("`", "'") + "`"));
        if (step.status() == Step.Status.DONE) {
            step.notChecked().forEach(n -> open.add("not checked: " + n));
        }
        if (!open.isEmpty()) {
            embed.addField("Open", Trim.markdown("- " + String.join("\n- ", open), MessageLimits.FIELD_VALUE), false);
        }
        if (!step.notices().isEmpty()) {
            embed.addField("Note", Trim.markdown(Sanitizer.text(String.join("\n", step.notices())),
                    MessageLimits.FIELD_VALUE), false);
        }
        return embed.build();
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
            case Ask.RunProbe r -> rows.add(ActionRow.of(
                    Button.primary(ids.paste(), r.afterFix() ? "Paste it after the fix" : "Paste the output"),
                    Button.secondary(ids.cannot(), "I can't run this")));
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

    private static int length(MessageEmbed e) {
        return e.getLength();
    }
}
