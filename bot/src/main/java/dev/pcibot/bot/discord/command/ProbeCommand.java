package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.SlashCommandAdapter;
import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.discord.render.MessageLimits;
import dev.pcibot.bot.probe.ProbeAsk;
import dev.pcibot.bot.probe.ProbeDecision;
import dev.pcibot.bot.probe.ProbeReport;
import dev.pcibot.bot.probe.ProbeRunner;
import dev.pcibot.bot.probe.RawOutputs;
import dev.pcibot.bot.probe.RemoteProbes;
import dev.pcibot.kb.diagnose.Probe;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /probe node probe [vmid] [pci]}: runs one catalogue probe on a configured node for a user
 * a grant allows, and answers with the diagnosis of its output, as for a paste (the raw output stays
 * in the bot; "Show raw output" sends it, redacted, to the person who ran it only). The node choices are only the nodes this user may probe here; every request is
 * decided again by {@link ProbeRunner} from the interaction itself.
 */
@Singleton
final class ProbeCommand extends SlashCommandAdapter {
    static final String NODE_OPTION = "node";
    static final String PROBE_OPTION = "probe";
    static final String VMID_OPTION = "vmid";
    static final String PCI_OPTION = "pci";
    private static final Logger LOG = LoggerFactory.getLogger(ProbeCommand.class);

    private final ProbeRunner runner;
    private final DiagnosisReplies replies;
    private final RawOutputs raw;

    ProbeCommand(ProbeRunner runner, DiagnosisReplies replies, RawOutputs raw) {
        super("probe", "Run a read-only diagnostic on one of your Proxmox VE nodes and explain the result");
        this.runner = runner;
        this.replies = replies;
        this.raw = raw;
        OptionData probe = new OptionData(OptionType.STRING, PROBE_OPTION, "Which check to run", true);
        for (Probe p : RemoteProbes.all()) {
            probe.addChoice(p.id(), p.id());
        }
        data().setContexts(InteractionContextType.GUILD).addOptions(
                new OptionData(OptionType.STRING, NODE_OPTION, "The node (only those you may probe are offered)", true, true)
                        .setMaxLength(64),
                probe,
                new OptionData(OptionType.STRING, VMID_OPTION, "VM id, for qm-config (e.g. 100)").setMaxLength(12),
                new OptionData(OptionType.STRING, PCI_OPTION, "PCI address, for lspci-dev and lspci-vv (e.g. 0000:01:00.0)")
                        .setMaxLength(16));
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        String probeId = event.getOption(PROBE_OPTION, "", OptionMapping::getAsString);
        Optional<Probe> probe = RemoteProbes.byId(probeId);
        if (probe.isEmpty()) {
            Replies.notice(event, "I don't know the probe `" + Replies.quote(probeId, 40) + "`.");
            return;
        }
        String node = event.getOption(NODE_OPTION, "", OptionMapping::getAsString);
        ProbeAsk ask = ask(event, EntryPoint.SLASH, node, probe.get(), argument(event, probe.get()));
        ProbeDecision decision = runner.admit(ask);
        if (!decision.allowed()) {
            Replies.notice(event, decision.message());
            return;
        }
        String source = "probe `" + probe.get().id() + "` on `" + node + "`";
        replies.start(event, source, () -> {
            ProbeReport report = runner.execute(ask, decision);
            String key = raw.keep(ask, runner.settings().node(node).orElseThrow(), report);
            return new DiagnosisReplies.Diagnosed(report.diagnosis(), report.paste(), key);
        });
    }

    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        if (!event.getFocusedOption().getName().equals(NODE_OPTION)) {
            Replies.send(event.replyChoices(), "autocomplete");
            return;
        }
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        List<Command.Choice> choices = runner.gate()
                .probeNodes(guild, event.getChannelIdLong(), event.getUser().getIdLong(), roles(event.getMember()))
                .stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(typed))
                .limit(MessageLimits.AUTOCOMPLETE_CHOICES)
                .map(n -> new Command.Choice(n, n))
                .toList();
        event.replyChoices(choices).queue(ok -> {}, e -> LOG.warn("Autocomplete reply failed: {}", e.getMessage()));
    }

    /** The option that belongs to the probe; any option given to a probe that takes none is its (refused) argument. */
    private static String argument(SlashCommandInteractionEvent event, Probe probe) {
        String vmid = event.getOption(VMID_OPTION, OptionMapping::getAsString);
        String pci = event.getOption(PCI_OPTION, OptionMapping::getAsString);
        return switch (RemoteProbes.argument(probe)) {
            case VMID -> vmid;
            case PCI -> pci;
            case NONE -> vmid != null ? vmid : pci;
        };
    }

    /** The request as this interaction carries it: its server, channel, user and the roles it lists now. */
    static ProbeAsk ask(Interaction event, EntryPoint entry, String node, Probe probe, String argument) {
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        return new ProbeAsk(entry, guild, event.getChannelIdLong(), event.getUser().getIdLong(), event.getUser().getName(),
                roles(event.getMember()), node, probe, argument, UUID.randomUUID());
    }

    private static List<Long> roles(Member member) {
        return member == null ? List.of() : member.getRoles().stream().map(ISnowflake::getIdLong).toList();
    }
}
