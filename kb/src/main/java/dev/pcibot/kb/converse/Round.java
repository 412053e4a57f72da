package dev.pcibot.kb.converse;

import dev.pcibot.kb.diagnose.Probe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The answers that describe the host as it is now: everything since the last paste made after a
 * fix (that paste included). Output pasted before a fix describes a host that has since changed, so
 * it no longer counts as evidence; choices and "I can't run this" still hold.
 */
record Round(List<Answer.Pasted> pastes, Set<Probe> gaps, Set<Choice> chosen) {

    static Round of(Conversation conversation) {
        List<Answer> answers = conversation.answers();
        int from = 0;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) instanceof Answer.Pasted p && p.afterFix()) {
                from = i;
            }
        }
        List<Answer.Pasted> pastes = new ArrayList<>();
        Set<Probe> gaps = new LinkedHashSet<>();
        Set<Choice> chosen = new LinkedHashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            switch (answers.get(i)) {
                case Answer.Pasted p -> {
                    if (i >= from) {
                        pastes.add(p);
                    }
                }
                case Answer.CannotRun c -> Probe.byId(c.probe()).ifPresent(gaps::add);
                case Answer.Chose c -> chosen.add(c.choice());
            }
        }
        return new Round(List.copyOf(pastes), Set.copyOf(gaps), Set.copyOf(chosen));
    }

    /**
     * Every paste of the round as one text, each under a prompt line naming the command it answers,
     * so the diagnosis reads each as the output it is (the same way it reads a pasted terminal).
     */
    String text() {
        StringBuilder text = new StringBuilder();
        for (Answer.Pasted p : pastes) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            Probe probe = p.probe().isEmpty() ? null : Probe.byId(p.probe()).orElse(null);
            if (probe != null && !p.text().strip().startsWith("#") && !p.text().contains("@")) {
                text.append("# ").append(probe.command()).append('\n');
            }
            text.append(p.text().strip());
        }
        return text.toString();
    }

    boolean asked(Probe probe) {
        return pastes.stream().anyMatch(p -> p.probe().equals(probe.id()));
    }

    boolean chose(Choice choice) {
        return chosen.contains(choice);
    }

    Answer.@Nullable Pasted lastPaste() {
        return pastes.isEmpty() ? null : pastes.get(pastes.size() - 1);
    }
}
