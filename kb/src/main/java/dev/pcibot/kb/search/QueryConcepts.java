package dev.pcibot.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits a question into {@link Concept}s. The prose query analyzer yields a token graph (a synonym
 * such as "graphics card" = "gpu" spans two positions); each stretch of the graph between points
 * every path passes through is one concept, and its paths are the concept's alternatives. Then
 * every technical token of the exact analyzer ({@code vfio-pci}, {@code intel_iommu=on}) joins the
 * prose stretches it overlaps, so that it counts once, however many prose words it makes.
 *
 * <p>Built from Lucene analysis only: nothing here parses query syntax, so {@code +-&|!(){}[]^"~*?:\/}
 * in a question are just characters.
 */
final class QueryConcepts {
    /** A question of 500 characters has at most about 80 words; this keeps the query small anyway. */
    static final int MAX_CONCEPTS = 32;
    private static final int MAX_PATHS = 16;
    /** Alternatives of all concepts together; see {@link #withinBudget}. */
    static final int MAX_ALTERNATIVES = 240;

    private QueryConcepts() {}

    private record Tok(String term, int pos, int len, int start, int end, boolean synonym) {}

    private record Segment(int from, int to, List<Tok> toks) {
        int start() {
            return toks.stream().mapToInt(Tok::start).min().orElse(0);
        }

        int end() {
            return toks.stream().mapToInt(Tok::end).max().orElse(0);
        }
    }

    private record ExactTok(String term, int start, int end) {}

    static List<Concept> of(String question) {
        List<Segment> segments = segments(proseTokens(question));
        List<ExactTok> exact = technicalTokens(question);
        List<Concept> concepts = new ArrayList<>();
        Set<Segment> used = new java.util.HashSet<>();
        // walk segments and exact tokens in the order of the question
        int e = 0;
        for (int s = 0; s <= segments.size(); s++) {
            Segment seg = s < segments.size() ? segments.get(s) : null;
            while (e < exact.size() && (seg == null || exact.get(e).start() <= seg.start())) {
                ExactTok x = exact.get(e++);
                List<Segment> overlapped = segments.stream()
                        .filter(g -> !used.contains(g) && g.start() < x.end() && g.end() > x.start())
                        .toList();
                used.addAll(overlapped);
                concepts.add(joined(question, x, overlapped));
            }
            if (seg != null && !used.contains(seg)) {
                used.add(seg);
                concepts.add(fromSegment(question, seg, Set.of()));
            }
        }
        // a word said twice ("backups to proxmox backup server") is still one thing asked about
        List<Concept> distinct = new ArrayList<>();
        Set<List<List<String>>> seen = new java.util.HashSet<>();
        for (Concept c : concepts) {
            if (c.alternatives().isEmpty() || seen.add(c.alternatives())) {
                distinct.add(c);
            }
        }
        List<Concept> kept = distinct.size() > MAX_CONCEPTS ? distinct.subList(0, MAX_CONCEPTS) : distinct;
        return withinBudget(kept);
    }

    /**
     * Keeps the Lucene query under its clause limit (1024) whatever the synonym file grows to: each
     * alternative costs three clauses (body, title, parent headings); past {@link #MAX_ALTERNATIVES}
     * alternatives in all, later concepts keep only the question's own words.
     */
    static List<Concept> withinBudget(List<Concept> concepts) {
        int budget = MAX_ALTERNATIVES;
        List<Concept> out = new ArrayList<>();
        for (Concept c : concepts) {
            int keep = Math.max(Math.min(1, c.alternatives().size()), Math.min(c.alternatives().size(), budget));
            budget -= keep;
            out.add(keep == c.alternatives().size() ? c : new Concept(c.surface(), c.alternatives().subList(0, keep),
                    c.synonym().subList(0, keep), c.exactTerms(), c.corrected()));
        }
        return out;
    }

    private static Concept joined(String question, ExactTok x, List<Segment> overlapped) {
        if (overlapped.size() == 1) {
            return fromSegment(question, overlapped.get(0), Set.of(x.term()));
        }
        List<List<String>> alternatives = new ArrayList<>();
        List<Boolean> synonym = new ArrayList<>();
        if (!overlapped.isEmpty()) {
            List<String> path = new ArrayList<>();
            for (Segment g : overlapped) {
                path.addAll(paths(g).get(0).terms());
            }
            alternatives.add(path);
            synonym.add(false);
        }
        return new Concept(question.substring(x.start(), x.end()), alternatives, synonym, Set.of(x.term()), false);
    }

    private static Concept fromSegment(String question, Segment seg, Set<String> exactTerms) {
        List<List<String>> alternatives = new ArrayList<>();
        List<Boolean> synonym = new ArrayList<>();
        for (Path p : paths(seg)) {
            alternatives.add(p.terms());
            synonym.add(p.synonym());
        }
        String surface = question.substring(Math.min(seg.start(), question.length()), Math.min(seg.end(), question.length()));
        return new Concept(surface, alternatives, synonym, exactTerms, false);
    }

    private record Path(List<String> terms, boolean synonym) {}

    /** Every path through the segment's graph, the question's own words first. */
    private static List<Path> paths(Segment seg) {
        Map<Integer, List<Tok>> byPos = new HashMap<>();
        for (Tok t : seg.toks()) {
            byPos.computeIfAbsent(t.pos(), k -> new ArrayList<>()).add(t);
        }
        Set<Path> out = new LinkedHashSet<>();
        walk(byPos, seg.from(), seg.to(), new ArrayList<>(), false, out);
        List<Path> sorted = new ArrayList<>(out);
        sorted.sort((a, b) -> Boolean.compare(a.synonym(), b.synonym())); // stable: originals first
        if (sorted.isEmpty()) {
            // a graph with a hole (should not happen): fall back to the tokens one by one
            seg.toks().forEach(t -> sorted.add(new Path(List.of(t.term()), t.synonym())));
        }
        return sorted;
    }

    private static void walk(Map<Integer, List<Tok>> byPos, int pos, int to, List<String> prefix, boolean syn, Set<Path> out) {
        if (out.size() >= MAX_PATHS) {
            return;
        }
        if (pos == to) {
            out.add(new Path(List.copyOf(prefix), syn));
            return;
        }
        for (Tok t : byPos.getOrDefault(pos, List.of())) {
            int next = t.pos() + t.len();
            if (next > to) {
                continue;
            }
            prefix.add(t.term());
            walk(byPos, next, to, prefix, syn || t.synonym(), out);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static List<Tok> proseTokens(String question) {
        List<Tok> toks = new ArrayList<>();
        try (TokenStream ts = KbAnalyzers.proseQuery().tokenStream(KbFields.BODY, question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                toks.add(new Tok(term.toString(), pos, Math.max(1, len.getPositionLength()),
                        offset.startOffset(), offset.endOffset(), SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader never fails
        }
        return toks;
    }

    /** Groups tokens into stretches of the graph that no token crosses. */
    private static List<Segment> segments(List<Tok> toks) {
        List<Tok> sorted = new ArrayList<>(toks);
        sorted.sort((a, b) -> Integer.compare(a.pos(), b.pos()));
        List<Segment> segments = new ArrayList<>();
        List<Tok> current = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (Tok t : sorted) {
            if (!current.isEmpty() && t.pos() >= to) {
                segments.add(new Segment(from, to, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                from = t.pos();
                to = t.pos() + t.len();
            }
            current.add(t);
            to = Math.max(to, t.pos() + t.len());
        }
        if (!current.isEmpty()) {
            segments.add(new Segment(from, to, current));
        }
        return segments;
    }

    /** Exact-analyzer tokens that prose analysis would cut apart or lose. */
    private static List<ExactTok> technicalTokens(String question) {
        List<ExactTok> out = new ArrayList<>();
        try (TokenStream ts = KbAnalyzers.exact().tokenStream(KbFields.EXACT, question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (technical(t)) {
                    out.add(new ExactTok(t, offset.startOffset(), offset.endOffset()));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code vfio-pci}, {@code iommu=pt}, {@code 10de:1b80}, {@code /etc/modules}: yes; {@code gpu}, {@code 43}: no. */
    static boolean technical(String token) {
        boolean letterOrDigit = token.chars().anyMatch(Character::isLetterOrDigit);
        boolean mark = token.chars().anyMatch(c -> "_=:./-,".indexOf(c) >= 0);
        boolean mixed = token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter);
        return letterOrDigit && token.length() >= 3 && (mark || mixed);
    }
}
