package dev.pcibot.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The passage of a section shown under a hit: the lines that match most of the question, matched
 * words wrapped in {@code **...**} (technical tokens such as {@code intel_iommu=on} as a whole),
 * lines with known wrong advice struck through ({@code ~~...~~}) and never highlighted. Lines are
 * kept as lines, so commands stay commands.
 */
final class Snippets {
    static final int TARGET_LENGTH = 240;
    static final int MAX_LENGTH = 360;
    private static final int MAX_LINES = 4;

    private Snippets() {}

    private record Span(int start, int end) {}

    private record Line(String text, List<Span> spans, int score, boolean wrong) {}

    /** One token of a line: its term and where it is; {@code exact} for the exact analysis. */
    record Token(String term, int start, int end, boolean exact) {}

    /** A line of a section, cleaned and analysed once per index generation. */
    record AnalyzedLine(String text, List<Token> tokens) {}

    /**
     * What to look for in a section: the question's own (stemmed) words, the synonyms they brought
     * in, and its technical tokens. A line with the question's own words beats one that only has
     * synonyms; a technical token counts most.
     */
    record Terms(Set<String> words, Set<String> synonyms, Set<String> exact) {
        static final Terms NONE = new Terms(Set.of(), Set.of(), Set.of());

        static Terms of(List<Concept> concepts) {
            Set<String> words = new HashSet<>();
            Set<String> synonyms = new HashSet<>();
            Set<String> exact = new HashSet<>();
            for (Concept c : concepts) {
                for (int i = 0; i < c.alternatives().size(); i++) {
                    (c.synonym().get(i) ? synonyms : words).addAll(c.alternatives().get(i));
                }
                exact.addAll(c.exactTerms());
            }
            synonyms.removeAll(words);
            return new Terms(words, synonyms, exact);
        }
    }

    /** Splits a section's text into non-blank lines (markdown emphasis removed) and analyses them. */
    static List<AnalyzedLine> analyze(String text) {
        List<AnalyzedLine> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String clean = raw.replace("**", "").replace("~~", "").strip();
            if (!clean.isEmpty()) {
                List<Token> tokens = new ArrayList<>();
                collect(KbAnalyzers.exactIndexing(), clean, true, tokens);
                collect(KbAnalyzers.prose(), clean, false, tokens);
                out.add(new AnalyzedLine(clean, List.copyOf(tokens)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param lines the section's lines from {@link #analyze}
     * @param wrong patterns of known wrong advice in this section
     */
    static String of(List<AnalyzedLine> lines, Terms terms, List<Pattern> wrong) {
        List<Line> scored = new ArrayList<>();
        for (AnalyzedLine al : lines) {
            String clean = al.text();
            if (wrong.stream().anyMatch(p -> p.matcher(clean).find())) {
                scored.add(new Line(clean, List.of(), 0, true));
                continue;
            }
            List<Span> spans = new ArrayList<>();
            Set<String> exact = new HashSet<>();
            Set<String> words = new HashSet<>();
            Set<String> synonyms = new HashSet<>();
            for (Token t : al.tokens()) {
                Set<String> seen = t.exact() ? (terms.exact().contains(t.term()) ? exact : null)
                        : terms.words().contains(t.term()) ? words
                        : terms.synonyms().contains(t.term()) ? synonyms : null;
                if (seen != null) {
                    seen.add(t.term());
                    spans.add(span(clean, t));
                }
            }
            scored.add(new Line(clean, merge(spans), exact.size() * 3 + words.size() * 2 + synonyms.size(), false));
        }
        if (scored.isEmpty()) {
            return "";
        }
        int best = 0;
        for (int i = 1; i < scored.size(); i++) {
            if (scored.get(i).score() > scored.get(best).score()) {
                best = i;
            }
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        int i = best;
        for (; i < scored.size() && used < MAX_LINES && out.length() < TARGET_LENGTH; i++, used++) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(render(scored.get(i), MAX_LENGTH - out.length()));
        }
        // A passage that stops on "add these lines:" or "one of the following:" shows nothing useful:
        // the list or command it introduces comes along (its items, up to a bound).
        if (i > best && introducesWhatFollows(scored.get(i - 1).text())) {
            for (int extra = 0; i < scored.size() && extra < LIST_LINES && out.length() < MAX_LENGTH + LIST_CHARS;
                    i++, extra++) {
                Line next = scored.get(i);
                if (extra > 0 && !LIST_ITEM.matcher(next.text()).find()) {
                    break; // the list ended
                }
                out.append('\n').append(render(next, MAX_LENGTH + LIST_CHARS - out.length()));
            }
        }
        return out.toString();
    }

    /** At most this many lines, and characters, of the list a passage's last line introduces. */
    static final int LIST_LINES = 6;
    static final int LIST_CHARS = 360;
    // "- item", "* item", "1. item", "1) item", or a command / file line that a colon announced
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*•+]\\s|\\d{1,2}[.)]\\s|[a-z_/$#][\\w./-]*(?:\\s|$))");

    private static boolean introducesWhatFollows(String line) {
        return line.endsWith(":");
    }

    /**
     * The characters of a matched token. Exact spans are narrowed to the term itself: the analyzer
     * trims punctuation ({@code DMAR-IR:}) without moving the offsets.
     */
    private static Span span(String line, Token t) {
        if (t.exact()) {
            int at = line.substring(t.start(), t.end()).toLowerCase(Locale.ROOT).indexOf(t.term());
            if (at >= 0) {
                return new Span(t.start() + at, t.start() + at + t.term().length());
            }
        }
        return new Span(t.start(), t.end());
    }

    private static void collect(Analyzer analyzer, String line, boolean exact, List<Token> out) {
        try (TokenStream ts = analyzer.tokenStream(KbFields.BODY, line)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), exact));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && s.start() < out.get(out.size() - 1).end()) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The line with highlights, cut around its first match when longer than {@code room}. */
    private static String render(Line line, int room) {
        String text = line.text();
        int from = 0;
        int to = text.length();
        int budget = Math.max(80, room);
        if (to > budget) {
            int anchor = line.spans().isEmpty() ? 0 : line.spans().get(0).start();
            from = Math.max(0, anchor - budget / 3);
            int space = text.lastIndexOf(' ', from);
            from = from == 0 || space < 0 ? from : space + 1;
            to = Math.min(text.length(), from + budget);
            int cut = text.lastIndexOf(' ', to);
            to = to == text.length() || cut <= from ? to : cut;
        }
        if (line.wrong()) {
            return (from > 0 ? "…" : "") + "~~" + text.substring(from, to).strip() + "~~" + (to < text.length() ? "…" : "");
        }
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append('…');
        }
        int pos = from;
        for (Span s : line.spans()) {
            if (s.start() < from || s.end() > to) {
                continue;
            }
            out.append(text, pos, s.start()).append("**").append(text, s.start(), s.end()).append("**");
            pos = s.end();
        }
        out.append(text, pos, to);
        if (to < text.length()) {
            out.append('…');
        }
        return out.toString();
    }
}
