package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL the tests may use, named by {@code PCIBOT_TEST_POSTGRES_URL} (loopback only)
 * with {@code PCIBOT_TEST_POSTGRES_USER} and {@code _PASSWORD}; {@code .ci/run} starts a throw-away
 * one and sets all three. Without it the tests skip, except in CI ({@code PCIBOT_CI=1}), where a
 * missing database is a broken CI script and fails them: a skipped PostgreSQL test proves nothing.
 *
 * @param url a {@code jdbc:postgresql://127.0.0.1...} URL
 * @param user the user, or empty when the URL carries it
 * @param password the password, or empty
 */
public record TestPostgres(String url, String user, String password) {
    private static final Pattern LOOPBACK = Pattern.compile("jdbc:postgresql://(127\\.0\\.0\\.1|localhost)[:/].*");

    /** The configured database with schema {@code public} dropped and recreated: never point it at real data. */
    public static TestPostgres emptied() {
        String url = System.getenv("PCIBOT_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("1".equals(System.getenv("PCIBOT_CI"))) {
                fail("PCIBOT_CI=1 but PCIBOT_TEST_POSTGRES_URL is not set: .ci/run should have started PostgreSQL");
            }
            assumeTrue(false, "no PostgreSQL: set PCIBOT_TEST_POSTGRES_URL (see .ci/run) to run this test");
        }
        if (!LOOPBACK.matcher(url).matches()) {
            fail("PCIBOT_TEST_POSTGRES_URL must point at 127.0.0.1 or localhost (the test empties it): " + url);
        }
        TestPostgres pg = new TestPostgres(url, env("PCIBOT_TEST_POSTGRES_USER"), env("PCIBOT_TEST_POSTGRES_PASSWORD"));
        try (Connection c = pg.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty " + url + ": " + e.getMessage(), e);
        }
        return pg;
    }

    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (!user.isEmpty()) {
            ds.setUser(user);
            ds.setPassword(password);
        }
        return ds;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
