package dev.pcibot.bot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line's grammar, declared for picocli: one class per verb, the options every verb
 * shares in {@link Shared}. Only parsing lives here; {@link Cli} checks what picocli cannot (a
 * question is required, one file at most) and does the work. Fields are filled by picocli.
 */
@Command(name = "pcibot", subcommands = {Verbs.Search.class, Verbs.Diagnose.class, Verbs.Index.class, Verbs.Help.class})
final class Verbs {
    @Option(names = {"-h", "--help"}, usageHelp = true)
    boolean help;

    /** Options every verb takes. */
    static final class Shared {
        @Option(names = "--data-dir", paramLabel = "DIR")
        @Nullable Path dataDir;

        @Option(names = "--user-guides", paramLabel = "DIR")
        @Nullable Path userGuides;

        @Option(names = "--json")
        boolean json;

        @Option(names = {"-h", "--help"}, usageHelp = true)
        boolean help;
    }

    @Command(name = "search")
    static final class Search {
        @Mixin
        Shared shared = new Shared();

        /** Checked by {@link Cli}, so the message can say what a whole number between 1 and 50 is. */
        @Option(names = "--limit", paramLabel = "N")
        @Nullable String limit;

        @Parameters(paramLabel = "QUESTION")
        List<String> words = new ArrayList<>();
    }

    @Command(name = "diagnose")
    static final class Diagnose {
        @Mixin
        Shared shared = new Shared();

        @Parameters(paramLabel = "FILE")
        List<String> files = new ArrayList<>();
    }

    @Command(name = "index")
    static final class Index {
        @Mixin
        Shared shared = new Shared();

        @Parameters(paramLabel = "UNEXPECTED")
        List<String> extra = new ArrayList<>();
    }

    /** Takes the shared options too (and ignores them), so adding {@code --data-dir} to any line is safe. */
    @Command(name = "help")
    static final class Help {
        @Mixin
        Shared shared = new Shared();

        @Parameters(paramLabel = "VERB")
        List<String> topic = new ArrayList<>();
    }
}
