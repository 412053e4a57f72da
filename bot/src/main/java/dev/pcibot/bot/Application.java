package dev.pcibot.bot;

import io.micronaut.runtime.Micronaut;

/** Starts the service: HTTP API and web page, the knowledge base, and the Discord bot when configured. */
public final class Application {
    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
