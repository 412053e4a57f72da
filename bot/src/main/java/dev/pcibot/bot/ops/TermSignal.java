package dev.pcibot.bot.ops;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Makes SIGTERM (what {@code docker stop}, systemd and Kubernetes send) a normal stop: the JVM's
 * own handler runs the shutdown hooks but then exits with 143, which a supervisor reads as a crash.
 * Here it calls {@code System.exit(0)}: the same hooks run (Micronaut's drains the requests in
 * flight and closes Discord, the index and the database), then the exit code is 0.
 */
public final class TermSignal {
    private TermSignal() {}

    /** Call once, from the service's main (not in tests: it would change how their JVM ends). */
    public static void exitZeroOnTerm() {
        try {
            // A thread of its own: System.exit waits for the hooks, the signal thread stays free.
            Signal.handle(new Signal("TERM"), signal -> Thread.ofPlatform().name("sigterm").start(() -> System.exit(0)));
        } catch (IllegalArgumentException | UnsupportedOperationException e) { // no such signal here (Windows)
            LoggerFactory.getLogger(TermSignal.class).debug("SIGTERM not handled: {}", e.toString());
        }
    }
}
