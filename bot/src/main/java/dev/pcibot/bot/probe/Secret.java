package dev.pcibot.bot.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A credential kept outside the configuration: a file (the first line) or an environment
 * variable. Read at each use, so a rotated file takes effect without a restart; its {@link
 * #toString()} names where it lives, never what it holds.
 */
public final class Secret {
    private final Path file;
    private final String env;
    private final UnaryOperator<String> environment;

    private Secret(Path file, String env, UnaryOperator<String> environment) {
        this.file = file;
        this.env = env;
        this.environment = environment;
    }

    public static Secret file(Path file) {
        return new Secret(file, null, System::getenv);
    }

    public static Secret env(String name, UnaryOperator<String> environment) {
        return new Secret(null, name, environment);
    }

    /** The secret's value; an exception names where it was looked for, not what was found. */
    public String reveal() throws IOException {
        String value;
        if (file != null) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            value = (end < 0 ? text : text.substring(0, end)).strip();
        } else {
            value = environment.apply(env);
        }
        if (value == null || value.isBlank()) {
            throw new IOException(this + " is empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return file != null ? "the secret in file " + file : "the secret in environment variable " + env;
    }
}
