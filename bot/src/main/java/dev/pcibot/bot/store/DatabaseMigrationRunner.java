package dev.pcibot.bot.store;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations as Micronaut's runner does, but a database that cannot be reached or
 * created (the embedded one in an unusable {@code kb.data-dir}) no longer stops the service: the
 * HTTP API does not need the database, and it answers 503 for the data folder on its own. The
 * failure is one line in the log; what needs the database (Discord votes and settings) reports a
 * {@link StoreException} per use. A database that was merely unreachable is tried again in the
 * background until it answers, then migrated. An embedded database whose folder cannot be created is not even
 * tried: its pool is closed at once.
 */
@Singleton
@Replaces(DataSourceMigrationRunner.class)
class DatabaseMigrationRunner extends DataSourceMigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseMigrationRunner.class);
    private static final String H2_FILE = "jdbc:h2:file:";

    /** Between attempts to migrate a database that was unreachable at start. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private final ApplicationContext context;
    private volatile boolean closed;

    DatabaseMigrationRunner(ApplicationContext context, ApplicationEventPublisher<?> publisher,
            @Nullable DataSourceResolver resolver) {
        super(context, publisher, resolver);
        this.context = context;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanIdentifier().getName();
        Optional<String> unusable = unusableH2Folder(name);
        if (unusable.isPresent()) {
            // Checked first: H2 would fail only after the pool's connection timeout (30 s by default).
            LOG.error("Database '{}' not migrated: {}; Discord votes and settings are unavailable until it is fixed"
                    + " and the service restarted", name, unusable.get());
            DataSource dataSource = event.getBean();
            // Closed, so each use fails at once instead of waiting out the pool's connection timeout,
            // and the pool does not retry (and H2 print a stack trace) in the background meanwhile.
            if (dataSource instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Could not close the pool of database '{}': {}", name, e.toString());
                }
            }
            return dataSource;
        }
        try {
            return super.onCreated(event);
        } catch (RuntimeException e) {
            LOG.error("Database '{}' not reachable or not migrated ({}); feedback, conversations, settings and probes"
                    + " answer that the database is unavailable meanwhile; trying again every {} s", name, rootCause(e),
                    RETRY.toSeconds());
            retryInBackground(event);
            return event.getBean();
        }
    }

    /**
     * Migrates once the database answers (PostgreSQL started after the service, a network back):
     * until then every store fails per use with a clear message, and afterwards works, without a
     * restart. Without this an empty database reached late had no tables until the next start.
     */
    private void retryInBackground(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanIdentifier().getName();
        Thread.ofPlatform().daemon().name("db-migrate-" + name).start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                try {
                    DatabaseMigrationRunner.super.onCreated(event);
                    LOG.info("Database '{}' reachable again and migrated; what needs it works again", name);
                    return;
                } catch (RuntimeException e) {
                    LOG.debug("Database '{}' still not reachable: {}", name, rootCause(e));
                }
            }
        });
    }

    @PreDestroy
    void close() {
        closed = true; // a closed context's pool can never be migrated: stop trying
    }

    /** For the embedded database, whether its folder can be created and written (why not, if not). */
    private Optional<String> unusableH2Folder(String name) {
        String url = context.getProperty("datasources." + name + ".url", String.class).orElse("");
        if (!url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        int options = url.indexOf(';');
        Path file = Path.of(url.substring(H2_FILE.length(), options < 0 ? url.length() : options));
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.of("its folder " + folder + " cannot be created (" + e.getClass().getSimpleName() + ")");
        }
        return Files.isWritable(folder) ? Optional.empty() : Optional.of("its folder " + folder + " is not writable");
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
