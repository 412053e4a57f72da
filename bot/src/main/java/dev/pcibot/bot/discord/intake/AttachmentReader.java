package dev.pcibot.bot.discord.intake;

import dev.pcibot.bot.Sizes;
import dev.pcibot.bot.discord.DiscordConfig;
import dev.pcibot.kb.diagnose.Utf16Input;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Downloads text attachments for diagnosis. Accepts {@code text/*} (and JSON, for {@code pvesh}
 * output) or the extensions .txt .log .conf .cfg; refuses anything larger than
 * {@code discord.max-attachment-bytes} (checked on what Discord reports and again while reading,
 * since the reported size is only a claim), and anything with NUL bytes in its first 8 KiB (UTF-16
 * is read as text first). The
 * whole download, body included, must finish within {@code discord.download-timeout}: a server
 * that stalls mid-body has its stream closed, so a worker is never held for ever.
 */
@Singleton
public final class AttachmentReader {
    static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "log", "conf", "cfg");
    static final int SNIFF_BYTES = 8192;

    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient http;
    // One daemon thread for every download deadline: it only closes streams.
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attachment-deadline");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public AttachmentReader(DiscordConfig config) {
        this(config.maxAttachmentBytes(), config.downloadTimeout());
    }

    public AttachmentReader(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Why the attachment will not be read, judged from its metadata alone; empty when it may be. */
    public Optional<String> refusal(AttachmentRef a) {
        if (!isText(a)) {
            return Optional.of(name(a) + " is not a text file (" + (a.contentType() == null ? "unknown type"
                    : a.contentType()) + "). Attach the output as a .txt or .log file, or paste it.");
        }
        if (a.size() > maxBytes) {
            return Optional.of(tooBig(a));
        }
        return Optional.empty();
    }

    /**
     * Opens the download: the stream stops with an {@link IOException} past the size limit. The
     * caller closes it.
     */
    public InputStream open(AttachmentRef a) throws AttachmentRejectedException {
        Optional<String> refusal = refusal(a);
        if (refusal.isPresent()) {
            throw new AttachmentRejectedException(refusal.get());
        }
        HttpResponse<InputStream> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(a.url())).timeout(timeout).GET().build();
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new AttachmentRejectedException("Downloading " + name(a) + " took longer than "
                    + Sizes.seconds(timeout) + ". Try again, or attach a smaller part of the log.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new AttachmentRejectedException("I could not download " + name(a) + ". Try again in a moment.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttachmentRejectedException("The download of " + name(a) + " was interrupted.", e);
        }
        if (response.statusCode() != 200) {
            close(response.body());
            throw new AttachmentRejectedException("I could not download " + name(a) + " (HTTP "
                    + response.statusCode() + "). Try again in a moment.");
        }
        String late = "Downloading " + name(a) + " took longer than " + Sizes.seconds(timeout)
                + ". Try again, or attach a smaller part of the log.";
        InputStream raw = new LimitedInputStream(new DeadlineInputStream(response.body(), timeout, late, DEADLINES),
                maxBytes, tooBig(a));
        BufferedInputStream in = null;
        try {
            // UTF-16 (a log saved by Windows PowerShell) has a NUL in every other byte: read it as
            // the text it is before looking for the NULs of a binary file
            in = new BufferedInputStream(Utf16Input.decoded(raw), SNIFF_BYTES * 2);
            if (looksBinary(in)) {
                close(in);
                throw new AttachmentRejectedException(name(a) + " contains binary data, not text. Attach the "
                        + "command output as plain text (for example `dmesg > dmesg.txt`).");
            }
        } catch (IOException e) {
            close(in == null ? raw : in);
            throw new AttachmentRejectedException(e.getMessage() == null ? "I could not read " + name(a) : e.getMessage(), e);
        }
        return in;
    }

    /** The whole attachment as text (UTF-8, malformed bytes replaced). */
    public String readText(AttachmentRef a) throws AttachmentRejectedException {
        try (InputStream in = open(a)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AttachmentRejectedException(e.getMessage() == null ? "I could not read " + name(a) : e.getMessage(), e);
        }
    }

    static boolean isText(AttachmentRef a) {
        String type = a.contentType() == null ? "" : a.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/") || type.startsWith("application/json")) {
            return true;
        }
        String file = a.fileName().toLowerCase(Locale.ROOT);
        int dot = file.lastIndexOf('.');
        return dot >= 0 && TEXT_EXTENSIONS.contains(file.substring(dot + 1));
    }

    private static boolean looksBinary(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private String tooBig(AttachmentRef a) {
        return name(a) + " is " + Sizes.human(a.size()) + "; the limit is " + Sizes.human(maxBytes)
                + ". Attach only the relevant part, e.g. `dmesg | grep -i -e DMAR -e IOMMU -e AMD-Vi -e vfio > dmesg.txt`.";
    }

    private static String name(AttachmentRef a) {
        String n = a.fileName().replaceAll("[`*_~|<>@#\\\\]", "");
        return "`" + (n.length() > 80 ? n.substring(0, 80) + "…" : n) + "`";
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to release that closing did not already try
        }
    }
}
