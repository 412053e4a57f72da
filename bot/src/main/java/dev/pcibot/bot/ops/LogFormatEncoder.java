package dev.pcibot.bot.ops;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The log's encoder (logback.xml): readable text by default, one JSON object per line when
 * {@code PCIBOT_LOG_FORMAT=json} (or {@code -Dpcibot.log.format=json}), for a log collector. A
 * switch in code because logback's own {@code <if>} needs Janino; an unknown value logs as text and
 * says so once. JSON lines carry {@code timestamp} (epoch ms), {@code level}, {@code threadName},
 * {@code loggerName}, {@code mdc}, {@code formattedMessage} and, for an error, {@code throwable}.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {
    static final String ENV = "PCIBOT_LOG_FORMAT";
    static final String PROPERTY = "pcibot.log.format";

    private final Map<String, String> env;
    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";
    private @Nullable Encoder<ILoggingEvent> delegate;

    public LogFormatEncoder() {
        this(System.getenv());
    }

    LogFormatEncoder(Map<String, String> env) {
        this.env = env;
    }

    /** The text format's pattern (logback.xml sets it). */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** {@code json} or {@code text}: the property first, then the environment, text when neither. */
    String format() {
        return format(env);
    }

    private static String format(Map<String, String> env) {
        String chosen = System.getProperty(PROPERTY, env.getOrDefault(ENV, "text"));
        return chosen.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether this process logs JSON (then nothing else may print to stdout: the banner is off). */
    public static boolean json() {
        return format(System.getenv()).equals("json");
    }

    @Override
    public void start() {
        String format = format();
        if (format.equals("json")) {
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false); // the pattern with {}; formattedMessage is what was logged
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            delegate = json;
        } else {
            if (!format.equals("text") && !format.isEmpty()) {
                addWarn(ENV + "=" + format + " is not a log format; use json or text. Logging as text.");
            }
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    private Encoder<ILoggingEvent> delegate() {
        if (delegate == null) {
            throw new IllegalStateException("LogFormatEncoder used before start()");
        }
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate().headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate().encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate().footerBytes();
    }
}
