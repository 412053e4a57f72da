package dev.pcibot.kb.search.real;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the real-question table {@code /search/real/questions.tsv} from the classpath. The format
 * is strict on purpose (five tab-separated columns, the header first) so that a hand edit that
 * breaks a row fails here rather than silently dropping a question from the evaluation.
 */
public final class RealQuestions {
    static final String RESOURCE = "/search/real/questions.tsv";
    static final String HEADER = "id\tsplit\tsource\tquestion\tanswers";
    /** The answers column of a question no section answers. */
    static final String NONE = "-";

    private RealQuestions() {}

    /** Every question, in file order. */
    public static List<RealQuestion> load() {
        try (InputStream in = RealQuestions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The questions of one split, {@code dev} or {@code test}. */
    public static List<RealQuestion> split(String name) {
        return load().stream().filter(q -> q.split().equals(name)).toList();
    }

    static List<RealQuestion> parse(String tsv) {
        List<RealQuestion> out = new ArrayList<>();
        boolean header = false;
        int lineNo = 0;
        for (String line : tsv.split("\n", -1)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected header '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 5) {
                throw new IllegalArgumentException("line " + lineNo + ": " + cols.length + " columns, expected 5");
            }
            for (String c : cols) {
                if (c.isBlank() || !c.equals(c.strip())) {
                    throw new IllegalArgumentException("line " + lineNo + ": empty or padded column");
                }
            }
            List<String> answers = cols[4].equals(NONE)
                    ? List.of()
                    : Arrays.stream(cols[4].split(",", -1)).map(String::strip).toList();
            if (answers.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("line " + lineNo + ": empty answer id");
            }
            out.add(new RealQuestion(cols[0], cols[1], cols[2], cols[3], answers));
        }
        if (!header) {
            throw new IllegalArgumentException("no header line");
        }
        return List.copyOf(out);
    }
}
