package dev.pcibot.bot.discord;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Discord sharding ({@code discord.shards.*}): unset, the bot runs one plain session as it always
 * did. With {@code total} set it runs a JDA {@code ShardManager}: Discord sends each guild's events
 * to shard {@code (guild_id >> 22) % total}, so several instances can split a large bot's guilds,
 * each running some {@code ids}. Every shard id must run somewhere, else those guilds get no answer.
 *
 * @param total how many shards the whole bot has (the same on every instance); null: not sharded
 * @param ids the shards this instance runs, each in {@code [0, total)}; empty: all of them
 */
@ConfigurationProperties("discord.shards")
public record ShardsConfig(@Nullable Integer total, @Bindable(defaultValue = "") List<Integer> ids) {
    public ShardsConfig {
        ids = ids == null ? List.of() : ids.stream().distinct().sorted().toList();
        if (total == null && !ids.isEmpty()) {
            throw new IllegalArgumentException("discord.shards.ids " + ids
                    + " is set without discord.shards.total: set the bot's total shard count on every instance");
        }
        if (total != null && total < 1) {
            throw new IllegalArgumentException("discord.shards.total must be 1 or more, not " + total);
        }
        for (int id : ids) {
            if (total != null && (id < 0 || id >= total)) {
                throw new IllegalArgumentException("discord.shards.ids holds " + id + ", outside 0.." + (total - 1)
                        + " for discord.shards.total " + total);
            }
        }
    }

    /** Whether to run a ShardManager rather than one plain session. */
    public boolean sharded() {
        return total != null;
    }

    /** The shard ids this instance runs. */
    public List<Integer> runs() {
        if (total == null) {
            return List.of(0);
        }
        return ids.isEmpty() ? java.util.stream.IntStream.range(0, total).boxed().toList() : ids;
    }
}
