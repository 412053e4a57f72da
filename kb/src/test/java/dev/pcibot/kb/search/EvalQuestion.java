package dev.pcibot.kb.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question of an evaluation set with the sections that answer it (any one counts); none for a
 * question the guides cannot answer.
 *
 * @param split "written" (the team's own table), "dev" or "test" (the real-question set)
 */
record EvalQuestion(String id, String split, String text, Set<String> answers) {
    boolean answerable() {
        return !answers.isEmpty();
    }

    /** The written regression table: {@code search/questions.tsv} and {@code search/unanswerable.txt}. */
    static List<EvalQuestion> written() {
        List<EvalQuestion> out = new ArrayList<>();
        for (String line : lines("search/questions.tsv")) {
            String[] cols = line.split("\t");
            if (!cols[0].equals("question")) {
                out.add(new EvalQuestion("w" + out.size(), "written", cols[0], new LinkedHashSet<>(List.of(cols[1].split(",")))));
            }
        }
        for (String line : lines("search/unanswerable.txt")) {
            out.add(new EvalQuestion("w" + out.size(), "written", line, Set.of()));
        }
        return out;
    }

    /**
     * The real questions of one split ({@code search/real/questions.tsv}, columns id, split, source,
     * question, answers; answers {@code -} = unanswerable); empty when the set is not there.
     */
    static List<EvalQuestion> real(String split) {
        List<EvalQuestion> out = new ArrayList<>();
        if (EvalQuestion.class.getClassLoader().getResource("search/real/questions.tsv") == null) {
            return out;
        }
        for (String line : lines("search/real/questions.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length < 5 || cols[0].equals("id") || !cols[1].equals(split)) {
                continue;
            }
            Set<String> answers = new LinkedHashSet<>();
            if (!cols[4].strip().equals("-")) {
                for (String id : cols[4].split(",")) {
                    if (!id.isBlank()) {
                        answers.add(id.strip());
                    }
                }
            }
            out.add(new EvalQuestion(cols[0], cols[1], cols[3], answers));
        }
        return out;
    }

    static List<String> lines(String resource) {
        try (InputStream in = EvalQuestion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
