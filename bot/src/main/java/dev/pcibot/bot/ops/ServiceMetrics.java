package dev.pcibot.bot.ops;

import dev.pcibot.kb.AnswerResult;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.inject.Singleton;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.CommandAutoCompleteInteraction;
import net.dv8tion.jda.api.interactions.commands.context.MessageContextInteraction;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.interactions.components.buttons.ButtonInteraction;
import net.dv8tion.jda.api.interactions.modals.ModalInteraction;

/**
 * The service's own counters, in one place so each door reports with one line. HTTP requests and
 * their latencies ({@code http_server_requests_seconds}, by route template and status) and the
 * JVM/process meters come from micronaut-micrometer; these are what only we know:
 *
 * <ul>
 *   <li>{@code pcibot_diagnoses_total{door}}, and {@code pcibot_findings_total{door,finding}} per
 *       finding id in them ({@code none} / {@code insufficient-info} included)
 *   <li>{@code pcibot_searches_total{door,match}}: {@code strong}, {@code closest} (answered) or
 *       {@code none} (abstained), and {@code answered} true/false
 *   <li>{@code pcibot_discord_interactions_total{kind,outcome}}: slash, context-menu, autocomplete,
 *       button, modal; admitted or refused by the gate, and failed (the handler threw)
 *   <li>{@code pcibot_probe_decisions_total{decision,rule}}: allow or deny, and the rule that decided
 *       (a request admitted and then refused because its node was busy counts in both)
 * </ul>
 *
 * Tag values come from closed sets (finding ids, probe rules, match levels), never from user text,
 * so the number of series stays bounded.
 */
@Singleton
public final class ServiceMetrics {
    public static final String ADMITTED = "admitted";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";

    private final MeterRegistry registry;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** For objects built by hand (tests, the CLI): counts into a registry nobody reads. */
    public static ServiceMetrics unregistered() {
        return new ServiceMetrics(new CompositeMeterRegistry());
    }

    /** One diagnosis answered through {@code door} ({@code http}, ...); returns it, so a door counts in passing. */
    public Diagnosis diagnosis(String door, Diagnosis diagnosis) {
        counter("pcibot.diagnoses", "Diagnoses answered", "door", door).increment();
        for (Finding f : diagnosis.findings()) {
            counter("pcibot.findings", "Findings in diagnoses, by finding id", "door", door, "finding", f.id()).increment();
        }
        return diagnosis;
    }

    /** One search answered through {@code door}, by how well the guides matched; returns it. */
    public AnswerResult search(String door, AnswerResult answer) {
        String match = answer.search().level().name().toLowerCase(Locale.ROOT);
        counter("pcibot.searches", "Searches, by match level (none = abstained)", "door", door, "match", match,
                "answered", Boolean.toString(answer.answered())).increment();
        return answer;
    }

    /**
     * A Discord interaction passed the gate ({@link #ADMITTED}), was refused by it ({@link #REFUSED},
     * rate limit or a server/channel not allowed), or its handler threw ({@link #FAILED}, counted
     * besides its admission).
     */
    public void interaction(Interaction event, String outcome) {
        counter("pcibot.discord.interactions", "Discord interactions, by kind and outcome", "kind", kindOf(event),
                "outcome", outcome).increment();
    }

    private static String kindOf(Interaction event) {
        return switch (event) {
            case SlashCommandInteraction s -> "slash";
            case MessageContextInteraction m -> "context-menu";
            case CommandAutoCompleteInteraction a -> "autocomplete";
            case ButtonInteraction b -> "button";
            case ModalInteraction m -> "modal";
            default -> "other";
        };
    }

    /**
     * A probe request allowed or refused, with the rule that decided ({@code grant:admins},
     * {@code default-deny}, {@code limit:per-user}, ...: names from the configuration, so bounded).
     */
    public void probeDecision(boolean allowed, String rule) {
        counter("pcibot.probe.decisions", "Probe requests, allowed or refused by reason", "decision",
                allowed ? "allow" : "deny", "rule", rule).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
