package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service started the way the README says for PostgreSQL: the three
 * {@code DATASOURCES_DEFAULT_*} variables and nothing else. It used to stop at start with "Driver
 * org.h2.Driver claims to not accept jdbcUrl" because the H2 driver was fixed in application.yml.
 */
class ServiceOnPostgresTest {
    @Test
    void readmeVariablesStartTheServiceOnPostgres(@TempDir Path work) throws SQLException {
        TestPostgres pg = TestPostgres.emptied();
        try (ServiceProcess service = ServiceProcess.start(work, Map.of(
                "DATASOURCES_DEFAULT_URL", pg.url(),
                "DATASOURCES_DEFAULT_USERNAME", pg.user(),
                "DATASOURCES_DEFAULT_PASSWORD", pg.password()))) {
            service.awaitOutput("pcibot listening on ");
            assertEquals(200, service.get("/api/health").statusCode(), service.output());
            assertFalse(service.output().contains("claims to not accept jdbcUrl"), service.output());
        }
        try (Connection c = pg.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1, "Flyway migrated the PostgreSQL database at start");
        }
        assertFalse(Files.exists(work.resolve("data/db")), "no embedded H2 database beside the index");
    }
}
