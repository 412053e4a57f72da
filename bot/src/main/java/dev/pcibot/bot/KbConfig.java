package dev.pcibot.bot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the knowledge base keeps its files and how it answers.
 *
 * @param dataDir the data folder: the index lives in {@code index/} under it (default {@code ./data})
 * @param userGuides a folder of extra guides (.html, .md, .txt) indexed beside the bundled ones and
 *     watched for changes; none when unset
 * @param maxHits the most hits one search returns, whatever the caller asks for
 * @param reloadInterval how often the user-guides folder is checked for changes
 * @param retryInterval while the data folder is unusable, how often a request may try to open the
 *     index again (between tries requests get the last failure, a 503, at once)
 */
@ConfigurationProperties(KbConfig.PREFIX)
public record KbConfig(
        @NotNull Path dataDir,
        @Nullable Path userGuides,
        @Bindable(defaultValue = "10") @Positive int maxHits,
        @Bindable(defaultValue = "30s") @NotNull Duration reloadInterval,
        @Bindable(defaultValue = "10s") @NotNull Duration retryInterval) {

    public static final String PREFIX = "kb";

    /** The index folder under the data folder; the CLI uses the same place. */
    public Path indexDir() {
        return dataDir.resolve("index");
    }
}
