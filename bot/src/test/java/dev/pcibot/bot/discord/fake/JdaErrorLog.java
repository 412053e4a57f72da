package dev.pcibot.bot.discord.fake;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures ERROR events logged under {@code net.dv8tion.jda}. JDA swallows exceptions from event
 * handlers and gateway parsing into its log (a bad GUILD_CREATE is only logged, then the guild
 * silently disappears), so without this a broken payload makes a test hang instead of fail.
 */
public final class JdaErrorLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    public static final String JDA_LOGGER = "net.dv8tion.jda";

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private JdaErrorLog(Logger logger) {
        this.logger = logger;
    }

    /** Attaches a fresh capture to the JDA logger; close it to detach. */
    public static JdaErrorLog install() {
        Logger jda = (Logger) LoggerFactory.getLogger(JDA_LOGGER);
        JdaErrorLog log = new JdaErrorLog(jda);
        log.setContext(jda.getLoggerContext());
        log.setName("jda-error-capture");
        log.start();
        jda.addAppender(log);
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            String thrown = event.getThrowableProxy() == null ? ""
                    : " (" + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage() + ")";
            errors.add(event.getLoggerName() + ": " + event.getFormattedMessage() + thrown);
        }
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Errors so far, then forgets them (for tests that provoke one on purpose). */
    public List<String> take() {
        List<String> taken = List.copyOf(errors);
        errors.removeAll(taken);
        return taken;
    }

    public void assertNoErrors() {
        if (!errors.isEmpty()) {
            throw new AssertionError("JDA logged " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
        }
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }

    @Override
    public String toString() {
        return errors.stream().collect(Collectors.joining("\n"));
    }
}
