package dev.pcibot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's run.sh, run in a copy of the project's layout with a fake {@code mvnw} and a fake
 * {@code java} that only write down how they were called: a verb builds only when a source, resource
 * or pom is newer than the jar (each build used to cost 12 s per call), and leading {@code -D}
 * options reach the JVM.
 */
class RunScriptTest {
    @TempDir
    Path project;

    Path calls;

    @BeforeEach
    void fakeProject() throws IOException {
        Files.copy(Path.of(System.getProperty("user.dir")).resolveSibling("run.sh"), project.resolve("run.sh"));
        calls = project.resolve("calls.log");
        script("mvnw", "echo \"mvnw $*\" >> " + calls + "\nmkdir -p bot/target && touch bot/target/bot-0.1.0-SNAPSHOT.jar");
        script("jdk/bin/java", """
                case "$*" in *-XshowSettings*) echo '    java.specification.version = 25' >&2 ;;
                  *) echo "java $*" >> %s ;; esac""".formatted(calls));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("bot/src/main/java"));
        Files.writeString(project.resolve("bot/pom.xml"), "<project/>");
        Files.writeString(project.resolve("bot/src/main/java/A.java"), "class A {}");
        Files.createDirectories(project.resolve(".mvn"));
    }

    @Test
    void buildsOnlyWhenSomethingIsNewerThanTheJar() throws Exception {
        run("help");
        assertEquals(1, builds(), "no jar yet: build");
        run("search", "iommu");
        assertEquals(1, builds(), "nothing changed: no build");
        Files.setLastModifiedTime(project.resolve("bot/src/main/java/A.java"), FileTime.from(Instant.now().plusSeconds(5)));
        run("help");
        assertEquals(2, builds(), "a source newer than the jar: build");
        Files.setLastModifiedTime(project.resolve("bot/pom.xml"), FileTime.from(Instant.now().plusSeconds(10)));
        run("help");
        assertEquals(3, builds(), "a pom newer than the jar: build");
    }

    @Test
    void leadingSystemPropertiesGoToTheJvm() throws Exception {
        run("-Dkb.data-dir=/srv/pcibot", "search", "iommu groups");
        List<String> java = Files.readAllLines(calls).stream().filter(l -> l.startsWith("java ")).toList();
        assertEquals(1, java.size(), java.toString());
        assertTrue(java.get(0).matches("java .*-Dkb\\.data-dir=/srv/pcibot -jar bot/target/bot-0\\.1\\.0-SNAPSHOT\\.jar search iommu groups"),
                java.get(0));
    }

    private long builds() throws IOException {
        return Files.readAllLines(calls).stream().filter(l -> l.startsWith("mvnw ")).count();
    }

    private void run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", project.resolve("run.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", project.resolve("jdk").toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
    }

    private void script(String name, String body) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
