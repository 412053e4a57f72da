package dev.pcibot.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The guides the knowledge base is built from, cut into sections: the bundled ones (manifest and
 * files on the classpath under {@code content/guides/}), plus any a user keeps in a folder.
 *
 * <pre>
 * GuideLibrary library = GuideLibrary.load(Path.of("/var/lib/pcibot/guides"));
 * library.warnings().forEach(log::warn);     // user files that were skipped, and why
 * index(library.sections(), library.fingerprint());
 * </pre>
 */
public final class GuideLibrary {

    /**
     * Changes whenever the way guides become sections changes, so an index built by an older
     * version counts as stale even when no guide changed.
     */
    static final String INGEST_VERSION = "ingest-3"; // 3: unsafe sidecar origins dropped

    private static final String GUIDES = "content/guides/";

    private final List<Guide> guides;
    private final List<Section> sections;
    private final List<String> warnings;
    private final String fingerprint;

    private GuideLibrary(List<Guide> guides, List<Section> sections, List<String> warnings, String fingerprint) {
        this.guides = List.copyOf(guides);
        this.sections = sections instanceof LazySections ? sections : List.copyOf(sections);
        this.warnings = List.copyOf(warnings);
        this.fingerprint = fingerprint;
    }

    /** The bundled guides only. Built once: the bundled content cannot change while running. */
    public static GuideLibrary bundled() {
        return Bundled.LIBRARY;
    }

    /**
     * The bundled guides plus every {@code .html/.htm/.md/.markdown/.txt} file under
     * {@code userFolder} (none when it is null). Never throws for a bad user file: it is skipped and
     * named in {@link #warnings()}.
     */
    public static GuideLibrary load(@Nullable Path userFolder) {
        if (userFolder == null) {
            return bundled();
        }
        GuideLibrary bundled = bundled();
        UserGuides user = UserGuides.scan(userFolder);
        List<Guide> guides = new ArrayList<>(bundled.guides);
        List<Section> userSections = new ArrayList<>();
        List<String> warnings = new ArrayList<>(user.warnings());
        MessageDigest digest = sha256();
        digest.update(bundled.fingerprint.getBytes(StandardCharsets.UTF_8));
        for (UserGuides.UserGuide userGuide : user.guides()) {
            Guide guide = userGuide.guide();
            try {
                userSections.addAll(GuideReader.sections(guide, userGuide.content()));
                guides.add(guide);
                update(digest, guide.file(), userGuide.bytes());
                update(digest, "meta", (guide.title() + "\t" + guide.originUrl() + "\t" + guide.authority())
                        .getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // A reader bug must not take the bundled guides down with one odd user file.
                warnings.add("skipped " + guide.file() + ": could not cut it into sections (" + e + ")");
            }
        }
        // The user's files are cut now (a file that cannot be cut is a warning at once); the bundled
        // ones only when the index must be built.
        List<Section> sections = new LazySections(() -> {
            List<Section> all = new ArrayList<>(bundled.sections);
            all.addAll(userSections);
            return all;
        });
        return new GuideLibrary(guides, sections, warnings, HexFormat.of().formatHex(digest.digest()));
    }

    /** The guides, bundled first in manifest order, then the user's by file path. */
    public List<Guide> guides() {
        return guides;
    }

    /**
     * Every section of every guide, in guide and reading order. The bundled guides are cut into
     * sections on the first call, not before: a service that reuses its index never needs them.
     */
    public List<Section> sections() {
        return sections;
    }

    /** User files that were skipped or partly ignored, each with the reason; empty when all was read. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * A hex SHA-256 over the ingest version, the manifest, the hints and every guide's bytes: when it
     * differs from the one an index was built with, the index is stale.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static GuideLibrary loadBundled() {
        MessageDigest digest = sha256();
        update(digest, "version", INGEST_VERSION.getBytes(StandardCharsets.UTF_8));
        byte[] manifest = resource(GUIDES + "manifest.tsv");
        update(digest, "manifest", manifest);
        List<Guide> guides = Manifest.parse(new String(manifest, StandardCharsets.UTF_8));
        List<byte[]> files = new ArrayList<>();
        for (Guide guide : guides) {
            byte[] bytes = resource(GUIDES + guide.file());
            update(digest, guide.file(), bytes);
            byte[] hints = optionalResource("dev/pcibot/ingest/hints/" + guide.id() + ".tsv");
            update(digest, "hints", hints);
            files.add(bytes);
        }
        // Cutting (jsoup, the readers, their classes loading in a cold JVM) took about 1.1 s of every
        // start; the fingerprint needs only the bytes, so the cut waits until the index is built.
        List<Section> sections = new LazySections(() -> {
            List<Section> all = new ArrayList<>();
            for (int i = 0; i < guides.size(); i++) {
                all.addAll(GuideReader.sections(guides.get(i), new String(files.get(i), StandardCharsets.UTF_8)));
            }
            return all;
        });
        return new GuideLibrary(guides, sections, List.of(), HexFormat.of().formatHex(digest.digest()));
    }

    private static byte[] resource(String name) {
        byte[] bytes = optionalResource(name);
        if (bytes.length == 0) {
            throw new IllegalStateException("bundled guide resource missing or empty: " + name
                    + " (is the content module on the classpath?)");
        }
        return bytes;
    }

    private static byte[] optionalResource(String name) {
        try (InputStream in = GuideLibrary.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + name, e);
        }
    }

    private static void update(MessageDigest digest, String label, byte[] bytes) {
        // Length-prefixed, so moving bytes from one file to the next changes the fingerprint.
        digest.update((label + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Holder: the bundled library is built on first use, once. */
    private static final class Bundled {
        static final GuideLibrary LIBRARY = loadBundled();
    }
}
