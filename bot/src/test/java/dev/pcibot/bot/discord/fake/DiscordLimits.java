package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's limits on what a bot sends, checked the way the server checks them (discord-fake.md §4).
 * JDA checks most of them client-side, but not the 6,000 characters across all embeds, the upload
 * sizes, or anything the bot builds as raw JSON; and two project rules live here too: no ping-able
 * echo (allowed_mentions) and no code block broken out of (an odd number of ``` fences).
 */
final class DiscordLimits {
    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int EMBED_TITLE = 256;
    static final int EMBED_DESCRIPTION = 4096;
    static final int EMBED_FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int AUTHOR_NAME = 256;
    static final int EMBED_TOTAL = 6000;
    static final int CUSTOM_ID = 100;
    static final int ACTION_ROWS = 5;
    static final int ROW_COMPONENTS = 5;
    static final int BUTTON_LABEL = 80;
    static final int AUTOCOMPLETE_CHOICES = 25;
    static final int CHOICE_NAME = 100;
    static final int CHOICE_STRING_VALUE = 100;
    static final int MODAL_TITLE = 45;
    static final int MODAL_COMPONENTS = 5;
    static final int TEXT_INPUT = 4000;
    static final int LABEL = 45;
    static final int LABEL_DESCRIPTION = 100;
    static final int FILE_UPLOAD_VALUES = 10;
    static final int LABEL_TYPE = 18;
    static final int FILE_UPLOAD_TYPE = 19;
    static final int FILES = 10;
    static final long FILE_BYTES = 10L * 1024 * 1024;
    static final long REQUEST_BYTES = 25L * 1024 * 1024;
    static final int COMMAND_NAME = 32;
    static final int COMMAND_DESCRIPTION = 100;
    static final int COMMAND_OPTIONS = 25;
    static final int OPTION_CHOICES = 25;
    static final int OPTION_STRING_LENGTH = 6000;
    // Components V2 messages carry no content/embeds and lift the five-rows rule
    static final int IS_COMPONENTS_V2 = 1 << 15;
    static final int V2_COMPONENTS = 40;
    static final int V2_TEXT = 4000;
    static final int TEXT_DISPLAY_TYPE = 10;
    static final int CONTAINER_TYPE = 17;
    // what a container may hold: action row, section, text display, media gallery, file, separator
    private static final Set<Integer> CONTAINER_CHILDREN = Set.of(1, 9, 10, 12, 13, 14);

    private static final Pattern SLASH_NAME = Pattern.compile("^[-_'\\p{Ll}\\p{Lo}\\p{N}]{1,32}$");
    private static final List<String> PINGING_PARSE = List.of("everyone", "roles", "users");

    /** One broken limit. */
    record Problem(String rule, String detail) {}

    private DiscordLimits() {}

    /** A message sent as a callback's data, a follow-up, an edit or a channel message. */
    static List<Problem> message(JsonNode data, List<UploadedFile> files, boolean create) {
        List<Problem> problems = new ArrayList<>();
        String content = Json.text(data, "content");
        if (length(content) > CONTENT) {
            problems.add(new Problem("content-length", length(content) + " > " + CONTENT + " characters"));
        }
        checkFences("content", content, problems);
        checkEmbeds(data.path("embeds"), problems);
        checkComponents(data, problems);
        checkMentions(data, content, problems);
        checkFiles(files, problems);
        boolean empty = content.isEmpty()
                && data.path("embeds").isEmpty()
                && data.path("components").isEmpty()
                && data.path("attachments").isEmpty()
                && files.isEmpty()
                && !data.has("poll");
        if (create && empty) {
            problems.add(new Problem("empty-message", "no content, embeds, components or files"));
        }
        return problems;
    }

    static List<Problem> autocomplete(JsonNode data) {
        List<Problem> problems = new ArrayList<>();
        JsonNode choices = data.path("choices");
        if (choices.size() > AUTOCOMPLETE_CHOICES) {
            problems.add(new Problem("autocomplete-choices", choices.size() + " > " + AUTOCOMPLETE_CHOICES));
        }
        for (JsonNode choice : choices) {
            String name = Json.text(choice, "name");
            if (name.isEmpty() || length(name) > CHOICE_NAME) {
                problems.add(new Problem("choice-name", "length " + length(name) + " not in 1.." + CHOICE_NAME));
            }
            JsonNode value = choice.path("value");
            if (value.isTextual() && length(value.asText()) > CHOICE_STRING_VALUE) {
                problems.add(new Problem("choice-value", length(value.asText()) + " > " + CHOICE_STRING_VALUE));
            }
        }
        return problems;
    }

    static List<Problem> modal(JsonNode data) {
        List<Problem> problems = new ArrayList<>();
        String title = Json.text(data, "title");
        if (title.isEmpty() || length(title) > MODAL_TITLE) {
            problems.add(new Problem("modal-title", "length " + length(title) + " not in 1.." + MODAL_TITLE));
        }
        checkCustomId(Json.text(data, "custom_id"), problems);
        int count = data.path("components").size();
        if (count < 1 || count > MODAL_COMPONENTS) {
            problems.add(new Problem("modal-components", count + " not in 1.." + MODAL_COMPONENTS));
        }
        for (JsonNode top : data.path("components")) {
            checkModalComponent(top, problems);
        }
        data.path("components").findParents("custom_id").forEach(input -> {
            checkCustomId(Json.text(input, "custom_id"), problems);
            if (length(Json.text(input, "value")) > TEXT_INPUT || input.path("max_length").asInt(0) > TEXT_INPUT) {
                problems.add(new Problem("text-input", "value or max_length over " + TEXT_INPUT));
            }
        });
        return problems;
    }

    /**
     * A modal's top-level component: a Label (type 18) must carry a 1-45 character label, a
     * description of at most 100 and one child; a file upload (type 19) may only sit inside a Label
     * and accepts 0-10 files with min not above max (reference.mdx, File Upload and Label).
     */
    private static void checkModalComponent(JsonNode top, List<Problem> problems) {
        int type = top.path("type").asInt();
        if (type == FILE_UPLOAD_TYPE) {
            problems.add(new Problem("file-upload", "a file upload outside a Label"));
            return;
        }
        if (type != LABEL_TYPE) {
            return; // action rows of text inputs: the legacy layout
        }
        String label = Json.text(top, "label");
        if (label.isEmpty() || length(label) > LABEL) {
            problems.add(new Problem("modal-label", "label length " + length(label) + " not in 1.." + LABEL));
        }
        over("modal-label-description", Json.text(top, "description"), LABEL_DESCRIPTION, problems);
        JsonNode child = top.path("component");
        if (!child.isObject()) {
            problems.add(new Problem("modal-label", "a Label without its component"));
        } else if (child.path("type").asInt() == FILE_UPLOAD_TYPE) {
            int min = child.path("min_values").asInt(1);
            int max = child.path("max_values").asInt(1);
            if (min < 0 || max < 1 || max > FILE_UPLOAD_VALUES || min > max) {
                problems.add(new Problem("file-upload", "min_values " + min + ", max_values " + max + " not within 0.."
                        + FILE_UPLOAD_VALUES + " with min <= max"));
            }
        }
    }

    /** The body of {@code PUT applications/{app}[/guilds/{g}]/commands}. */
    static List<Problem> commands(JsonNode commands) {
        List<Problem> problems = new ArrayList<>();
        if (!commands.isArray()) {
            problems.add(new Problem("commands", "body is not an array"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode command : commands) {
            int type = command.path("type").asInt(1);
            String name = Json.text(command, "name");
            if (!seen.add(type + ":" + name)) {
                problems.add(new Problem("command-duplicate", name));
            }
            if (type == 1) {
                checkSlashName("command name", name, problems);
                checkDescription(name, Json.text(command, "description"), problems);
            } else if (name.isEmpty() || length(name) > COMMAND_NAME) {
                problems.add(new Problem("command-name", "'" + name + "' length not in 1.." + COMMAND_NAME));
            } else if (!Json.text(command, "description").isEmpty()) {
                problems.add(new Problem("command-description", "context menu '" + name + "' must have no description"));
            }
            checkOptions(name, command.path("options"), problems);
        }
        return problems;
    }

    private static void checkOptions(String command, JsonNode options, List<Problem> problems) {
        if (options.size() > COMMAND_OPTIONS) {
            problems.add(new Problem("command-options", command + ": " + options.size() + " > " + COMMAND_OPTIONS));
        }
        boolean optionalSeen = false;
        for (JsonNode option : options) {
            String name = Json.text(option, "name");
            checkSlashName(command + " option name", name, problems);
            checkDescription(command + "." + name, Json.text(option, "description"), problems);
            boolean required = option.path("required").asBoolean(false);
            if (required && optionalSeen) {
                problems.add(new Problem("command-option-order", command + "." + name + ": required after optional"));
            }
            optionalSeen |= !required;
            if (option.path("choices").size() > OPTION_CHOICES) {
                problems.add(new Problem("command-choices", command + "." + name + ": more than " + OPTION_CHOICES));
            }
            if (option.path("autocomplete").asBoolean(false) && !option.path("choices").isEmpty()) {
                problems.add(new Problem("command-autocomplete", command + "." + name + ": autocomplete with choices"));
            }
            int min = option.path("min_length").asInt(0);
            int max = option.path("max_length").asInt(1);
            if (min < 0 || min > OPTION_STRING_LENGTH || max < 1 || max > OPTION_STRING_LENGTH) {
                problems.add(new Problem("command-option-length", command + "." + name + ": min/max_length outside 0..6000"));
            }
            checkOptions(command + " " + name, option.path("options"), problems); // subcommands
        }
    }

    private static void checkSlashName(String what, String name, List<Problem> problems) {
        if (!SLASH_NAME.matcher(name).matches()) {
            problems.add(new Problem("command-name", what + " '" + name + "' is not 1-32 lower-case word characters"));
        }
    }

    private static void checkDescription(String what, String description, List<Problem> problems) {
        if (description.isEmpty() || length(description) > COMMAND_DESCRIPTION) {
            problems.add(new Problem("command-description", what + ": length " + length(description)
                    + " not in 1.." + COMMAND_DESCRIPTION));
        }
    }

    private static void checkEmbeds(JsonNode embeds, List<Problem> problems) {
        if (embeds.size() > EMBEDS) {
            problems.add(new Problem("embed-count", embeds.size() + " > " + EMBEDS));
        }
        int total = 0;
        for (JsonNode embed : embeds) {
            String title = Json.text(embed, "title");
            String description = Json.text(embed, "description");
            String footer = Json.text(embed.path("footer"), "text");
            String author = Json.text(embed.path("author"), "name");
            over("embed-title", title, EMBED_TITLE, problems);
            over("embed-description", description, EMBED_DESCRIPTION, problems);
            over("embed-footer", footer, FOOTER, problems);
            over("embed-author", author, AUTHOR_NAME, problems);
            checkFences("embed description", description, problems);
            total += length(title) + length(description) + length(footer) + length(author);
            JsonNode fields = embed.path("fields");
            if (fields.size() > EMBED_FIELDS) {
                problems.add(new Problem("embed-field-count", fields.size() + " > " + EMBED_FIELDS));
            }
            for (JsonNode field : fields) {
                String name = Json.text(field, "name");
                String value = Json.text(field, "value");
                if (name.isEmpty() || value.isEmpty()) {
                    problems.add(new Problem("embed-field-empty", "field name and value are required"));
                }
                over("embed-field-name", name, FIELD_NAME, problems);
                over("embed-field-value", value, FIELD_VALUE, problems);
                checkFences("embed field '" + name + "'", value, problems);
                total += length(name) + length(value);
            }
        }
        // JDA checks each embed alone; Discord sums over the whole message
        if (total > EMBED_TOTAL) {
            problems.add(new Problem("embed-total", total + " > " + EMBED_TOTAL + " characters across all embeds"));
        }
    }

    private static void checkComponents(JsonNode data, List<Problem> problems) {
        JsonNode rows = data.path("components");
        boolean v2 = (data.path("flags").asInt(0) & IS_COMPONENTS_V2) != 0;
        if (v2) {
            checkComponentsV2(data, problems);
        }
        if (!v2 && rows.size() > ACTION_ROWS) {
            problems.add(new Problem("action-rows", rows.size() + " > " + ACTION_ROWS));
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode row : rows) {
            if (!v2 && row.path("components").size() > ROW_COMPONENTS) {
                problems.add(new Problem("row-components", row.path("components").size() + " > " + ROW_COMPONENTS));
            }
        }
        for (JsonNode component : rows.findParents("type")) {
            if (component.has("custom_id")) {
                String id = Json.text(component, "custom_id");
                checkCustomId(id, problems);
                if (!ids.add(id)) {
                    problems.add(new Problem("custom-id-duplicate", id));
                }
            }
            if (component.path("type").asInt() == 2) {
                over("button-label", Json.text(component, "label"), BUTTON_LABEL, problems);
                boolean link = component.path("style").asInt() == 5;
                if (link == component.has("custom_id")) {
                    problems.add(new Problem("button", "a link button has a url, any other button a custom_id"));
                }
            }
        }
    }

    /**
     * A Components V2 message (flag 1 << 15): no content and no embeds, at most 40 components
     * counted at every depth, at most 4,000 characters across its text displays, none of them empty,
     * and containers holding only what a container may (reference.mdx, "Component Reference").
     */
    static void checkComponentsV2(JsonNode data, List<Problem> problems) {
        if (!Json.text(data, "content").isEmpty() || !data.path("embeds").isEmpty()) {
            problems.add(new Problem("components-v2", "a V2 message carries content or embeds"));
        }
        List<JsonNode> all = data.path("components").findParents("type");
        if (all.size() > V2_COMPONENTS) {
            problems.add(new Problem("components-v2-count", all.size() + " > " + V2_COMPONENTS + " components"));
        }
        int text = 0;
        for (JsonNode component : all) {
            int type = component.path("type").asInt();
            if (type == TEXT_DISPLAY_TYPE) {
                String content = Json.text(component, "content");
                if (content.isEmpty()) {
                    problems.add(new Problem("text-display", "an empty text display"));
                }
                checkFences("text display", content, problems);
                text += length(content);
            }
            if (type == CONTAINER_TYPE) {
                for (JsonNode child : component.path("components")) {
                    if (!CONTAINER_CHILDREN.contains(child.path("type").asInt())) {
                        problems.add(new Problem("container-child", "type " + child.path("type").asInt() + " in a container"));
                    }
                }
            }
        }
        if (text > V2_TEXT) {
            problems.add(new Problem("components-v2-text", text + " > " + V2_TEXT + " characters across text displays"));
        }
    }

    private static void checkCustomId(String id, List<Problem> problems) {
        if (id.isEmpty() || length(id) > CUSTOM_ID) {
            problems.add(new Problem("custom-id", "'" + abbreviate(id) + "' length " + length(id) + " not in 1.." + CUSTOM_ID));
        }
    }

    /**
     * Without allowed_mentions Discord pings whatever the content names, and the bot echoes other
     * people's text: every message with content must send allowed_mentions that pings nobody.
     */
    private static void checkMentions(JsonNode data, String content, List<Problem> problems) {
        if (content.isEmpty()) {
            return;
        }
        JsonNode allowed = data.get("allowed_mentions");
        if (allowed == null || !allowed.isObject()) {
            problems.add(new Problem("allowed-mentions", "content sent without allowed_mentions (Discord would parse every mention)"));
            return;
        }
        List<String> pinging = new ArrayList<>();
        allowed.path("parse").forEach(parse -> {
            if (PINGING_PARSE.contains(parse.asText())) {
                pinging.add(parse.asText());
            }
        });
        if (!pinging.isEmpty()) {
            problems.add(new Problem("allowed-mentions", "allowed_mentions.parse allows " + pinging));
        }
        if (!allowed.path("users").isEmpty() || !allowed.path("roles").isEmpty()) {
            problems.add(new Problem("allowed-mentions", "allowed_mentions names users or roles"));
        }
    }

    private static void checkFences(String where, String text, List<Problem> problems) {
        int fences = 0;
        for (int at = text.indexOf("```"); at >= 0; at = text.indexOf("```", at + 3)) {
            fences++;
        }
        if (fences % 2 != 0) {
            problems.add(new Problem("code-fence", where + " has " + fences + " ``` fences: a code block is broken out of"));
        }
    }

    private static void checkFiles(List<UploadedFile> files, List<Problem> problems) {
        if (files.size() > FILES) {
            problems.add(new Problem("attachment-count", files.size() + " > " + FILES));
        }
        long total = 0;
        for (UploadedFile file : files) {
            total += file.bytes().length;
            if (file.bytes().length > FILE_BYTES) {
                problems.add(new Problem("attachment-size", file.filename() + ": " + file.bytes().length + " > " + FILE_BYTES + " bytes"));
            }
        }
        if (total > REQUEST_BYTES) {
            problems.add(new Problem("attachment-size", "request carries " + total + " > " + REQUEST_BYTES + " bytes"));
        }
    }

    private static void over(String rule, String text, int limit, List<Problem> problems) {
        if (length(text) > limit) {
            problems.add(new Problem(rule, length(text) + " > " + limit + " characters"));
        }
    }

    /** Discord counts characters as code points, not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
