package dev.pcibot.bot.cli;

import dev.pcibot.kb.search.KbSearcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One command line, parsed: the verb, its positional arguments, and the options every verb shares.
 * Options may come before or after the positionals; {@code --} ends the options (for a question
 * that starts with a dash).
 *
 * <pre>
 * search "vfio-pci ids not applied" --limit 3 --json
 * diagnose dmesg.txt --data-dir /var/lib/pcibot
 * index --user-guides ~/guides
 * </pre>
 */
record CliArgs(
        String verb,
        List<String> positionals,
        boolean json,
        @Nullable Integer limit,
        @Nullable Path dataDir,
        @Nullable Path userGuides) {

    static final int MAX_LIMIT = KbSearcher.MAX_LIMIT;

    static CliArgs parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given; try: help");
        }
        String verb = args[0];
        List<String> positionals = new ArrayList<>();
        boolean json = false;
        Integer limit = null;
        Path dataDir = null;
        Path userGuides = null;
        boolean optionsDone = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (optionsDone || !arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--" -> optionsDone = true;
                case "--json" -> json = true;
                case "--limit" -> {
                    value = value != null ? value : next(args, ++i, name);
                    limit = parseLimit(value);
                }
                case "--data-dir" -> dataDir = Path.of(value != null ? value : next(args, ++i, name));
                case "--user-guides" -> userGuides = Path.of(value != null ? value : next(args, ++i, name));
                default -> throw new UsageException("unknown option " + name + "; try: help");
            }
        }
        return new CliArgs(verb, List.copyOf(positionals), json, limit, dataDir, userGuides);
    }

    private static String next(String[] args, int i, String option) {
        // "--limit --json" is a forgotten value, not a limit called "--json".
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
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
}
