package dev.pcibot.bot.discord;

import dev.pcibot.bot.discord.render.MessageLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a button or modal carries back to us in its {@code custom_id}: {@code command:action:arg…},
 * at most 100 characters (Discord's limit). The command part routes the click to its handler;
 * state that must outlive a restart sits in a store and the id carries its key.
 *
 * @param command the handler's key ({@link ComponentHandler#componentKey()})
 * @param action what to do ({@code up}, {@code more}, ...)
 * @param args the rest, e.g. a reply id and a page
 */
public record ComponentId(String command, String action, List<String> args) {
    static final String SEPARATOR = ":";

    public ComponentId {
        args = List.copyOf(args);
        check(command);
        check(action);
        args.forEach(ComponentId::check);
        int length = command.length() + 1 + action.length() + args.stream().mapToInt(a -> a.length() + 1).sum();
        if (length > MessageLimits.CUSTOM_ID) {
            throw new IllegalArgumentException(
                    "custom_id of " + length + " characters; Discord allows " + MessageLimits.CUSTOM_ID);
        }
    }

    public static ComponentId of(String command, String action, Object... args) {
        return new ComponentId(command, action, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The id as Discord stores it. */
    public String encode() {
        StringBuilder out = new StringBuilder(command).append(SEPARATOR).append(action);
        args.forEach(a -> out.append(SEPARATOR).append(a));
        return out.toString();
    }

    /** Reads a custom_id we wrote; empty for anything else (an old or foreign id). */
    public static Optional<ComponentId> parse(String customId) {
        String[] parts = customId.split(SEPARATOR, -1);
        if (parts.length < 2 || customId.length() > MessageLimits.CUSTOM_ID) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ComponentId(parts[0], parts[1], Arrays.asList(parts).subList(2, parts.length)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The argument as a number; {@link IllegalArgumentException} when missing or not a number. */
    public long longArg(int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException("custom_id " + encode() + " has no argument " + index);
        }
        try {
            return Long.parseLong(args.get(index));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("custom_id " + encode() + ": argument " + index + " is not a number", e);
        }
    }

    private static void check(String part) {
        if (part.isEmpty() || part.contains(SEPARATOR)) {
            throw new IllegalArgumentException("custom_id part must be non-empty and free of ':': '" + part + "'");
        }
    }
}
