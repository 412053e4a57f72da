/**
 * The service end to end through the fake Discord ({@code discord.fake}): {@code BotUnderTest}
 * starts the whole Micronaut app against it, {@code DiscordEndToEndTest} drives every command,
 * button and refusal, {@code DiscordBench} (a main, not a test) measures acknowledgement and reply
 * latency. A new end-to-end scenario goes into {@code DiscordEndToEndTest}.
 */
@NullMarked
package dev.pcibot.bot.discord.e2e;

import org.jspecify.annotations.NullMarked;
