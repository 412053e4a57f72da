package dev.pcibot.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the guides a user keeps in a folder: every {@code .html/.htm/.md/.markdown/.txt} file below
 * it. The title is the document's first heading (else the file name), the authority COMMUNITY and
 * the origin the file's URI, unless a sidecar {@code <file>.properties} says otherwise:
 *
 * <pre>
 * title=Passthrough on my X570 board
 * origin=https://example.org/x570-passthrough
 * authority=OFFICIAL_WIKI
 * </pre>
 *
 * A file that cannot be read or is not UTF-8 text is skipped with a warning; nothing here throws.
 *
 * <p>The folder's content may be shown on a web page, so: an origin is kept only when it is an
 * http or https address (a {@code javascript:} or {@code data:} one would run in the reader's
 * browser; it is dropped with a warning and the guide has no link), and no file is read whose real
 * path is outside the folder's real path (a link to {@code /etc/...} is refused with a warning; links
 * within the folder are followed).
 */
final class UserGuides {

    /** A user's guide with its content and the bytes that make up its fingerprint. */
    record UserGuide(Guide guide, String content, byte[] bytes) {}

    /** Larger than any guide (the bundled ones are 5 to 17 kB); keeps a stray dump out of memory. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final List<UserGuide> guides = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private UserGuides() {}

    static UserGuides scan(Path folder) {
        UserGuides scan = new UserGuides();
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException | RuntimeException e) {
            root = null;
        }
        if (root == null || !Files.isDirectory(root)) {
            scan.warnings.add("user guide folder " + folder + " does not exist or is not a folder; using the bundled guides only");
            return scan;
        }
        Path realRoot = root;
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink()) {
                        // not followed by the walk: resolved here, and kept only when it stays inside
                        scan.insideOrWarn(realRoot, file, "skipped")
                                .filter(target -> Files.isRegularFile(target) && format(file).isPresent())
                                .ifPresent(target -> files.add(file));
                    } else if (attributes.isRegularFile() && format(file).isPresent()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // One unreadable subfolder must not hide the rest of the guides.
                    scan.warnings.add("skipped " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            scan.warnings.add("cannot list user guide folder " + folder + ": " + e.getMessage());
        }
        files.sort(null);
        for (Path file : files) {
            scan.add(realRoot, file);
        }
        return scan;
    }

    /**
     * The real path of {@code file} when it lies inside {@code root} (a real path); empty, with a
     * warning "{@code verb} file: ...", when it leads outside or cannot be resolved.
     */
    private Optional<Path> insideOrWarn(Path root, Path file, String verb) {
        try {
            Path real = file.toRealPath();
            if (real.startsWith(root)) {
                return Optional.of(real);
            }
            warnings.add(verb + " " + file + ": it is a link to outside the user guide folder");
        } catch (IOException | RuntimeException e) {
            warnings.add(verb + " " + file + ": cannot resolve it (" + e.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }

    List<UserGuide> guides() {
        return List.copyOf(guides);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void add(Path folder, Path file) {
        byte[] bytes;
        try {
            Optional<Path> real = insideOrWarn(folder, file, "skipped");
            if (real.isEmpty()) {
                return; // checked again here: the walk and the read are apart in time
            }
            long size = Files.size(real.get());
            if (size > MAX_BYTES) {
                warnings.add("skipped " + file + ": " + size + " bytes, more than the " + MAX_BYTES
                        + " a guide may have (a log or an archive?)");
                return;
            }
            bytes = Files.readAllBytes(real.get());
        } catch (IOException | RuntimeException e) {
            warnings.add("skipped " + file + ": cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return;
        }
        Optional<String> text = utf8Text(bytes);
        if (text.isEmpty()) {
            warnings.add("skipped " + file + ": not UTF-8 text (binary file?)");
            return;
        }
        GuideFormat format = format(file).orElseThrow();
        Path sidecarFile = file.resolveSibling(file.getFileName() + ".properties");
        Properties sidecar = sidecar(folder, sidecarFile);
        String relative = folder.relativize(file).toString();
        String id = "user-" + Slugs.of(relative.replaceAll("\\.[^.]+$", ""));
        String title = sidecar.getProperty("title", firstHeading(text.get(), format).orElse(fileTitle(file)));
        String origin = origin(sidecar.getProperty("origin"), file, sidecarFile);
        Authority authority = authority(sidecar.getProperty("authority"), file);
        Guide guide = new Guide(id, title, origin, authority, format, relative);
        guides.add(new UserGuide(guide, text.get(), bytes));
    }

    /**
     * The sidecar's origin when it is a web address (http or https, with a host); "" (no link) with a
     * warning for anything else; the file's own URI when the sidecar names none.
     */
    private String origin(String value, Path file, Path sidecarFile) {
        if (value == null) {
            return file.toUri().toString();
        }
        Optional<String> web = WebOrigins.of(value);
        if (web.isEmpty()) {
            warnings.add(sidecarFile + ": origin '" + value.strip() + "' dropped, only http and https addresses are"
                    + " linked; the guide is indexed without a link");
            return "";
        }
        return web.get();
    }

    private Authority authority(String value, Path file) {
        if (value == null) {
            return Authority.COMMUNITY;
        }
        try {
            return Authority.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            warnings.add(file + ".properties: unknown authority '" + value + "', using COMMUNITY; expected one of "
                    + List.of(Authority.values()));
            return Authority.COMMUNITY;
        }
    }

    private Properties sidecar(Path folder, Path sidecar) {
        Properties properties = new Properties();
        if (!Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            return properties;
        }
        Optional<Path> real = insideOrWarn(folder, sidecar, "ignored");
        if (real.isPresent() && Files.isRegularFile(real.get())) {
            try {
                properties.load(new StringReader(Files.readString(real.get(), StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                warnings.add("ignored " + sidecar + ": " + e.getMessage());
            }
        }
        return properties;
    }

    static Optional<GuideFormat> format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(GuideFormat.HTML);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(GuideFormat.MARKDOWN);
        }
        return name.endsWith(".txt") ? Optional.of(GuideFormat.TEXT) : Optional.empty();
    }

    private static Optional<String> utf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstHeading(String content, GuideFormat format) {
        List<Block> blocks = switch (format) {
            case HTML -> HtmlBlocks.read(content);
            case MARKDOWN -> MarkdownBlocks.read(content, GuideHints.NONE);
            case TEXT -> TextDumpBlocks.read(content, GuideHints.NONE);
        };
        return blocks.stream()
                .filter(b -> b instanceof Block.Heading)
                .map(b -> ((Block.Heading) b).text())
                .findFirst();
    }

    private static String fileTitle(Path file) {
        String name = file.getFileName().toString().replaceAll("\\.[^.]+$", "");
        return name.replace('_', ' ').replace('-', ' ').strip();
    }
}
