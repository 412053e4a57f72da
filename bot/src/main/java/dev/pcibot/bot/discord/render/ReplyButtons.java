package dev.pcibot.bot.discord.render;

import dev.pcibot.bot.discord.ComponentId;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * The buttons under every answer and diagnosis: helpful / not helpful (feedback on what the page
 * shows), show more (answers with further hits), walk me through it (a troubleshooting conversation
 * from the same paste or question, owned by whoever clicks), delete (only the asker may). The ids
 * are the contract between this class and the handlers: {@code fb:up|down:replyId:page},
 * {@code ask:more:replyId:page}, {@code ts:walk:replyId}, {@code del:me:askerId}.
 */
public final class ReplyButtons {
    public static final String FEEDBACK = "fb";
    public static final String HELPFUL = "up";
    public static final String NOT_HELPFUL = "down";
    public static final String MORE_KEY = "ask";
    public static final String MORE = "more";
    public static final String DELETE_KEY = "del";
    public static final String DELETE = "me";
    /** The troubleshooting command's key: it handles the walk button. */
    public static final String WALK_KEY = "ts";
    public static final String WALK = "walk";
    public static final String WALK_LABEL = "Walk me through it";

    private ReplyButtons() {}

    /** Buttons for a page of an answer; "show more" only when there is a next page. */
    public static List<ActionRow> forAnswer(long replyId, int page, boolean hasNextPage, long askerId) {
        List<Button> buttons = new ArrayList<>(feedback(replyId, page));
        if (hasNextPage) {
            buttons.add(Button.primary(ComponentId.of(MORE_KEY, MORE, replyId, page + 1).encode(), "Show more"));
        }
        buttons.add(walk(replyId));
        buttons.add(delete(askerId));
        return List.of(ActionRow.of(buttons));
    }

    public static List<ActionRow> forDiagnosis(long replyId, long askerId) {
        return forDiagnosis(replyId, askerId, 0);
    }

    /**
     * @param authorId the author of the message that was diagnosed ("Diagnose this message"), who may
     *     delete the diagnosis of their own words too; 0 when the asker pasted it themselves
     */
    public static List<ActionRow> forDiagnosis(long replyId, long askerId, long authorId) {
        return forDiagnosis(replyId, askerId, authorId, true);
    }

    /** @param walk whether to offer "Walk me through it" (not when the diagnosed text could not be kept) */
    public static List<ActionRow> forDiagnosis(long replyId, long askerId, long authorId, boolean walk) {
        List<Button> buttons = new ArrayList<>(feedback(replyId, 0));
        if (walk) {
            buttons.add(walk(replyId));
        }
        buttons.add(delete(askerId, authorId));
        return List.of(ActionRow.of(buttons));
    }

    public static List<ActionRow> deleteOnly(long askerId, long authorId) {
        return List.of(ActionRow.of(delete(askerId, authorId)));
    }

    /** Only "delete": for replies without anything to rate (errors, refusals stay ephemeral). */
    public static List<ActionRow> deleteOnly(long askerId) {
        return List.of(ActionRow.of(delete(askerId)));
    }

    private static List<Button> feedback(long replyId, int page) {
        return List.of(
                Button.success(ComponentId.of(FEEDBACK, HELPFUL, replyId, page).encode(), "👍 Helpful"),
                Button.secondary(ComponentId.of(FEEDBACK, NOT_HELPFUL, replyId, page).encode(), "👎 Not helpful"));
    }

    private static Button walk(long replyId) {
        return Button.primary(ComponentId.of(WALK_KEY, WALK, replyId).encode(), WALK_LABEL);
    }

    private static Button delete(long askerId) {
        return Button.danger(ComponentId.of(DELETE_KEY, DELETE, askerId).encode(), "Delete");
    }

    private static Button delete(long askerId, long authorId) {
        if (authorId == 0 || authorId == askerId) {
            return delete(askerId);
        }
        return Button.danger(ComponentId.of(DELETE_KEY, DELETE, askerId, authorId).encode(), "Delete");
    }
}
