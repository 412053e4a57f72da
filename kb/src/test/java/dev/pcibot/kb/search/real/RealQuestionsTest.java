package dev.pcibot.kb.search.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.ingest.Section;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real-question table is well formed and its labels point at sections that exist. */
class RealQuestionsTest {
    static final List<RealQuestion> ALL = RealQuestions.load();

    @Test
    void idsAreUniqueAndNumbered() {
        Set<String> seen = new HashSet<>();
        for (RealQuestion q : ALL) {
            assertTrue(q.id().matches("rq-\\d{3}"), q.id());
            assertTrue(seen.add(q.id()), "duplicate id " + q.id());
        }
    }

    @Test
    void everySplitIsDevOrTest() {
        for (RealQuestion q : ALL) {
            assertTrue(q.split().equals("dev") || q.split().equals("test"), q.id() + ": " + q.split());
        }
    }

    @Test
    void sourcesAreHttpsUrls() {
        for (RealQuestion q : ALL) {
            URI uri = URI.create(q.source());
            assertEquals("https", uri.getScheme(), q.id());
            assertTrue(uri.getHost() != null && uri.getHost().contains("."), q.id() + ": " + q.source());
        }
    }

    @Test
    void everyAnswerIsABundledSection() {
        Set<String> ids = GuideLibrary.bundled().sections().stream().map(Section::id).collect(Collectors.toSet());
        for (RealQuestion q : ALL) {
            for (String a : q.answers()) {
                assertTrue(ids.contains(a), q.id() + " names a section that does not exist: " + a);
            }
        }
    }

    @Test
    void noQuestionAppearsTwice() {
        Set<String> seen = new HashSet<>();
        for (RealQuestion q : ALL) {
            String key = q.question().toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
            assertTrue(seen.add(key), q.id() + " repeats an earlier question");
        }
    }

    @Test
    void questionsAreKeptShort() {
        for (RealQuestion q : ALL) {
            assertTrue(q.question().length() <= 700, q.id() + " is " + q.question().length() + " characters");
        }
    }

    @Test
    void bothSplitsAreBigEnough() {
        for (String split : List.of("dev", "test")) {
            List<RealQuestion> qs = RealQuestions.split(split);
            long answerable = qs.stream().filter(RealQuestion::answerable).count();
            long unanswerable = qs.size() - answerable;
            assertTrue(answerable >= 70, split + ": " + answerable + " answerable");
            assertTrue(unanswerable >= 10, split + ": " + unanswerable + " unanswerable");
        }
    }

    @Test
    void aBrokenRowIsRejected() {
        String header = RealQuestions.HEADER + "\n";
        assertThrows(IllegalArgumentException.class,
                () -> RealQuestions.parse(header + "rq-001\tdev\thttps://x.org\tonly four columns\n"));
        assertThrows(IllegalArgumentException.class,
                () -> RealQuestions.parse(header + "rq-001\tdev\thttps://x.org\tq\ta,,b\n"));
        assertThrows(IllegalArgumentException.class, () -> RealQuestions.parse("rq-001\tdev\thttps://x.org\tq\t-\n"));
        List<RealQuestion> one = RealQuestions.parse("# c\n" + header + "rq-001\ttest\thttps://x.org\tq?\t-\n");
        assertEquals(1, one.size());
        assertFalse(one.get(0).answerable());
    }
}
