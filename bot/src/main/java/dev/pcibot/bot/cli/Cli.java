package dev.pcibot.bot.cli;

import dev.pcibot.bot.KnowledgeBase;
import dev.pcibot.bot.http.SearchResponse;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.InputRejectedException;
import dev.pcibot.kb.search.InvalidQueryException;
import dev.pcibot.kb.search.KbIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The command line: {@code search}, {@code diagnose}, {@code index}, {@code help}. No HTTP server is
 * started; the knowledge base is opened directly on the same on-disk index the service uses
 * ({@code --data-dir}, else {@code $PCIBOT_DATA_DIR}, else {@code ./data}).
 *
 * <p>Exit codes: 0 done (also when the guides have no good answer: that is an answer), 2 bad input
 * or usage, 1 something failed on our side. Errors are one line on stderr, never a stack trace.
 */
public final class Cli {
    /** The verbs {@code Application.main} hands to the CLI instead of starting the server. */
    public static final Set<String> VERBS = Set.of("search", "diagnose", "index", "help", "--help", "-h");

    /**
     * Lucene warns on every start that the JDK's vector module is not enabled; for BM25 text search
     * it makes no difference, and in a terminal it buries the one line that matters. Held in a field
     * because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && VERBS.contains(args[0]);
    }

    /** Runs one command line and returns the process exit code. */
    public int run(String[] args) {
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            CliArgs cli = CliArgs.parse(args);
            return switch (cli.verb()) {
                case "search" -> search(cli);
                case "diagnose" -> diagnose(cli);
                case "index" -> index(cli);
                case "help", "--help", "-h" -> help();
                default -> throw new UsageException("unknown command '" + cli.verb() + "'; try: help");
            };
        } catch (UsageException | InvalidQueryException | InputRejectedException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // One line, no stack trace: the message is what a user can act on.
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        }
    }

    private int search(CliArgs cli) {
        if (cli.positionals().isEmpty()) {
            throw new UsageException("search needs a question, e.g.: search \"how do I enable IOMMU\"");
        }
        String question = String.join(" ", cli.positionals());
        int limit = cli.limit() == null ? 5 : cli.limit();
        try (KnowledgeBase kb = open(cli)) {
            SearchResponse response = SearchResponse.of(kb.answerer().answer(question, limit));
            out.print(cli.json() ? Json.write(response) + "\n" : TextReport.search(response));
        }
        return OK;
    }

    private int diagnose(CliArgs cli) {
        if (cli.positionals().size() > 1) {
            throw new UsageException("diagnose takes one file (or - for standard input), not "
                    + cli.positionals().size());
        }
        String source = cli.positionals().isEmpty() ? "-" : cli.positionals().get(0);
        try (KnowledgeBase kb = open(cli)) {
            Diagnosis diagnosis;
            if (source.equals("-")) {
                diagnosis = kb.diagnoser().diagnose(in);
            } else {
                try (InputStream file = Files.newInputStream(readableFile(source))) {
                    diagnosis = kb.diagnoser().diagnose(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
                }
            }
            out.print(cli.json() ? Json.write(diagnosis) + "\n" : TextReport.diagnosis(diagnosis));
        }
        return OK;
    }

    private int index(CliArgs cli) {
        if (!cli.positionals().isEmpty()) {
            throw new UsageException("index takes no arguments, only --data-dir and --user-guides");
        }
        Path indexDir = indexDir(cli);
        long start = System.nanoTime();
        try (KnowledgeBase kb = open(cli)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            KbIndex.Stats stats = kb.stats();
            if (cli.json()) {
                out.println(Json.write(Map.of("indexDir", indexDir.toAbsolutePath().toString(),
                        "sections", stats.sections(), "guides", kb.guides().size(),
                        "index", stats.built() ? "built" : "reused", "millis", millis, "warnings", kb.warnings())));
            } else {
                out.println("Index in " + indexDir.toAbsolutePath() + ": " + stats.sections() + " sections from "
                        + kb.guides().size() + " guides, " + (stats.built() ? "built" : "already up to date")
                        + " (" + millis + " ms).");
                kb.warnings().forEach(w -> out.println("warning: " + w));
            }
        }
        return OK;
    }

    private int help() {
        out.print("""
                pcibot: PCI(e) passthrough helper for Proxmox VE (command line; without a verb it starts the service)

                  search "QUESTION" [--limit N] [--json]   answer from the guides, with citations and commands
                  diagnose [FILE|-] [--json]               read dmesg/lspci/IOMMU groups/qm config output
                                                           from FILE, or from standard input with - or nothing
                  index [--user-guides DIR]                build the index now (or say it is up to date)
                  help                                     this text

                Options for every command:
                  --data-dir DIR      where the index lives (default $PCIBOT_DATA_DIR, else ./data)
                  --user-guides DIR   extra guides (.html .md .txt) indexed beside the bundled ones
                                      (default $KB_USER_GUIDES; the index is rebuilt when they change)

                Exit codes: 0 done, 2 bad input or usage, 1 failure.
                """);
        return OK;
    }

    private KnowledgeBase open(CliArgs cli) {
        return KnowledgeBase.open(indexDir(cli), userGuides(cli));
    }

    private Path indexDir(CliArgs cli) {
        Path dataDir = cli.dataDir();
        if (dataDir == null) {
            String fromEnv = env.get("PCIBOT_DATA_DIR");
            dataDir = Path.of(fromEnv == null || fromEnv.isBlank() ? "./data" : fromEnv);
        }
        return dataDir.resolve("index");
    }

    private @Nullable Path userGuides(CliArgs cli) {
        Path folder = cli.userGuides();
        if (folder == null) {
            String fromEnv = env.get("KB_USER_GUIDES");
            folder = fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException("--user-guides " + folder + " is not a folder");
        }
        return folder;
    }

    private static Path readableFile(String name) throws NoSuchFileException {
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            throw new UsageException("no such file: " + name);
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException(name + " is not a file");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("cannot read " + name + " (permission denied)");
        }
        return path;
    }
}
