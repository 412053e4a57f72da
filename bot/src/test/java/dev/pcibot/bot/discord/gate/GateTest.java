package dev.pcibot.bot.discord.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.DiscordConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class GateTest {
    private static final long GUILD = 100L;
    private static final long CHANNEL = 200L;

    private static DiscordConfig config(List<Long> guilds, List<Long> channels, int requests) {
        return new DiscordConfig(null, null, "https://discord.com/api/v10/", null, List.of(), guilds, channels,
                new DiscordConfig.RateLimit(requests, Duration.ofSeconds(30)), 1024, Duration.ofSeconds(5), 2, 10);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void everyEntryPointIsRefusedOutsideTheAllowedServersAndChannels(EntryPoint entry) {
        Gate gate = new Gate(config(List.of(GUILD), List.of(CHANNEL), 100), Instant::now);

        GateDecision otherGuild = gate.check(new GateRequest(entry, 999L, CHANNEL, 1L));
        assertFalse(otherGuild.allowed());
        assertEquals("This bot is not enabled on this server.", otherGuild.message());

        GateDecision dm = gate.check(new GateRequest(entry, null, CHANNEL, 1L));
        assertFalse(dm.allowed());
        assertTrue(dm.message().contains("not in direct messages"));

        GateDecision otherChannel = gate.check(new GateRequest(entry, GUILD, 555L, 1L));
        assertFalse(otherChannel.allowed());
        assertEquals("I don't answer in this channel. Try <#200>.", otherChannel.message());

        assertTrue(gate.check(new GateRequest(entry, GUILD, CHANNEL, 1L)).allowed());
    }

    @Test
    void emptyListsServeEveryServerChannelAndDirectMessage() {
        Gate gate = new Gate(config(List.of(), List.of(), 100), Instant::now);
        assertTrue(gate.check(new GateRequest(EntryPoint.SLASH, 12345L, 678L, 1L)).allowed());
        assertTrue(gate.check(new GateRequest(EntryPoint.SLASH, null, 678L, 1L)).allowed());
    }

    @Test
    void rateLimitSaysWhenToTryAgainAndSparesAutocomplete() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T15:00:00Z"));
        Gate gate = new Gate(config(List.of(), List.of(), 2), clock);
        GateRequest slash = new GateRequest(EntryPoint.SLASH, GUILD, CHANNEL, 1L);
        GateRequest button = new GateRequest(EntryPoint.BUTTON, GUILD, CHANNEL, 1L);

        assertTrue(gate.check(slash).allowed());
        clock.advance(Duration.ofMillis(12_300));
        assertTrue(gate.check(button).allowed());
        GateDecision third = gate.check(slash);
        assertFalse(third.allowed());
        // the first use leaves the 30 s window 17.7 s from now: rounded up, never "0 s"
        assertEquals("You're sending requests faster than I can take them: try again in 18 s.", third.message());
        // typing in autocomplete has its own, larger allowance
        for (int i = 0; i < 2 * Gate.AUTOCOMPLETE_FACTOR; i++) {
            assertTrue(gate.check(new GateRequest(EntryPoint.AUTOCOMPLETE, GUILD, CHANNEL, 1L)).allowed());
        }
        assertFalse(gate.check(new GateRequest(EntryPoint.AUTOCOMPLETE, GUILD, CHANNEL, 1L)).allowed());
    }

    @Test
    void secondsRoundUp() {
        assertEquals(1, Gate.seconds(Duration.ofMillis(1)));
        assertEquals(1, Gate.seconds(Duration.ofSeconds(1)));
        assertEquals(2, Gate.seconds(Duration.ofMillis(1001)));
    }
}
