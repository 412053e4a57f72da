package dev.pcibot.bot.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.annotation.Controller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile and compose.yaml checked without a container engine (CI has none): what the image
 * copies exists and is not excluded by .dockerignore, it runs as a non-root user on all interfaces
 * with the data folder as its volume, its health check asks a route the service has, and compose
 * wires the replicas to PostgreSQL with a data volume each. {@code .ci/run} builds the image too
 * where a container tool and the base images are at hand.
 */
class ContainerFilesTest {
    private static final Path ROOT = root();
    private static final Pattern COPY = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ");
    private static final Pattern ARG_IMAGE = Pattern.compile("(?m)^ARG (BUILD|RUN)_IMAGE=eclipse-temurin:(\\d+)-(jdk|jre)$");

    @Test
    void theImageCopiesWhatExistsAndRunsAsAServiceShould() throws IOException, ClassNotFoundException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        Matcher copy = COPY.matcher(dockerfile);
        List<String> copied = new ArrayList<>();
        while (copy.find()) {
            String source = copy.group(1);
            copied.add(source);
            assertTrue(Files.exists(ROOT.resolve(source)), "the Dockerfile copies " + source + ", which exists");
            assertFalse(ignored.contains(source), ".dockerignore must not exclude " + source);
        }
        assertTrue(copied.containsAll(List.of("mvnw", ".mvn", "content", "ingest", "kb", "bot")), copied.toString());

        Matcher images = ARG_IMAGE.matcher(dockerfile);
        int found = 0;
        while (images.find()) {
            found++;
            assertTrue(Integer.parseInt(images.group(2)) >= 21, "Java 21 or newer: " + images.group());
        }
        assertEquals(2, found, "a JDK build image and a JRE run image");

        assertTrue(dockerfile.contains("./mvnw -B -q -pl bot -am package -DskipTests"), "built with the wrapper");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        assertTrue(user.find());
        assertNotEquals("root", user.group(1));
        assertTrue(dockerfile.contains("MICRONAUT_SERVER_HOST=0.0.0.0"), "listens beyond the container's loopback");
        assertTrue(dockerfile.contains("PCIBOT_DATA_DIR=/data") && dockerfile.contains("VOLUME [\"/data\"]"),
                "the data folder is the volume");
        Matcher jar = Pattern.compile("(?m)^COPY --from=build \\S+ (\\S+)$").matcher(dockerfile);
        assertTrue(jar.find());
        assertTrue(dockerfile.contains("\"-jar\", \"" + jar.group(1) + "\""), "runs the jar it copied: " + jar.group(1));

        String health = Class.forName("dev.pcibot.bot.http.HealthController").getAnnotation(Controller.class).value();
        Matcher check = Pattern.compile("(?m)^HEALTHCHECK .*\\n.*GET (\\S+) HTTP").matcher(dockerfile);
        assertTrue(check.find(), "a HEALTHCHECK doing a GET");
        assertEquals(health, check.group(1), "the health check asks the service's health route");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoReplicasOnPostgresWithADataVolumeEach() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertTrue(String.valueOf(services.get("db").get("image")).startsWith("postgres:"), "PostgreSQL");
        List<String> replicas = List.of("pcibot", "pcibot-2");
        List<String> dataVolumes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : replicas) {
            Map<String, Object> service = services.get(name);
            assertEquals(".", String.valueOf(service.get("build")), name + " builds the Dockerfile here");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertTrue(String.valueOf(env.get("DATASOURCES_DEFAULT_URL")).startsWith("jdbc:postgresql://db:5432/"), name + ": " + env);
            assertTrue(env.containsKey("DATASOURCES_DEFAULT_USERNAME") && env.containsKey("DATASOURCES_DEFAULT_PASSWORD"));
            names.add(String.valueOf(env.get("DISCORD_INSTANCE_NAME")));
            assertTrue(((Map<String, Object>) service.get("depends_on")).containsKey("db"), name + " waits for the database");
            List<String> volumes = (List<String>) service.get("volumes");
            assertEquals(1, volumes.size());
            assertTrue(volumes.get(0).endsWith(":/data"), "the image's data volume: " + volumes);
            dataVolumes.add(volumes.get(0));
            List<String> ports = (List<String>) service.get("ports");
            assertTrue(ports.get(0).endsWith(":8080"), "the image's port: " + ports);
        }
        assertEquals(2, dataVolumes.stream().distinct().count(), "one data folder per replica: " + dataVolumes);
        assertEquals(2, names.stream().distinct().count(), "instance names tell the replicas' claims apart: " + names);
    }

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("Dockerfile")) ? here : here.getParent(); // tests run in bot/
    }
}
