package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user sees as the bot's answer to one interaction: the message (or choices, or modal) the
 * fake received, in the exact JSON the bot sent.
 *
 * @param callbackType the interaction callback type that acknowledged the interaction (4 message,
 *     5 deferred message, 6 deferred update, 7 update, 8 autocomplete, 9 modal)
 * @param message the message payload: a callback's {@code data}, or a follow-up's or edit's body
 * @param ephemeral whether only the person who asked sees the message (flag 64 on the message as
 *     stored: after a deferral the flag was set by the deferral, not by the edit)
 * @param call the request that carried it; {@code call.body()} is the exact JSON
 */
public record Reply(int callbackType, JsonNode message, boolean ephemeral, RecordedCall call) {

    public List<UploadedFile> files() {
        return call.files();
    }

    public String content() {
        return Json.text(message, "content");
    }

    public JsonNode embeds() {
        return message.path("embeds");
    }

    /** Everything a reader sees: content, then each embed's title, description, fields and footer. */
    public String text() {
        StringBuilder text = new StringBuilder(content());
        for (JsonNode embed : embeds()) {
            text.append('\n').append(Json.text(embed, "title"));
            text.append('\n').append(Json.text(embed, "description"));
            for (JsonNode field : embed.path("fields")) {
                text.append('\n').append(Json.text(field, "name")).append('\n').append(Json.text(field, "value"));
            }
            text.append('\n').append(Json.text(embed.path("footer"), "text"));
        }
        textDisplays().forEach(display -> text.append('\n').append(display));
        return text.toString();
    }

    /** The text of every Components V2 text display, in order (empty for a classic message). */
    public List<String> textDisplays() {
        List<String> texts = new ArrayList<>();
        message.path("components").findParents("type").stream()
                .filter(component -> component.path("type").asInt() == 10)
                .forEach(display -> texts.add(Json.text(display, "content")));
        return texts;
    }

    /**
     * The message's heading: the first line of its first text display without the {@code ###}, or
     * the first embed's title; empty when it has neither.
     */
    public String heading() {
        List<String> texts = textDisplays();
        if (!texts.isEmpty()) {
            return texts.get(0).lines().findFirst().orElse("").replaceFirst("^#+ ", "");
        }
        return Json.text(embeds().path(0), "title");
    }

    /** The custom_id of every component, in order. */
    public List<String> customIds() {
        List<String> ids = new ArrayList<>();
        message.path("components").findValues("custom_id").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The first custom_id starting with {@code prefix}, or a test failure listing what there is. */
    public String customIdStartingWith(String prefix) {
        return customIds().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no custom_id starting with '" + prefix + "' in " + customIds()));
    }

    /** Button labels, in order. */
    public List<String> buttonLabels() {
        List<String> labels = new ArrayList<>();
        message.path("components").findParents("type").stream()
                .filter(component -> component.path("type").asInt() == 2)
                .forEach(button -> labels.add(Json.text(button, "label")));
        return labels;
    }

    /** Autocomplete choices' names (callback type 8). */
    public List<String> choiceNames() {
        List<String> names = new ArrayList<>();
        message.path("choices").forEach(choice -> names.add(Json.text(choice, "name")));
        return names;
    }
}
