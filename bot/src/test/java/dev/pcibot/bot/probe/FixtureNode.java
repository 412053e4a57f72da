package dev.pcibot.bot.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Proxmox VE node as files, for the real wrapper's {@code --fixture} mode: test resources
 * probe-node/ copied to a temporary directory (root/ with proc/, etc/ and the sysfs IOMMU group
 * symlinks made from iommu-groups.txt; bin/ with the recording stub linked under each command
 * name; out/ with what each command prints). Every stub call lands in calls.log, every logger call
 * in syslog.log.
 */
final class FixtureNode {
    static final List<String> COMMANDS = List.of("qm", "pvesh", "lspci", "dmesg", "lsmod", "journalctl", "pveversion", "uname", "logger");
    /** The repository's wrapper, run as it is (bot/ is surefire's working directory). */
    static final Path WRAPPER = Path.of(System.getProperty("user.dir")).resolveSibling("node").resolve("pve-probe");

    final Path dir;

    private FixtureNode(Path dir) {
        this.dir = dir;
    }

    static FixtureNode create(Path parent) throws IOException {
        Path source;
        try {
            source = Path.of(FixtureNode.class.getResource("/probe-node").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dir = parent.resolve("node");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path stub = dir.resolve("bin/stub");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String command : COMMANDS) {
            Files.createSymbolicLink(dir.resolve("bin").resolve(command), Path.of("stub"));
        }
        // /sys/kernel/iommu_groups/<g>/devices/<bdf> -> ../../../../devices/pci0000:00/<bdf>, as on a host
        for (String line : Files.readAllLines(dir.resolve("iommu-groups.txt"))) {
            Path link = dir.resolve("root" + line);
            String bdf = link.getFileName().toString();
            Files.createDirectories(dir.resolve("root/sys/devices/pci0000:00").resolve(bdf));
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of("../../../../devices/pci0000:00").resolve(bdf));
        }
        return new FixtureNode(dir);
    }

    /** The stub calls so far, one {@code name args} line each. */
    List<String> calls() {
        return readLines("calls.log");
    }

    List<String> syslog() {
        return readLines("syslog.log");
    }

    void clearLogs() throws IOException {
        Files.deleteIfExists(dir.resolve("calls.log"));
        Files.deleteIfExists(dir.resolve("syslog.log"));
    }

    /** While set, every stub sleeps 60 s instead of answering. */
    void hang(boolean on) throws IOException {
        flag("hang", on);
    }

    /** While set, {@code lspci -nnk} prints about 1 MB. */
    void big(boolean on) throws IOException {
        flag("big", on);
    }

    private void flag(String name, boolean on) throws IOException {
        if (on) {
            Files.writeString(dir.resolve(name), "");
        } else {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    private List<String> readLines(String name) {
        try {
            Path file = dir.resolve(name);
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
