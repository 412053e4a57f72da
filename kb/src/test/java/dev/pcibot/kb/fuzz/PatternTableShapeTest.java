package dev.pcibot.kb.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A rule of shape for content/diagnose/patterns.tsv: no quantified group holds an unbounded
 * quantifier ({@code (a+)*}, {@code (\s*x)+}, {@code (?:.*y){2,}}). RE2/J matches in time linear in
 * the line whatever the regex, but such a group still multiplies the automaton's work per
 * character, and is the shape that blows up at once on a backtracking engine (java.util.regex,
 * grep -P) should a row ever be reused there. bench/fuzz/regex-growth.sh measures the times; this
 * only keeps the shape.
 */
final class PatternTableShapeTest {
    private static final Pattern UNBOUNDED = Pattern.compile("[*+]|\\{\\d+,\\}");
    private static final Pattern QUANTIFIER_AFTER = Pattern.compile("^(?:[*+]|\\{\\d+,\\d*\\})");

    @Test
    void noQuantifiedGroupHoldsAnUnboundedQuantifier() throws IOException {
        List<String> nested = new ArrayList<>();
        List<String> rows = rows();
        for (String regex : rows) {
            if (hasNestedUnbounded(regex)) {
                nested.add(regex);
            }
        }
        assertFalse(rows.size() < 100, "read only " + rows.size() + " rows");
        assertEquals(List.of(), nested);
    }

    @Test
    void theRuleSeesNestedQuantifiers() {
        assertTrue(hasNestedUnbounded("vfio(?:-pci\\s+)+x"));
        assertTrue(hasNestedUnbounded("(a|b*){2,}"));
        assertFalse(hasNestedUnbounded("(?:hang|stuck).{0,60}Booting from ROM"));
        assertFalse(hasNestedUnbounded("\\[mem [^\\]]+\\]( 64bit)?"));
        assertFalse(hasNestedUnbounded("[(+*]+(x)"));
    }

    /** True when some group followed by a repeating quantifier contains an unbounded one. */
    static boolean hasNestedUnbounded(String regex) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                open.push(i);
            } else if (c == ')' && !open.isEmpty()) {
                int start = open.pop();
                String body = plain(regex.substring(start + 1, i));
                String after = regex.substring(i + 1);
                if (QUANTIFIER_AFTER.matcher(after).find() && !after.startsWith("{0,1}")
                        && UNBOUNDED.matcher(body).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The index of the {@code ]} closing the class opened at {@code start}. */
    private static int classEnd(String regex, int start) {
        int j = start + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ']') {
            j++;
        }
        while (j < regex.length() && regex.charAt(j) != ']') {
            j += regex.charAt(j) == '\\' ? 2 : 1;
        }
        return j;
    }

    /** A group body with escapes and classes blanked, so only real quantifiers remain. */
    private static String plain(String body) {
        return body.replaceAll("\\\\.", "e").replaceAll("\\[\\^?\\]?(?:\\\\.|[^\\]])*\\]", "c");
    }

    private static List<String> rows() throws IOException {
        try (InputStream in = PatternTableShapeTest.class.getResourceAsStream("/content/diagnose/patterns.tsv")) {
            if (in == null) {
                throw new IllegalStateException("content/diagnose/patterns.tsv is not on the test class path");
            }
            List<String> regexes = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split("\t");
                if (!line.startsWith("#") && cols.length >= 3) {
                    regexes.add(cols[2].strip());
                }
            }
            return regexes;
        }
    }
}
