package dev.pcibot.bot.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder on a 2 MiB tmpfs (as root; CI runs as root). A service stored a conversation;
 * then the index is gone and the disk has 64 KiB left: the build at start fails, says the disk is
 * full, leaves no half-built folder and answers 503 with that reason; the disk filled to the last
 * byte, a database write is refused with a clear 503 (not reported stored and lost later). Once
 * space returns the index is built and searched, and the conversation is as it was and takes the
 * write.
 */
class FullDiskTest {
    private static final String SEARCH = "/api/search?q=how+do+I+enable+the+IOMMU";
    /** A start whose first step asks for a probe (the symptom is given). */
    private static final String START = "{\"vmid\":\"100\",\"symptom\":\"setup\"}";
    private static final Pattern FIELD = Pattern.compile("\"(id|step|probe)\":\"?([^\",]+)");

    @TempDir
    Path work;

    private Supplier<String> log = () -> "";

    @Test
    void aFullDiskIsSaidLeavesNothingHalfWrittenAndIsSurvivedOnceSpaceReturns() throws IOException {
        Mounts.requireRoot("a full disk (tmpfs)");
        Path data = Files.createDirectories(work.resolve("data"));
        IndexFolder index = new IndexFolder(data.resolve("index"));
        Path filler = data.resolve("filler");
        try (Mounts disk = Mounts.tmpfs(data, "2m")) {
            // given a service that stored a conversation, then a disk with 64 KiB left and no index on it
            String id;
            Map<String, String> first;
            try (ServiceProcess service = ServiceProcess.start(work, Map.of())) {
                service.awaitOutput("Knowledge base ready: .*");
                service.awaitOutput("pcibot listening on");
                HttpResponse<String> created = service.post("/api/conversations", START);
                assertEquals(201, created.statusCode(), created.body());
                first = fields(created.body());
                id = first.get("id");
            }
            for (Path build : index.builds()) {
                try (java.util.stream.Stream<Path> files = Files.walk(build)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.delete(index.root().resolve("current"));
            fill(filler, (int) (Files.getFileStore(data).getUsableSpace() / 1024) - 64);
            try (ServiceProcess service = ServiceProcess.start(work, Map.of("KB_RETRY_INTERVAL", "1s"))) {
                log = service::output;
                survives(service, disk, filler, index, id, first);
            }
        }
    }

    private void survives(ServiceProcess service, Mounts disk, Path filler, IndexFolder index, String id,
            Map<String, String> first) throws IOException {
        Path data = index.root().getParent();
        // then the build fails and says why, and leaves nothing half-built
        String failure = service.awaitOutput("Knowledge base unavailable, requests answer 503.*").group();
        assertTrue(failure.contains("No space left on device"), failure);
        service.awaitOutput("pcibot listening on");
        HttpResponse<String> refused = service.get(SEARCH);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("the disk holding the index folder is full"), refused.body());
        assertTrue(index.builds().isEmpty(), "the failed build left nothing: " + index.builds());
        // and a database write on the full disk is refused, not pretended
        String answer = "{\"step\":" + first.get("step") + ",\"cannot\":\"" + first.get("probe") + "\"}";
        fill(data.resolve("filler-2"), Integer.MAX_VALUE);
        HttpResponse<String> full = service.post("/api/conversations/" + id + "/answers", answer);
        assertEquals(503, full.statusCode(), () -> "a write on a full disk is refused: " + full.body() + "\n" + log.get());
        assertTrue(full.body().contains("nothing was saved"), full.body());
        // when space returns: the index is built at the next request after the retry interval
        Files.delete(filler);
        Files.delete(data.resolve("filler-2"));
        disk.resize("512m");
        HttpResponse<String> search = until(() -> service.get(SEARCH), r -> r.statusCode() == 200);
        assertTrue(search.body().contains("\"answered\":true"), search.body());
        // and the conversation is as it was, and takes the write
        HttpResponse<String> same = until(() -> service.get("/api/conversations/" + id), r -> r.statusCode() == 200);
        assertEquals(first.get("step"), fields(same.body()).get("step"), same.body());
        HttpResponse<String> answered = until(() -> service.post("/api/conversations/" + id + "/answers", answer),
                r -> r.statusCode() == 200);
        assertEquals(Integer.toString(Integer.parseInt(first.get("step")) + 1), fields(answered.body()).get("step"));
        assertEquals(1, index.builds().size(), index.builds().toString());
    }

    /** Writes {@code kib} KiB of zeros to {@code file}, or until the file system refuses (the disk is full). */
    private static void fill(Path file, int kib) {
        byte[] block = new byte[1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < kib; i++) {
                out.write(block);
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
    }

    /** Repeats {@code request} (every 500 ms, up to 90 s) until {@code done} holds; the last response. */
    private HttpResponse<String> until(Supplier<HttpResponse<String>> request,
            java.util.function.Predicate<HttpResponse<String>> done) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        HttpResponse<String> last = request.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = request.get();
        }
        HttpResponse<String> result = last;
        assertTrue(done.test(result), () -> "never came right: " + result.statusCode() + " " + result.body() + "\n" + log.get());
        return result;
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }
}
