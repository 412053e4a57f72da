package dev.pcibot.bot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ComponentIdTest {
    @Test
    void roundTrips() {
        ComponentId id = ComponentId.of("fb", "up", 1234567890123L, 3);
        assertEquals("fb:up:1234567890123:3", id.encode());
        assertEquals(Optional.of(id), ComponentId.parse(id.encode()));
        assertEquals(1234567890123L, id.longArg(0));
        assertEquals(new ComponentId("dx", "paste", List.of()), ComponentId.parse("dx:paste").orElseThrow());
    }

    @Test
    void refusesMoreThanDiscordsHundredCharacters() {
        String arg = "a".repeat(93); // "ask:more:" + 93 = 102
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComponentId.of("ask", "more", arg));
        assertTrue(e.getMessage().contains("Discord allows 100"));
        assertEquals(100, ComponentId.of("ask", "more", "a".repeat(91)).encode().length());
    }

    @Test
    void refusesSeparatorsAndEmptyParts() {
        assertThrows(IllegalArgumentException.class, () -> ComponentId.of("fb", "up", "a:b"));
        assertThrows(IllegalArgumentException.class, () -> ComponentId.of("", "up"));
    }

    @Test
    void foreignOrMalformedIdsParseToEmpty() {
        assertEquals(Optional.empty(), ComponentId.parse("single"));
        assertEquals(Optional.empty(), ComponentId.parse("::"));
        assertEquals(Optional.empty(), ComponentId.parse("x:" + "y".repeat(120)));
        assertThrows(IllegalArgumentException.class, () -> ComponentId.parse("fb:up:notanumber").orElseThrow().longArg(0));
        assertThrows(IllegalArgumentException.class, () -> ComponentId.parse("fb:up").orElseThrow().longArg(0));
    }
}
