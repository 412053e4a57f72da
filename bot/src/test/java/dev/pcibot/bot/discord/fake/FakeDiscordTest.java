package dev.pcibot.bot.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fake against the real JDA 6.5.0, with a tiny listener standing in for a bot: JDA reaches
 * READY with both guilds, every interaction kind arrives as the right JDA event, and the fake
 * catches what Discord would refuse (late ack, 6,000 characters across embeds, ping-able content,
 * a broken code fence, a double callback, an expired token, an unknown route).
 */
class FakeDiscordTest {
    /** The deadline while the "slow" command runs: Discord's 3 s would make the test wait that long. */
    private static final Duration SLOW_DEADLINE = Duration.ofMillis(200);
    private static FakeDiscord discord;
    private static JDA jda;
    private static JdaErrorLog jdaErrors;
    /** Failures the listener's REST actions got back from the fake, by interaction id. */
    private static final Map<Long, CompletableFuture<Throwable>> FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void connect() throws InterruptedException {
        jdaErrors = JdaErrorLog.install();
        discord = FakeDiscord.start();
        jda = JDABuilder.createLight(discord.token(), List.of())
                .setRestConfig(new RestConfig().setBaseUrl(discord.restBase()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return discord.gatewayUrl();
                    }
                })
                .setCompression(Compression.NONE)
                .addEventListeners(new TinyBot())
                .build()
                .awaitReady();
        jda.updateCommands().addCommands(
                Commands.slash("ask", "Ask the guides").addOption(OptionType.STRING, "question", "Your question", true, true),
                Commands.slash("big", "Replies with too much"),
                Commands.slash("ping", "Replies with an echo").addOption(OptionType.STRING, "text", "What to echo", true),
                Commands.slash("slow", "Acknowledges late"),
                Commands.message("Diagnose this message")).complete();
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        jda.shutdownNow();
        jda.awaitShutdown(5, TimeUnit.SECONDS);
        discord.close();
        jdaErrors.close();
    }

    @AfterEach
    void noViolationsLeft() {
        discord.assertNoViolations();
        jdaErrors.assertNoErrors();
    }

    @Test
    void jdaIsReadyWithBothGuildsCachedAndOnlyTheTokenCheckedOverRest() {
        assertEquals(JDA.Status.CONNECTED, jda.getStatus());
        assertNotNull(jda.getGuildById(FakeWorld.GUILD_ID));
        assertNotNull(jda.getGuildById(FakeWorld.OTHER_GUILD_ID));
        assertEquals(FakeWorld.BOT_ID, jda.getGuildById(FakeWorld.GUILD_ID).getSelfMember().getIdLong());
        assertEquals("passthrough-help", jda.getTextChannelById(FakeWorld.CHANNEL_ID).getName());
        RecordedCall first = discord.calls().get(0);
        assertEquals("GET users/@me", first.requestLine());
        assertEquals("Bot " + discord.token(), first.headers().get("authorization"));
    }

    @Test
    void commandsAreStoredWithIds() {
        JsonNode global = discord.awaitCommands("global");
        List<String> names = new ArrayList<>();
        global.forEach(command -> names.add(command.path("name").asText()));
        assertEquals(List.of("ask", "big", "ping", "slow", "Diagnose this message"), names);
        global.forEach(command -> assertFalse(command.path("id").asText().isEmpty()));
    }

    @Test
    void slashReplyThenButtonUpdateTheSameMessage() {
        SentInteraction ask = discord.send(InteractionPayloads.slash("ask").option("question", "how to enable iommu"));
        Reply reply = ask.awaitReply();
        assertEquals(4, reply.callbackType());
        assertEquals("answer to: how to enable iommu", reply.content());
        assertEquals(List.of("more:1"), reply.customIds());

        ObjectNode original = discord.originalMessage(ask);
        assertEquals(20, original.path("type").asInt(), "a slash-command reply");
        assertEquals(Long.toString(FakeWorld.ASKER_ID), original.path("interaction_metadata").path("user").path("id").asText());
        SentInteraction click = discord.send(InteractionPayloads.button("more:1", original).by(FakeWorld.BYSTANDER_ID));
        Reply update = click.awaitReply();
        assertEquals(7, update.callbackType());
        assertEquals("page 2 for bystander", update.content());
        assertEquals("page 2 for bystander", discord.message(ask.originalMessageId()).orElseThrow().path("content").asText());
    }

    @Test
    void reconnectResumesOnTheFakeAndInteractionsStillArrive() {
        discord.reconnectAndAwaitResume();
        Reply reply = discord.send(InteractionPayloads.autocomplete("ask", "question", "vfio")).awaitReply();
        assertEquals(List.of("vfio 1", "vfio 2", "vfio 3"), reply.choiceNames());
    }

    @Test
    void autocompleteAnswersWithChoices() {
        Reply reply = discord.send(InteractionPayloads.autocomplete("ask", "question", "iom")).awaitReply();
        assertEquals(8, reply.callbackType());
        assertEquals(List.of("iom 1", "iom 2", "iom 3"), reply.choiceNames());
    }

    @Test
    void contextMenuReadsTheTargetMessageAndRepliesAfterDeferring() {
        ObjectNode attachment = discord.attachment("dmesg.txt", "text/plain; charset=utf-8",
                "DMAR: IOMMU enabled\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode pasted = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, FakeWorld.BYSTANDER_ID,
                "```\nvfio-pci 0000:01:00.0: BAR 3: can't reserve\n```", List.of(attachment));
        SentInteraction menu = discord.send(InteractionPayloads.messageCommand("Diagnose this message", pasted));
        Reply reply = menu.awaitReply();
        assertEquals(5, reply.callbackType(), "deferred first");
        assertEquals("PATCH", reply.call().method());
        assertTrue(reply.content().startsWith("target had 1 attachment(s): BAR 3"), reply.content());
        assertEquals(1, reply.files().size());
        assertEquals("report.txt", reply.files().get(0).filename());
        JsonNode stored = discord.message(menu.originalMessageId()).orElseThrow();
        assertEquals(23, stored.path("type").asInt(), "a context-menu reply");
        assertTrue(stored.path("attachments").get(0).path("url").asText().startsWith("http://127.0.0.1:"));
    }

    @Test
    void modalOpensAndItsSubmitIsRead() {
        ObjectNode original = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, FakeWorld.BOT_ID, "an answer", List.of());
        Reply modal = discord.send(InteractionPayloads.button("feedback", original)).awaitReply();
        assertEquals(9, modal.callbackType());
        assertEquals("feedback-form", modal.message().path("custom_id").asText());

        Reply submitted = discord.send(InteractionPayloads.modalSubmit("feedback-form", Map.of("why", "wrong guide")))
                .awaitReply();
        assertEquals("thanks: wrong guide", submitted.content());
        assertTrue(submitted.ephemeral());
    }

    @Test
    void sixThousandCharactersAcrossEmbedsAreRefusedThoughJdaLetsThemThrough() {
        SentInteraction big = discord.send(InteractionPayloads.slash("big"));
        Throwable failure = awaitFailure(big);
        assertTrue(failure.getMessage().contains("50035"), failure.toString());
        List<Violation> violations = discord.takeViolations();
        assertEquals(List.of("embed-total"), violations.stream().map(Violation::rule).toList());
        assertEquals(0, big.callbackType(), "a refused callback does not acknowledge");
    }

    @Test
    void echoWithoutAllowedMentionsAndWithAnOpenFenceIsRefused() {
        SentInteraction echo = discord.send(InteractionPayloads.slash("ping").option("text", "@everyone ``` look"));
        awaitFailure(echo);
        List<String> rules = discord.takeViolations().stream().map(Violation::rule).sorted().toList();
        assertEquals(List.of("allowed-mentions", "code-fence"), rules);
    }

    @Test
    void lateAcknowledgementIsUnknownInteraction() {
        discord.ackDeadline(SLOW_DEADLINE);
        SentInteraction slow;
        Throwable failure;
        try {
            slow = discord.send(InteractionPayloads.slash("slow"));
            failure = awaitFailure(slow);
        } finally {
            discord.ackDeadline(FakeDiscord.ACK_DEADLINE);
        }
        // JDA rewrites 10062 into its "took longer than 3 seconds" message
        assertTrue(failure.getMessage().contains("10062") || failure.getMessage().contains("3 seconds"), failure.toString());
        List<Violation> violations = discord.takeViolations();
        assertEquals("ack-deadline", violations.get(0).rule());
    }

    @Test
    void secondCallbackIsRefusedWith40060() throws Exception {
        ObjectNode original = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, FakeWorld.BOT_ID, "x", List.of());
        SentInteraction click = discord.send(InteractionPayloads.button("silent", original));
        String callback = discord.restBase() + "interactions/" + click.id() + "/" + click.token() + "/callback";
        assertEquals(204, post(callback, "{\"type\":6}").statusCode());
        HttpResponse<String> second = post(callback, "{\"type\":6}");
        assertEquals(400, second.statusCode());
        assertEquals(40060, Json.parse(second.body()).path("code").asInt());
        assertEquals(List.of("double-ack"), discord.takeViolations().stream().map(Violation::rule).toList());
    }

    @Test
    void followUpAfterFifteenMinutesIsAnInvalidToken() throws Exception {
        ObjectNode original = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, FakeWorld.BOT_ID, "x", List.of());
        SentInteraction old = discord.send(InteractionPayloads.button("silent", original)
                .createdAt(System.currentTimeMillis() - Duration.ofMinutes(16).toMillis()));
        String base = discord.restBase();
        assertEquals(204, post(base + "interactions/" + old.id() + "/" + old.token() + "/callback", "{\"type\":6}").statusCode());
        HttpResponse<String> followUp = post(base + "webhooks/" + FakeWorld.APPLICATION_ID + "/" + old.token() + "?wait=true",
                "{\"content\":\"late\",\"allowed_mentions\":{\"parse\":[]}}");
        assertEquals(401, followUp.statusCode());
        assertEquals(50027, Json.parse(followUp.body()).path("code").asInt());
        assertEquals(List.of("token-expired"), discord.takeViolations().stream().map(Violation::rule).toList());
    }

    @Test
    void unknownRouteIsRecorded() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(discord.restBase() + "guilds/1/bans"))
                        .header("Authorization", "Bot " + discord.token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals(List.of("unhandled-route"), discord.takeViolations().stream().map(Violation::rule).toList());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Throwable awaitFailure(SentInteraction interaction) {
        try {
            return FAILURES.computeIfAbsent(interaction.id(), id -> new CompletableFuture<>()).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the listener saw no failure for " + interaction + "\n" + discord.diagnostics(), e);
        }
    }

    private static void failed(long interactionId, Throwable failure) {
        FAILURES.computeIfAbsent(interactionId, id -> new CompletableFuture<>()).complete(failure);
    }

    /** Stands in for a bot: one behaviour per command, each a few lines of plain JDA. */
    private static final class TinyBot extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            long id = event.getIdLong();
            switch (event.getName()) {
                case "ask" -> event.reply("answer to: " + event.getOption("question").getAsString())
                        .setAllowedMentions(List.of())
                        .addComponents(ActionRow.of(Button.secondary("more:1", "Show more")))
                        .queue();
                case "big" -> {
                    MessageEmbed half = new EmbedBuilder().setDescription("x".repeat(4000)).build();
                    event.replyEmbeds(half, half).queue(null, failure -> failed(id, failure));
                }
                // JDA's default would do too, but the bot under test changes that global default
                case "ping" -> event.reply(event.getOption("text").getAsString())
                        .setAllowedMentions(EnumSet.allOf(Message.MentionType.class))
                        .queue(null, failure -> failed(id, failure));
                case "slow" -> {
                    sleep(SLOW_DEADLINE.toMillis() * 3);
                    event.reply("too late").setAllowedMentions(List.of()).queue(null, failure -> failed(id, failure));
                }
                default -> throw new IllegalStateException(event.getName());
            }
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            String typed = event.getFocusedOption().getValue();
            event.replyChoiceStrings(typed + " 1", typed + " 2", typed + " 3").queue();
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            switch (event.getComponentId()) {
                case "more:1" -> event.editMessage("page 2 for " + event.getUser().getName())
                        .setAllowedMentions(List.of()).queue();
                case "feedback" -> event.replyModal(Modal.create("feedback-form", "Why not helpful?")
                        .addComponents(Label.of("Reason", TextInput.create("why", TextInputStyle.SHORT).build()))
                        .build()).queue();
                default -> { } // "silent": the test answers over raw HTTP
            }
        }

        @Override
        public void onMessageContextInteraction(MessageContextInteractionEvent event) {
            event.deferReply().queue();
            Message target = event.getTarget();
            String firstLine = target.getContentRaw().lines().skip(1).findFirst().orElse("");
            event.getHook()
                    .editOriginal("target had " + target.getAttachments().size() + " attachment(s): "
                            + firstLine.substring(firstLine.indexOf("BAR 3")))
                    .setAllowedMentions(List.of())
                    .setFiles(FileUpload.fromData("full report".getBytes(StandardCharsets.UTF_8), "report.txt"))
                    .queue();
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            event.reply("thanks: " + event.getValue("why").getAsString()).setEphemeral(true)
                    .setAllowedMentions(List.of()).queue();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
