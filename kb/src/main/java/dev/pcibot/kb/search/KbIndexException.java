package dev.pcibot.kb.search;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import org.apache.lucene.index.CorruptIndexException;

/**
 * The index on disk could not be built, opened or read. The message names the folder and the cause,
 * for the log; {@link #reason()} says the same without paths, fit for a reply to a client.
 */
public final class KbIndexException extends RuntimeException {
    private final String reason;

    public KbIndexException(String message, Throwable cause) {
        this(message, reasonOf(cause), cause);
    }

    public KbIndexException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What went wrong, in words and without any path: "the index folder is not writable". */
    public String reason() {
        return reason;
    }

    /** The path-free reason for an I/O failure on the index folder. */
    static String reasonOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return "the disk holding the index folder is full (free some space; nothing half-built was kept)";
            }
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a file stands where the index folder should be";
        }
        if (e instanceof AccessDeniedException || e instanceof ReadOnlyFileSystemException) {
            return "the index folder cannot be written (permission denied or read-only)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String why = f.getReason();
            if (why.contains("Read-only")) {
                return "the index folder is on a read-only file system";
            }
            if (why.contains("not permitted") || why.contains("Permission denied")) {
                return "the index folder cannot be written (permission denied or read-only)";
            }
            if (why.contains("Not a directory") || why.contains("File exists")) {
                return "a file stands where the index folder should be";
            }
        }
        if (e instanceof NoSuchFileException) {
            return "a file of the index is missing";
        }
        if (e instanceof CorruptIndexException) {
            return "the index files are damaged";
        }
        return "the index folder cannot be used (" + e.getClass().getSimpleName() + ")";
    }
}
