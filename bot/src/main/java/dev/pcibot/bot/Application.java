package dev.pcibot.bot;

import dev.pcibot.bot.cli.Cli;
import dev.pcibot.bot.ops.LogFormatEncoder;
import dev.pcibot.bot.ops.TermSignal;
import io.micronaut.runtime.Micronaut;

/**
 * Starts the service (HTTP API and web page, the knowledge base, and the Discord bot when
 * configured), or runs one command line when the first argument is a CLI verb
 * ({@code search}, {@code diagnose}, {@code index}, {@code help}): then no server starts.
 */
public final class Application {
    private Application() {}

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            int code = new Cli(System.in, System.out, System.err, System.getenv()).run(args);
            System.out.flush();
            System.exit(code);
        }
        TermSignal.exitZeroOnTerm(); // SIGTERM drains the requests in flight, then exits 0
        // JSON logs: no ASCII-art banner on stdout, so every line there is one JSON object
        Micronaut.build(args).mainClass(Application.class).banner(!LogFormatEncoder.json()).start();
    }
}
