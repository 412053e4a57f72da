package dev.pcibot.bot.http;

import dev.pcibot.bot.KnowledgeBase;
import dev.pcibot.kb.search.KbIndexException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Whether this instance can do its work now: the index opens and answers a search, and the
 * database hands out a working connection, each within {@code pcibot.health.timeout} (default 3 s)
 * so a hung database makes the probe say "not ready" instead of hanging the probe. What is wrong is
 * said without paths, like the API's 503s.
 */
@Singleton
final class Readiness {
    private final KnowledgeBase kb;
    private final DataSource dataSource;
    private final Duration timeout;

    Readiness(KnowledgeBase kb, DataSource dataSource, @Value("${pcibot.health.timeout:3s}") Duration timeout) {
        this.kb = kb;
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** Each thing that is not ready, in words; empty when the instance is ready. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        @Nullable String index = within("the index", this::indexProblem);
        if (index != null) {
            problems.add(index);
        }
        @Nullable String database = within("the database", this::databaseProblem);
        if (database != null) {
            problems.add(database);
        }
        return problems;
    }

    private @Nullable String indexProblem() {
        if (!kb.available()) {
            KbIndexException failure = kb.failure();
            return KnowledgeBaseErrors.unavailable(failure == null ? "the index is not open" : failure.reason());
        }
        try {
            kb.searcher().search("iommu", 1); // opened is not enough: it must answer
            return null;
        } catch (KbIndexException e) {
            return KnowledgeBaseErrors.unavailable(e.reason());
        }
    }

    private @Nullable String databaseProblem() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) Math.max(1, timeout.toSeconds())) ? null
                    : "The database did not answer a validity check.";
        } catch (SQLException | RuntimeException e) {
            // e.g. the embedded database's folder is unusable (its pool is closed), or PostgreSQL is down
            return "The database is not reachable (" + e.getClass().getSimpleName() + "). Check DATASOURCES_DEFAULT_URL,"
                    + " or for the embedded database that kb.data-dir (PCIBOT_DATA_DIR) is a writable folder.";
        }
    }

    /** Runs one check with the time limit; null when it passed. */
    private @Nullable String within(String what, Supplier<@Nullable String> check) {
        CompletableFuture<@Nullable String> result = CompletableFuture.supplyAsync(check);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return "Checking " + what + " took longer than " + timeout.toSeconds() + " s.";
        } catch (ExecutionException e) {
            return "Checking " + what + " failed (" + e.getCause().getClass().getSimpleName() + ").";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while checking " + what + ".";
        }
    }
}
