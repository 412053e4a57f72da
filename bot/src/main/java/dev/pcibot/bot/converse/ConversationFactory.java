package dev.pcibot.bot.converse;

import dev.pcibot.kb.converse.Troubleshooter;
import dev.pcibot.kb.diagnose.Diagnoser;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The kb's troubleshooter on the application's diagnoser, and the clock conversations age by. */
@Factory
final class ConversationFactory {
    @Singleton
    Troubleshooter troubleshooter(Diagnoser diagnoser) {
        return new Troubleshooter(diagnoser);
    }

    /** Replaced in tests (a {@code @Replaces} bean) to age conversations without waiting. */
    @Singleton
    @Named("conversations")
    Clock conversationClock() {
        return Clock.systemUTC();
    }
}
