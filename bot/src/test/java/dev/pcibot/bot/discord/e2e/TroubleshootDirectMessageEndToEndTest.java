package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.e2e.BotUnderTest.newUser;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Direct messages, where the set-up allows them (no {@code discord.allowed-guilds}): a conversation
 * runs in the bot's DM with the user, and "Walk me through it" under a diagnosis there starts one.
 */
class TroubleshootDirectMessageEndToEndTest {

    @Test
    void aConversationRunsInDirectMessagesWhenTheyAreAllowed() {
        try (BotUnderTest bot = BotUnderTest.start(fake -> Map.of("discord.rate-limit.requests", 40),
                Set.of("discord.allowed-guilds", "discord.allowed-channels"), Long.toString(FakeWorld.GUILD_ID))) {
            long user = newUser();
            SentInteraction start = bot.discord.send(slash("troubleshoot").option("symptom", "setup").inDirectMessage().by(user));
            Reply step = start.awaitReply();
            assertFalse(step.ephemeral(), "a DM is private already");
            assertTrue(step.heading().contains("step 1"), step.text());
            Reply next = bot.discord.send(button(step.customIdStartingWith("ts:cannot:"), bot.discord.originalMessage(start))
                    .inDirectMessage().by(user)).awaitReply();
            assertTrue(next.heading().contains("step 2"), next.text());

            long other = newUser();
            SentInteraction diagnosis = bot.discord.send(slash("diagnose").option("text", "[    0.093192] DMAR: IOMMU enabled")
                    .inDirectMessage().by(other));
            Reply answered = diagnosis.awaitReply();
            Reply walk = bot.discord.send(button(answered.customIdStartingWith("ts:walk:"), bot.discord.originalMessage(diagnosis))
                    .inDirectMessage().by(other)).awaitReply();
            assertTrue(walk.heading().contains("step"), walk.text());
            bot.discord.assertNoViolations();
            bot.jdaErrors.assertNoErrors();
        }
    }
}
