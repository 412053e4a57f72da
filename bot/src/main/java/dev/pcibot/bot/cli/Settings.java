package dev.pcibot.bot.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Where the CLI finds the settings the service reads from Micronaut's configuration: an option
 * first, then the {@code -D} system property, then the environment variable Micronaut would map to
 * that property ({@code KB_DATA_DIR} for {@code kb.data-dir}), then the README's name
 * ({@code PCIBOT_DATA_DIR}, which application.yml reads), then the default. The same order as the
 * service, so {@code search} and a running server open the same index.
 */
record Settings(Map<String, String> env, Properties properties) {

    Path dataDir(@Nullable Path option) {
        if (option != null) {
            return option;
        }
        String value = first(properties.getProperty("kb.data-dir"), env.get("KB_DATA_DIR"), env.get("PCIBOT_DATA_DIR"));
        return Path.of(value == null ? "./data" : value);
    }

    @Nullable Path userGuides(@Nullable Path option) {
        if (option != null) {
            return option;
        }
        String value = first(properties.getProperty("kb.user-guides"), env.get("KB_USER_GUIDES"));
        return value == null ? null : Path.of(value);
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
