package dev.pcibot.bot.probe;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and checks the probe configuration once, at start: a wrong key stops the service there. */
@Factory
class ProbeFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeFactory.class);

    @Context
    ProbeSettings probeSettings(List<ProbeNodeConfig> nodes, Environment environment, ProbeLimitsConfig limits) {
        ProbeSettings settings = new ProbeSettingsReader(System::getenv).read(
                nodes, environment.getProperties(ProbeSettingsReader.GUILDS, StringConvention.RAW), limits);
        if (settings.enabled()) {
            LOG.info("Probes on: nodes {} for {} server(s)", settings.nodeNames(), settings.guilds().size());
        } else {
            LOG.info("Probes are off: no node under {}", ProbeNodeConfig.PREFIX);
        }
        return settings;
    }
}
