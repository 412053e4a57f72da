package dev.pcibot.bot.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody.Builder;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake's limit checks: each limit fires one past it and stays quiet at it. */
class DiscordLimitsTest {

    private static ObjectNode message(String content) {
        ObjectNode message = Json.object().put("content", content);
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }

    private static List<String> rules(List<DiscordLimits.Problem> problems) {
        return problems.stream().map(DiscordLimits.Problem::rule).toList();
    }

    @Test
    void contentCountsCodePointsUpTo2000() {
        assertEquals(List.of(), rules(DiscordLimits.message(message("x".repeat(2000)), List.of(), true)));
        assertEquals(List.of("content-length"), rules(DiscordLimits.message(message("x".repeat(2001)), List.of(), true)));
        // 2000 emoji are 4000 UTF-16 units but 2000 characters for Discord
        assertEquals(List.of(), rules(DiscordLimits.message(message("🛑".repeat(2000)), List.of(), true)));
    }

    @ParameterizedTest(name = "{0}: {1} characters → {2}")
    @CsvSource({
        "title, 256, ''", "title, 257, embed-title",
        "description, 4096, ''", "description, 4097, embed-description",
        "footer, 2048, ''", "footer, 2049, embed-footer",
        "field-name, 256, ''", "field-name, 257, embed-field-name",
        "field-value, 1024, ''", "field-value, 1025, embed-field-value",
    })
    void embedPartsHaveTheirOwnLimits(String part, int length, String rule) {
        ObjectNode embed = Json.object();
        String text = "y".repeat(length);
        switch (part) {
            case "title" -> embed.put("title", text);
            case "description" -> embed.put("description", text);
            case "footer" -> embed.putObject("footer").put("text", text);
            case "field-name" -> embed.putArray("fields").addObject().put("name", text).put("value", "v");
            default -> embed.putArray("fields").addObject().put("name", "n").put("value", text);
        }
        ObjectNode message = Json.object();
        message.putArray("embeds").add(embed);
        assertEquals(rule.isEmpty() ? List.of() : List.of(rule), rules(DiscordLimits.message(message, List.of(), true)));
    }

    @Test
    void sixThousandCharactersAcrossAllEmbedsOfAMessage() {
        ObjectNode fits = Json.object();
        fits.putArray("embeds").add(Json.object().put("description", "a".repeat(3000)))
                .add(Json.object().put("description", "b".repeat(3000)));
        assertEquals(List.of(), rules(DiscordLimits.message(fits, List.of(), true)));
        ((ObjectNode) fits.path("embeds").get(1)).put("title", "!");
        assertEquals(List.of("embed-total"), rules(DiscordLimits.message(fits, List.of(), true)));
    }

    @Test
    void tenEmbedsTwentyFiveFieldsFiveRowsOfFiveButtons() {
        ObjectNode message = Json.object();
        ArrayNode embeds = message.putArray("embeds");
        for (int i = 0; i < 11; i++) {
            embeds.addObject().put("title", "t");
        }
        ArrayNode fields = ((ObjectNode) embeds.get(0)).putArray("fields");
        for (int i = 0; i < 26; i++) {
            fields.addObject().put("name", "n").put("value", "v");
        }
        ArrayNode rows = message.putArray("components");
        for (int r = 0; r < 6; r++) {
            ArrayNode buttons = rows.addObject().put("type", 1).putArray("components");
            for (int b = 0; b < (r == 0 ? 6 : 1); b++) {
                buttons.addObject().put("type", 2).put("style", 1).put("label", "b").put("custom_id", "id:" + r + ":" + b);
            }
        }
        assertEquals(List.of("embed-count", "embed-field-count", "action-rows", "row-components"),
                rules(DiscordLimits.message(message, List.of(), true)));
    }

    @Test
    void customIdsAreOneToHundredCharactersAndUniquePerMessage() {
        ObjectNode message = Json.object();
        ArrayNode buttons = message.putArray("components").addObject().put("type", 1).putArray("components");
        buttons.addObject().put("type", 2).put("style", 1).put("label", "a").put("custom_id", "c".repeat(100));
        assertEquals(List.of(), rules(DiscordLimits.message(message, List.of(), true)));
        buttons.addObject().put("type", 2).put("style", 1).put("label", "b").put("custom_id", "c".repeat(101));
        buttons.addObject().put("type", 2).put("style", 1).put("label", "c").put("custom_id", "c".repeat(100));
        assertEquals(List.of("custom-id", "custom-id-duplicate"), rules(DiscordLimits.message(message, List.of(), true)));
    }

    @Test
    void contentThatCouldPingNeedsAllowedMentionsThatPingNobody() {
        ObjectNode none = Json.object().put("content", "hi");
        assertEquals(List.of("allowed-mentions"), rules(DiscordLimits.message(none, List.of(), true)));
        ObjectNode everyone = Json.object().put("content", "hi");
        everyone.putObject("allowed_mentions").putArray("parse").add("everyone").add("users");
        assertEquals(List.of("allowed-mentions"), rules(DiscordLimits.message(everyone, List.of(), true)));
        ObjectNode users = message("hi");
        ((ObjectNode) users.path("allowed_mentions")).putArray("users").add("1");
        assertEquals(List.of("allowed-mentions"), rules(DiscordLimits.message(users, List.of(), true)));
        assertEquals(List.of(), rules(DiscordLimits.message(message("@everyone <@&1>"), List.of(), true)));
    }

    @Test
    void anOddNumberOfCodeFencesBreaksOutOfTheBlock() {
        assertEquals(List.of(), rules(DiscordLimits.message(message("```\nlspci\n```"), List.of(), true)));
        assertEquals(List.of("code-fence"), rules(DiscordLimits.message(message("```\nlspci ``` x\n```"), List.of(), true)));
        ObjectNode embed = Json.object();
        embed.putArray("embeds").addObject().put("description", "```\nopen");
        assertEquals(List.of("code-fence"), rules(DiscordLimits.message(embed, List.of(), true)));
    }

    @Test
    void emptyMessagesAreRefusedOnCreateOnly() {
        assertEquals(List.of("empty-message"), rules(DiscordLimits.message(Json.object(), List.of(), true)));
        assertEquals(List.of(), rules(DiscordLimits.message(Json.object(), List.of(), false)));
        UploadedFile file = new UploadedFile("files[0]", "r.txt", "text/plain", new byte[1]);
        assertEquals(List.of(), rules(DiscordLimits.message(Json.object(), List.of(file), true)));
    }

    @Test
    void uploadsUpTo10MiBEach() {
        UploadedFile ok = new UploadedFile("files[0]", "a.txt", "text/plain", new byte[10 * 1024 * 1024]);
        UploadedFile big = new UploadedFile("files[1]", "b.txt", "text/plain", new byte[10 * 1024 * 1024 + 1]);
        assertEquals(List.of(), rules(DiscordLimits.message(message("x"), List.of(ok), true)));
        assertEquals(List.of("attachment-size"), rules(DiscordLimits.message(message("x"), List.of(big), true)));
    }

    @Test
    void autocompleteTwentyFiveChoicesOfAtMostHundredCharacters() {
        ObjectNode data = Json.object();
        ArrayNode choices = data.putArray("choices");
        for (int i = 0; i < 25; i++) {
            choices.addObject().put("name", "n".repeat(100)).put("value", "v".repeat(100));
        }
        assertEquals(List.of(), rules(DiscordLimits.autocomplete(data)));
        choices.addObject().put("name", "n".repeat(101)).put("value", "v".repeat(101));
        assertEquals(List.of("autocomplete-choices", "choice-name", "choice-value"), rules(DiscordLimits.autocomplete(data)));
    }

    @Test
    void modalTitleAndComponents() {
        ObjectNode modal = Json.object().put("title", "t".repeat(45)).put("custom_id", "dx:paste");
        modal.putArray("components").addObject().put("type", 18).put("label", "Output").putObject("component")
                .put("type", 4).put("custom_id", "output").put("max_length", 4000);
        assertEquals(List.of(), rules(DiscordLimits.modal(modal)));
        modal.put("title", "t".repeat(46));
        ((ObjectNode) modal.path("components").get(0).path("component")).put("max_length", 4001);
        assertEquals(List.of("modal-title", "text-input"), rules(DiscordLimits.modal(modal)));
    }

    @Test
    void aFileUploadSitsInALabelAndTakesAtMostTenFiles() {
        ObjectNode modal = Json.object().put("title", "Paste the output").put("custom_id", "ts:m:x:1");
        ObjectNode label = modal.putArray("components").addObject().put("type", 18).put("label", "Or attach it as a file")
                .put("description", "d".repeat(100));
        label.putObject("component").put("type", 19).put("custom_id", "file").put("min_values", 1).put("max_values", 1);
        assertEquals(List.of(), rules(DiscordLimits.modal(modal)));

        label.put("label", "l".repeat(46)).put("description", "d".repeat(101));
        ((ObjectNode) label.path("component")).put("max_values", 11);
        ((com.fasterxml.jackson.databind.node.ArrayNode) modal.path("components")).addObject()
                .put("type", 19).put("custom_id", "bare");
        assertEquals(List.of("modal-label", "modal-label-description", "file-upload", "file-upload"),
                rules(DiscordLimits.modal(modal)));
    }

    @Test
    void commandsFollowDiscordsNamingAndOptionRules() {
        JsonNode good = Json.parse("""
                [{"name":"ask","description":"Ask","type":1,"options":[
                   {"name":"question","description":"Q","type":3,"required":true,"max_length":6000,"autocomplete":true}]},
                 {"name":"Diagnose this message","description":"","type":3}]""");
        assertEquals(List.of(), rules(DiscordLimits.commands(good)));
        JsonNode bad = Json.parse("""
                [{"name":"Ask","description":"","type":1,"options":[
                   {"name":"b","description":"B","type":3},
                   {"name":"a","description":"A","type":3,"required":true,"max_length":6001}]},
                 {"name":"Diagnose this message","description":"no","type":3}]""");
        assertEquals(List.of("command-name", "command-description", "command-option-order", "command-option-length",
                "command-description"), rules(DiscordLimits.commands(bad)));
    }

    @Test
    void multipartUploadsAreSplitIntoPayloadAndFiles() throws Exception {
        okhttp3.MultipartBody body = new Builder("boundary42").setType(okhttp3.MultipartBody.FORM)
                .addFormDataPart("payload_json", "{\"content\":\"hi\"}")
                .addFormDataPart("files[0]", "report.txt", RequestBody.create("full report", MediaType.get("text/plain")))
                .build();
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        MultipartBody parsed = MultipartBody.parse(body.contentType().toString(), buffer.readByteString());
        assertEquals("{\"content\":\"hi\"}", parsed.payloadJson());
        assertEquals(1, parsed.files().size());
        assertEquals("report.txt", parsed.files().get(0).filename());
        assertEquals("full report", parsed.files().get(0).text());
        assertEquals(null, MultipartBody.parse("application/json", buffer.readByteString()));
    }

    @Test
    void snowflakesCarryTheirCreationTime() {
        long now = System.currentTimeMillis();
        long id = Snowflakes.at(now - 16 * 60_000);
        assertEquals(now - 16 * 60_000, Snowflakes.createdAt(id));
        assertEquals(false, Snowflakes.next() == Snowflakes.next());
    }
}
