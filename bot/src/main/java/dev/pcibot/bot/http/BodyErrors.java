package dev.pcibot.bot.http;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain words for a body or parameter Micronaut could not read, instead of the parser's message
 * (which quotes Jackson, its tokens and our class names): what was wrong, where, and what to send.
 */
final class BodyErrors {
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    static final String WHAT_TO_SEND = "Send {\"text\": \"...pasted output...\"}, or the output itself as text/plain"
            + " (curl: -H 'Content-Type: text/plain' --data-binary @file).";

    private BodyErrors() {}

    /** The message for a 400 caused by {@code cause}, when it is a body or parameter that could not be read. */
    static Optional<String> message(HttpRequest<?> request, Throwable cause) {
        boolean json = request.getContentType().filter(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).isPresent();
        if (json && fromJsonParsing(cause)) {
            return Optional.of("The body is not the JSON this API reads" + location(cause) + ". " + WHAT_TO_SEND);
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConversionErrorException c) {
                String name = c.getArgument().getName();
                Object value = c.getConversionError().getOriginalValue().orElse("");
                return Optional.of("The parameter " + name + " has a value this API cannot use: '"
                        + Printable.of(String.valueOf(value), 60) + "'"
                        + (Number.class.isAssignableFrom(c.getArgument().getWrapperType()) ? " (a whole number is expected)." : "."));
            }
        }
        return Optional.empty();
    }

    /** Whether the failure came from reading JSON (Jackson, or Micronaut's JSON layer over it). */
    private static boolean fromJsonParsing(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (type.startsWith("com.fasterxml.jackson.") || type.startsWith("io.micronaut.json.")
                    || type.startsWith("io.micronaut.serde.") || t instanceof ConversionErrorException) {
                return true;
            }
        }
        return false;
    }

    private static String location(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = LOCATION.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return " (line " + m.group(1) + ", column " + m.group(2) + ")";
            }
        }
        return "";
    }
}
