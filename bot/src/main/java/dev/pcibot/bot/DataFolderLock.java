package dev.pcibot.bot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service per data folder: a lock on {@code service.lock} in it, held for the life of the
 * process (the operating system drops it when the process dies, even by {@code kill -9}). Two
 * services on one folder would each rebuild and delete the other's index folders, and the second
 * could not open the embedded database anyway; so the second refuses to start, naming the folder
 * and the process holding it. The CLI does not take it: {@code index} and {@code search} beside a
 * running service are safe (builds take the index's own build lock).
 */
final class DataFolderLock {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolderLock.class);
    static final String FILE = "service.lock";

    /** Another service holds the data folder. */
    static final class InUseException extends RuntimeException {
        InUseException(String message) {
            super(message);
        }
    }

    private final @Nullable FileChannel channel;
    private final @Nullable FileLock lock;

    private DataFolderLock(@Nullable FileChannel channel, @Nullable FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code dataDir}, or throws {@link InUseException} when another process holds
     * it. A folder that cannot be created or written is not refused here: the knowledge base and the
     * database say what is wrong with it (503), and nothing can be corrupted in it.
     */
    static DataFolderLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not take the lock {} ({}); not checking for a second service on this data folder", file,
                    e.toString());
            return new DataFolderLock(null, null);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already: a second service in one process is just as wrong
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                String message = "Another pcibot service (" + (holder.isEmpty() ? "unknown process" : holder)
                        + ") uses the data folder " + dataDir.toAbsolutePath() + ". Two services on one folder would"
                        + " delete each other's index and cannot share its embedded database: give this one its own"
                        + " kb.data-dir (PCIBOT_DATA_DIR), or stop the other. Instances share feedback and"
                        + " conversations through PostgreSQL, each with a data folder of its own.";
                LOG.error(message);
                throw new InUseException(message);
            }
            String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            LOG.warn("Could not take the lock {} ({}); not checking for a second service on this data folder", file,
                    e.toString());
            return new DataFolderLock(channel, null);
        }
    }

    /** Whether this process holds the folder (false when the lock could not be taken at all). */
    boolean held() {
        return lock != null && lock.isValid();
    }

    void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.debug("Releasing {}: {}", FILE, e.toString());
        }
    }
}
