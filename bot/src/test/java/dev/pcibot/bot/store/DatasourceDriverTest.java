package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JDBC driver follows the URL the user sets (application.yml names none). Runs without a
 * database: only the configuration is read, no connection is opened.
 */
class DatasourceDriverTest {
    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://db.example/pcibot, org.postgresql.Driver",
        "jdbc:h2:mem:x;MODE=PostgreSQL,       org.h2.Driver",
    })
    void driverComesFromTheUrl(String url, String driver) {
        // A pool that does not connect at start, so the unreachable host does not matter.
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("datasources.default.url", url,
                "datasources.default.initialization-fail-timeout", -1, "flyway.datasources.default.enabled", false))) {
            DatasourceConfiguration config = ctx.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
            assertEquals(driver, config.getDriverClassName());
        }
    }
}
