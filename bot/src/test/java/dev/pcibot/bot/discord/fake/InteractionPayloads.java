package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds INTERACTION_CREATE payloads the way Discord sends them over the gateway: a {@code guild}
 * object (without it JDA treats a guild channel as a DM), a {@code channel} object, the member with
 * computed permissions, {@code context}, {@code authorizing_integration_owners}, and per kind the
 * {@code data} JDA parses (discord-fake.md §1.6). The fake fills in id, token and the command id when
 * it sends one.
 */
public final class InteractionPayloads {
    static final int PING = 1;
    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;

    private InteractionPayloads() {}

    /** {@code /command} with options added by {@link Builder#option}. */
    public static Builder slash(String command) {
        return new Builder(APPLICATION_COMMAND, command, 1);
    }

    /** Autocomplete while the user types {@code partial} into {@code focusedOption} of {@code /command}. */
    public static Builder autocomplete(String command, String focusedOption, String partial) {
        Builder builder = new Builder(AUTOCOMPLETE, command, 1);
        ObjectNode option = builder.options.addObject();
        option.put("name", focusedOption);
        option.put("type", 3);
        option.put("value", partial);
        option.put("focused", true);
        return builder;
    }

    /** A click on the button {@code customId} of {@code message} (a full message object, as Discord sends it). */
    public static Builder button(String customId, JsonNode message) {
        Builder builder = new Builder(MESSAGE_COMPONENT, null, 0);
        builder.data.put("custom_id", customId);
        builder.data.put("component_type", 2);
        builder.message = message.deepCopy();
        return builder;
    }

    /** The message context-menu command {@code command} used on {@code target}. */
    public static Builder messageCommand(String command, ObjectNode target) {
        Builder builder = new Builder(APPLICATION_COMMAND, command, 3);
        String targetId = Json.text(target, "id");
        builder.data.put("target_id", targetId);
        builder.resolved().putObject("messages").set(targetId, target.deepCopy());
        builder.channelId = Long.parseLong(Json.text(target, "channel_id"));
        return builder;
    }

    /**
     * The submit of modal {@code customId} with its text inputs' values, in JDA 6's only understood
     * shape: type 18 Label components wrapping a type 4 text input (legacy action rows are dropped).
     */
    public static Builder modalSubmit(String customId, Map<String, String> values) {
        Builder builder = new Builder(MODAL_SUBMIT, null, 0);
        builder.data.put("custom_id", customId);
        ArrayNode components = builder.data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> input : values.entrySet()) {
            ObjectNode label = components.addObject();
            label.put("type", 18);
            label.put("id", id++);
            ObjectNode text = label.putObject("component");
            text.put("type", 4);
            text.put("id", id++);
            text.put("custom_id", input.getKey());
            text.put("value", input.getValue());
        }
        return builder;
    }

    /**
     * The submit of modal {@code customId} with its text inputs' values and one file upload
     * (type 19 inside a Label) carrying {@code files}: Discord sends the chosen files' ids in the
     * component's {@code values} and the attachment objects in {@code data.resolved.attachments},
     * where JDA's {@code ModalMapping#getAsAttachmentList} looks them up.
     *
     * @param files attachment objects from {@link FakeDiscord#attachment} (none: the user chose none)
     */
    public static Builder modalSubmit(String customId, Map<String, String> values, String uploadId, ObjectNode... files) {
        Builder builder = modalSubmit(customId, values);
        ArrayNode components = (ArrayNode) builder.data.get("components");
        int id = components.size() * 2 + 1;
        ObjectNode label = components.addObject();
        label.put("type", 18);
        label.put("id", id);
        ObjectNode upload = label.putObject("component");
        upload.put("type", 19);
        upload.put("id", id + 1);
        upload.put("custom_id", uploadId);
        ArrayNode chosen = upload.putArray("values");
        for (ObjectNode file : files) {
            String attachmentId = Json.text(file, "id");
            chosen.add(attachmentId);
            builder.attachments.put(attachmentId, file);
        }
        return builder;
    }

    /** One interaction being put together; defaults: the asker in the served guild's help channel, created now. */
    public static final class Builder {
        final int type;
        final @Nullable String commandName;
        final ObjectNode data = Json.object();
        final ArrayNode options;
        @Nullable JsonNode message;
        long channelId = FakeWorld.CHANNEL_ID;
        long userId = FakeWorld.ASKER_ID;
        @Nullable List<Long> roles;
        @Nullable Long createdAtMillis;
        private boolean directMessage;
        private @Nullable ObjectNode thread;
        private @Nullable String subcommandGroup;
        private @Nullable String subcommand;
        private final Map<String, ObjectNode> attachments = new LinkedHashMap<>();

        private Builder(int type, @Nullable String commandName, int commandType) {
            this.type = type;
            this.commandName = commandName;
            if (commandName != null) {
                data.put("name", commandName);
                data.put("type", commandType);
                options = commandType == 1 ? data.putArray("options") : Json.array();
            } else {
                options = Json.array();
            }
        }

        public Builder option(String name, String value) {
            options.addObject().put("name", name).put("type", 3).put("value", value);
            return this;
        }

        public Builder option(String name, long value) {
            options.addObject().put("name", name).put("type", 4).put("value", value);
            return this;
        }

        public Builder option(String name, boolean value) {
            options.addObject().put("name", name).put("type", 5).put("value", value);
            return this;
        }

        /**
         * Makes this {@code /command group sub ...}: the options added so far and later go inside the
         * subcommand, as Discord nests them.
         */
        public Builder subcommand(@Nullable String group, String name) {
            this.subcommandGroup = group;
            this.subcommand = name;
            return this;
        }

        /** An ATTACHMENT option; {@code attachment} comes from {@link FakeDiscord#attachment}. */
        public Builder attachment(String name, ObjectNode attachment) {
            String id = Json.text(attachment, "id");
            options.addObject().put("name", name).put("type", 11).put("value", id);
            attachments.put(id, attachment);
            return this;
        }

        /** Sent from this channel (its guild follows from FakeWorld). */
        public Builder in(long channel) {
            this.channelId = channel;
            return this;
        }

        /** Sent from a thread the bot created ({@link FakeDiscord#threadsIn}): its channel object is the thread. */
        public Builder inThread(ObjectNode threadJson) {
            this.thread = threadJson.deepCopy();
            this.channelId = Long.parseLong(Json.text(threadJson, "id"));
            return this;
        }

        /** Sent in the bot's direct messages with the user: no guild, a DM channel, context 1 (BOT_DM). */
        public Builder inDirectMessage() {
            this.directMessage = true;
            return this;
        }

        public Builder by(long user) {
            this.userId = user;
            return this;
        }

        /**
         * The member carries these roles instead of FakeWorld's (a role taken away in Discord since
         * the last interaction); the permissions follow from them.
         */
        public Builder withRoles(long... roleIds) {
            this.roles = java.util.Arrays.stream(roleIds).boxed().toList();
            return this;
        }

        /** Backdates the interaction (its id carries the time): to test the 15-minute token lifetime. */
        public Builder createdAt(long epochMillis) {
            this.createdAtMillis = epochMillis;
            return this;
        }

        /** For modal submits opened from a button: the message the button was on. */
        public Builder message(JsonNode onMessage) {
            this.message = onMessage.deepCopy();
            return this;
        }

        private ObjectNode resolved() {
            JsonNode existing = data.get("resolved");
            return existing instanceof ObjectNode node ? node : data.putObject("resolved");
        }

        ObjectNode build(long id, String token, long commandId) {
            ObjectNode payload = directMessage ? directMessagePayload(id, token) : guildPayload(id, token);
            ObjectNode body = data.deepCopy();
            if (subcommand != null) {
                ObjectNode sub = Json.object().put("name", subcommand).put("type", 1);
                sub.set("options", options.deepCopy());
                ObjectNode top = sub;
                if (subcommandGroup != null) {
                    top = Json.object().put("name", subcommandGroup).put("type", 2);
                    top.putArray("options").add(sub);
                }
                body.putArray("options").add(top);
            }
            if (commandName != null) {
                body.put("id", Long.toString(commandId));
                if (!directMessage && (type == APPLICATION_COMMAND || type == AUTOCOMPLETE)) {
                    body.put("guild_id", payload.path("guild_id").asText());
                }
            }
            if (!attachments.isEmpty()) {
                ObjectNode resolvedAttachments = body.has("resolved")
                        ? (ObjectNode) body.get("resolved")
                        : body.putObject("resolved");
                ObjectNode map = resolvedAttachments.putObject("attachments");
                attachments.forEach(map::set);
            }
            payload.set("data", body);
            if (message != null) {
                payload.set("message", message);
            }
            return payload;
        }

        private ObjectNode common(long id, String token) {
            ObjectNode payload = Json.object();
            payload.put("id", Long.toString(id));
            payload.put("application_id", Long.toString(FakeWorld.APPLICATION_ID));
            payload.put("type", type);
            payload.put("token", token);
            payload.put("version", 1);
            payload.put("locale", "en-US");
            payload.putArray("entitlements");
            payload.put("attachment_size_limit", DiscordLimits.FILE_BYTES);
            return payload;
        }

        private ObjectNode directMessagePayload(long id, String token) {
            long dmChannel = FakeWorld.dmChannelOf(userId);
            ObjectNode payload = common(id, token);
            payload.put("channel_id", Long.toString(dmChannel));
            ObjectNode channel = payload.putObject("channel");
            channel.put("id", Long.toString(dmChannel));
            channel.put("type", 1);
            channel.putNull("last_message_id");
            channel.put("flags", 0);
            // JDA falls back to a detached channel (and logs a warning) without the recipient
            channel.putArray("recipients").add(FakeWorld.user(userId));
            payload.set("user", FakeWorld.user(userId));
            payload.put("app_permissions", Long.toString(FakeWorld.EVERYONE_PERMISSIONS));
            payload.putObject("authorizing_integration_owners").put("0", "0");
            payload.put("context", 1);
            return payload;
        }

        private ObjectNode guildPayload(long id, String token) {
            long guildId = FakeWorld.guildOf(channelId);
            ObjectNode payload = common(id, token);
            payload.put("guild_id", Long.toString(guildId));
            ObjectNode guild = payload.putObject("guild");
            guild.put("id", Long.toString(guildId));
            guild.put("locale", "en-US");
            guild.putArray("features");
            payload.put("channel_id", Long.toString(channelId));
            ObjectNode channel = thread != null ? thread.deepCopy() : FakeWorld.textChannel(
                    channelId, guildId, FakeWorld.channelName(channelId), FakeWorld.channelPosition(channelId));
            channel.put("permissions", Long.toString(FakeWorld.permissionsOf(userId, guildId)));
            payload.set("channel", channel);
            ObjectNode member = FakeWorld.member(userId, guildId, true);
            if (roles != null) {
                ArrayNode listed = member.putArray("roles");
                roles.forEach(r -> listed.add(Long.toString(r)));
                long permissions = roles.contains(FakeWorld.MODERATOR_ROLE_ID)
                        ? FakeWorld.EVERYONE_PERMISSIONS | FakeWorld.MODERATOR_PERMISSIONS : FakeWorld.EVERYONE_PERMISSIONS;
                member.put("permissions", Long.toString(permissions));
                channel.put("permissions", Long.toString(permissions));
            }
            payload.set("member", member);
            payload.put("app_permissions", Long.toString(FakeWorld.EVERYONE_PERMISSIONS));
            payload.put("guild_locale", "en-US");
            payload.putObject("authorizing_integration_owners").put("0", Long.toString(guildId));
            payload.put("context", 0);
            return payload;
        }
    }
}
