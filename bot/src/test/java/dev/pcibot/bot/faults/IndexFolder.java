package dev.pcibot.bot.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * An index root as {@code KbIndex} lays it out ({@code current} naming one {@code index-*} folder
 * per build), read from outside the process that writes it: the moments a test kills at.
 */
record IndexFolder(Path root) {
    /** The build folders present now. */
    List<Path> builds() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith("index-")).sorted().toList();
        } catch (IOException e) {
            return List.of(); // a folder deleted while listed: the caller asks again
        }
    }

    /** The folder {@code current} names, if any. */
    Optional<String> current() {
        try {
            Path pointer = root.resolve("current");
            return Files.isRegularFile(pointer) ? Optional.of(Files.readString(pointer, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A build folder that {@code current} does not name: a build in progress (or left by a kill). */
    Optional<Path> unnamedBuild() {
        Optional<String> current = current();
        return builds().stream().filter(b -> current.map(c -> !b.getFileName().toString().equals(c)).orElse(true))
                .findFirst();
    }

    /** Whether an unnamed build has written any file yet (Lucene is writing segments). */
    boolean buildWriting() {
        return unnamedBuild().map(b -> !files(b).isEmpty()).orElse(false);
    }

    /** Whether an unnamed build holds a commit point: committed, but not yet named by {@code current}. */
    boolean buildCommitted() {
        return unnamedBuild().map(b -> files(b).stream().anyMatch(f -> f.startsWith("segments_"))).orElse(false);
    }

    static List<String> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Polls every millisecond until {@code condition} holds or {@code alive} turns false; whether it held. */
    static boolean await(BooleanSupplier condition, BooleanSupplier alive, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return condition.getAsBoolean();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
