/**
 * Scale past one machine: several service instances on one database ({@code SharedDatabaseTest},
 * PostgreSQL through {@code .ci/run}), and Discord sharding in one instance and across two
 * ({@code ShardingTest}), each driving real JDA sessions against one fake Discord. {@link
 * dev.pcibot.bot.scale.Instance} starts one service instance with its own data folder.
 */
@NullMarked
package dev.pcibot.bot.scale;

import org.jspecify.annotations.NullMarked;
