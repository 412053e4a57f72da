package dev.pcibot.kb.converse;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user who answers whatever the conversation asks from a folder of pastes
 * (test resources converse/&lt;case&gt;/&lt;probe-id&gt;.txt), picks the given choices, says "I can't
 * run this" for the probes listed, and fails the test when asked for anything else.
 */
final class ScriptedUser {
    /** What the walk asked, in order: a probe id, or {@code pick:<choice>}. */
    final List<String> asked = new ArrayList<>();
    private final String folder;
    private final Map<Choice, String> picks;
    private final Set<String> cannotRun;

    ScriptedUser(String folder, Map<Choice, String> picks, Set<String> cannotRun) {
        this.folder = folder;
        this.picks = picks;
        this.cannotRun = cannotRun;
    }

    /** Answers until the walk is done or blocked (at most 20 steps); returns the last step. */
    Step walk(Troubleshooter troubleshooter, Conversation conversation) {
        for (int i = 0; i < 20; i++) {
            Step step = troubleshooter.step(conversation);
            if (step.status() != Step.Status.ASKING) {
                return step;
            }
            conversation = troubleshooter.answer(conversation, step.number(), reply(step.ask()));
            last = conversation;
        }
        return fail("the walk did not end within 20 steps: " + asked);
    }

    Conversation last;

    private Answer reply(Ask ask) {
        return switch (ask) {
            case Ask.Pick p -> {
                asked.add("pick:" + p.choice().id());
                String value = picks.get(p.choice());
                yield value != null ? new Answer.Chose(p.choice(), value) : fail("unexpected question " + p.choice());
            }
            case Ask.RunProbe r -> {
                asked.add(r.probe());
                if (cannotRun.contains(r.probe())) {
                    yield new Answer.CannotRun(r.probe());
                }
                yield new Answer.Pasted(r.probe(), paste(folder, r.probe()), r.afterFix());
            }
        };
    }

    static String paste(String folder, String name) {
        String resource = "/converse/" + folder + "/" + name + ".txt";
        try (var in = ScriptedUser.class.getResourceAsStream(resource)) {
            if (in == null) {
                return fail("asked for " + name + ", but the script has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
