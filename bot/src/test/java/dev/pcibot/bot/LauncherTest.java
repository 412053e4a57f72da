package dev.pcibot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar} on the wrong Java says what to do; on the right one the real main is a command
 * line for every word that is not an option (a typo included) and reads {@code -Dkb.data-dir}.
 */
class LauncherTest {
    @Test
    void launcherIsJava8Bytecode() throws IOException {
        try (InputStream in = LauncherTest.class.getResourceAsStream("/dev/pcibot/bot/Launcher.class");
                DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort(); // minor
            assertEquals(52, data.readUnsignedShort(), "class file major 52 = Java 8");
        }
    }

    @Test
    void javaVersionsAreReadBothWays() {
        assertEquals(8, Launcher.major("1.8"));
        assertEquals(17, Launcher.major("17"));
        assertEquals(21, Launcher.major("21.0.2"));
    }

    @Test
    void oldJavaGetsOneLineNamingTheFix() throws Exception {
        Optional<Path> oldJava = oldJava();
        assumeTrue(oldJava.isPresent(), "no JDK older than 21 under /usr/lib/jvm to try the launcher on");
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(oldJava.get().toString(), "-cp", classes.toString(), "dev.pcibot.bot.Launcher",
                "search", "iommu").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.matches("pcibot needs Java 21 or newer; this is Java 1[0-9]: run \\./run\\.sh or set JAVA_HOME\\R"),
                output);
    }

    @Test
    void mistypedVerbSaysSoAndStartsNoServer(@TempDir Path work) {
        try (ServiceProcess cli = ServiceProcess.start(work, Map.of(), "serach", "iommu")) {
            assertEquals(2, cli.awaitExit(), cli.output());
            assertEquals("error: unknown command 'serach' (did you mean 'search'?)\n", cli.output());
        }
    }

    @Test
    void systemPropertyNamesTheDataFolder(@TempDir Path work) {
        Path data = work.resolve("from-property");
        try (ServiceProcess cli = ServiceProcess.start(work, Map.of(), "-Dkb.data-dir=" + data, "index")) {
            assertEquals(0, cli.awaitExit(), cli.output());
            assertTrue(cli.output().startsWith("Index in " + data.resolve("index") + ": "), cli.output());
        }
    }

    /** A JDK below 21, e.g. Debian 12's default openjdk-17. */
    private static Optional<Path> oldJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            List<Path> javas = dirs.map(d -> d.resolve("bin/java")).filter(Files::isExecutable)
                    .filter(j -> j.toString().matches(".*/(java-|openjdk-|temurin-|jdk-?)(1[0-9]|1\\.8|8)[^0-9].*"))
                    .sorted(Comparator.naturalOrder()).toList();
            return javas.stream().findFirst();
        }
    }
}
