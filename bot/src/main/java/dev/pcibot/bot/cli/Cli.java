package dev.pcibot.bot.cli;

import dev.pcibot.bot.KnowledgeBase;
import dev.pcibot.bot.http.SearchResponse;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.InputRejectedException;
import dev.pcibot.kb.search.InvalidQueryException;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbSearcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code search}, {@code diagnose}, {@code index}, {@code help}. No HTTP server is
 * started; the knowledge base is opened directly on the same on-disk index the service uses
 * ({@code --data-dir}, else {@code -Dkb.data-dir}, {@code $KB_DATA_DIR}, {@code $PCIBOT_DATA_DIR},
 * else {@code ./data}: see {@link Settings}). picocli parses ({@link Verbs}); this class checks, runs
 * and turns every failure into one line.
 *
 * <p>Exit codes: 0 done (also when the guides have no good answer: that is an answer), 2 bad input
 * or usage, 1 something failed on our side. Errors are one line on stderr, never a stack trace.
 */
public final class Cli {
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
    static final int MAX_LIMIT = KbSearcher.MAX_LIMIT;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Settings settings;

    public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this(in, out, err, env, System.getProperties());
    }

    Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Properties properties) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.settings = new Settings(env, properties);
    }

    /**
     * Whether these arguments are a command line rather than a service start. Any first word that is
     * not an option is: a mistyped verb must get "unknown command", not a server that starts
     * silently. {@code run} is the one word that means the service (run.sh's default verb).
     */
    public static boolean handles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.equals("-h") || first.equals("--help") || !(first.startsWith("-") || first.equals("run"));
    }

    /** Runs one command line and returns the process exit code. */
    public int run(String[] args) {
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            ParseResult parsed = parse(args);
            if (parsed.isUsageHelpRequested() || !parsed.hasSubcommand()) {
                return help();
            }
            ParseResult verb = parsed.subcommand();
            if (verb.isUsageHelpRequested()) {
                return help();
            }
            Object command = verb.commandSpec().userObject();
            return switch (command) {
                case Verbs.Search search -> search(search);
                case Verbs.Diagnose diagnose -> diagnose(diagnose);
                case Verbs.Index index -> index(index);
                case Verbs.Help ignored -> help();
                default -> throw new IllegalStateException("no handler for " + command);
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

    private static ParseResult parse(String[] args) {
        CommandLine line = new CommandLine(new Verbs());
        try {
            return line.parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(usageMessage(e));
        }
    }

    /** picocli's parse errors in our words, each with what to do. */
    private static String usageMessage(ParameterException e) {
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            List<String> suggestions = unmatched.getSuggestions();
            if (word.startsWith("-")) {
                return "unknown option " + word
                        + (suggestions.isEmpty() ? "; try: help" : " (did you mean '" + suggestions.get(0) + "'?)");
            }
            if (e.getCommandLine().getParent() == null) {
                String close = closestVerb(word);
                return "unknown command '" + word + "'" + (close == null ? "; try: help" : " (did you mean '" + close + "'?)");
            }
        }
        return e.getMessage();
    }

    /** The verb one or two edits away (a typo), if exactly one is. */
    private static @Nullable String closestVerb(String word) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String verb : new CommandLine(new Verbs()).getSubcommands().keySet()) {
            int d = Typos.distance(word.toLowerCase(java.util.Locale.ROOT), verb);
            if (d < bestDistance) {
                best = verb;
                bestDistance = d;
            }
        }
        return bestDistance <= 2 ? best : null;
    }

    private int search(Verbs.Search cli) {
        if (cli.words.isEmpty()) {
            throw new UsageException("search needs a question, e.g.: search \"how do I enable IOMMU\"");
        }
        String question = String.join(" ", cli.words);
        int limit = cli.limit == null ? 5 : parseLimit(cli.limit);
        try (KnowledgeBase kb = open(cli.shared)) {
            SearchResponse response = SearchResponse.of(kb.answerer().answer(question, limit));
            out.print(cli.shared.json ? Json.write(response) + "\n" : TextReport.search(response));
        }
        return OK;
    }

    private int diagnose(Verbs.Diagnose cli) {
        if (cli.files.size() > 1) {
            throw new UsageException("diagnose takes one file (or - for standard input), not " + cli.files.size());
        }
        String source = cli.files.isEmpty() ? "-" : cli.files.get(0);
        try (KnowledgeBase kb = open(cli.shared)) {
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
            out.print(cli.shared.json ? Json.write(diagnosis) + "\n" : TextReport.diagnosis(diagnosis));
        }
        return OK;
    }

    private int index(Verbs.Index cli) {
        if (!cli.extra.isEmpty()) {
            throw new UsageException("index takes no arguments, only --data-dir and --user-guides");
        }
        Path indexDir = indexDir(cli.shared);
        long start = System.nanoTime();
        try (KnowledgeBase kb = open(cli.shared)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            KbIndex.Stats stats = kb.stats();
            if (cli.shared.json) {
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
                  --data-dir DIR      where the index lives (default -Dkb.data-dir, $KB_DATA_DIR or
                                      $PCIBOT_DATA_DIR, else ./data)
                  --user-guides DIR   extra guides (.html .md .txt) indexed beside the bundled ones
                                      (default -Dkb.user-guides or $KB_USER_GUIDES; the index is
                                      rebuilt when they change)

                Exit codes: 0 done, 2 bad input or usage, 1 failure.
                """);
        return OK;
    }

    private static int parseLimit(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > MAX_LIMIT) {
                throw new UsageException("--limit must be between 1 and " + MAX_LIMIT + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--limit needs a whole number, not '" + value + "'");
        }
    }

    private KnowledgeBase open(Verbs.Shared shared) {
        return KnowledgeBase.open(indexDir(shared), userGuides(shared));
    }

    private Path indexDir(Verbs.Shared shared) {
        return settings.dataDir(shared.dataDir).resolve("index");
    }

    private @Nullable Path userGuides(Verbs.Shared shared) {
        Path folder = settings.userGuides(shared.userGuides);
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException("--user-guides " + folder + " is not a folder");
        }
        return folder;
    }

    private static Path readableFile(String name) {
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
