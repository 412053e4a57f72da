package dev.pcibot.bot.faults;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real mounts for the faults only a file system makes: a small tmpfs that fills up, a read-only
 * bind mount. They need root (CI runs as root): without it the test skips, except under
 * {@code PCIBOT_CI=1}, where a skipped fault test would prove nothing and fails instead.
 */
final class Mounts implements AutoCloseable {
    private final Path dir;

    private Mounts(Path dir) {
        this.dir = dir;
    }

    static void requireRoot(String forWhat) {
        boolean root = run(false, "id", "-u").strip().equals("0");
        if (!root && "1".equals(System.getenv("PCIBOT_CI"))) {
            fail("PCIBOT_CI=1 but the tests do not run as root, which " + forWhat + " needs (mount)");
        }
        assumeTrue(root, "not root: " + forWhat + " needs mount; run the tests as root (CI does) to include it");
    }

    /** A tmpfs of {@code size} (e.g. "2m") on {@code dir}. */
    static Mounts tmpfs(Path dir, String size) {
        run(true, "mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        return new Mounts(dir);
    }

    /** {@code dir} over itself, read-only: every write in it fails with EROFS, even for root. */
    static Mounts readOnly(Path dir) {
        run(true, "mount", "--bind", dir.toString(), dir.toString());
        Mounts m = new Mounts(dir);
        try {
            run(true, "mount", "-o", "remount,bind,ro", dir.toString());
        } catch (RuntimeException | AssertionError e) {
            m.close();
            throw e;
        }
        return m;
    }

    /** Changes the tmpfs's size ("space returns"). */
    void resize(String size) {
        run(true, "mount", "-o", "remount,size=" + size, dir.toString());
    }

    @Override
    public void close() {
        run(true, "umount", "-l", dir.toString()); // lazy: a process killed moments ago may still hold a file
    }

    private static String run(boolean check, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " hung");
            }
            if (check && p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", new ArrayList<>(List.of(command))) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
