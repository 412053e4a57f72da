package dev.pcibot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.DependencyInjectionException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kb.*} binds with its defaults, and a wrong value stops start-up with the key named. The
 * folders named here are never touched: the knowledge base opens only when the server starts or a
 * bean asks for it, and the test environment keeps the database in memory.
 */
class KbConfigTest {

    @Test
    void defaultsNeedOnlyTheDataDir() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("kb.data-dir", "/srv/pcibot"), "test")) {
            KbConfig config = ctx.getBean(KbConfig.class);
            assertEquals(Path.of("/srv/pcibot"), config.dataDir());
            assertEquals(Path.of("/srv/pcibot/index"), config.indexDir());
            assertNull(config.userGuides());
            assertEquals(10, config.maxHits());
            assertEquals(Duration.ofSeconds(30), config.reloadInterval());
        }
    }

    @Test
    void everyKeyIsRead() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("kb.data-dir", "d", "kb.user-guides", "/g",
                "kb.max-hits", 3, "kb.reload-interval", "5s"), "test")) {
            KbConfig config = ctx.getBean(KbConfig.class);
            assertEquals(Path.of("/g"), config.userGuides());
            assertEquals(3, config.maxHits());
            assertEquals(Duration.ofSeconds(5), config.reloadInterval());
        }
    }

    @Test
    void zeroMaxHitsIsRefusedNamingTheKey() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("kb.data-dir", "d", "kb.max-hits", 0), "test")) {
            DependencyInjectionException e = assertThrows(DependencyInjectionException.class, () -> ctx.getBean(KbConfig.class));
            assertTrue(e.getMessage().contains("maxHits"), e.getMessage());
        }
    }
}
