package dev.pcibot.bot.cli;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON for {@code --json}: the same serialisers as the HTTP API, so both print the same shape. */
final class Json {
    private Json() {}

    static String write(Object value) {
        try {
            return ObjectMapper.getDefault().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
