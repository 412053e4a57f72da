package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the message pattern table takes time linear in the line it reads, on the inputs
 * that make a backtracking engine blow up: runs of one character after the row's literal (spaces,
 * digits, brackets), and near-matches that repeat the row's own words without completing it
 * ({@code amdgpu SMU SMU SMU ...}, which took 29 s at 8 KiB on java.util.regex). Times the regex
 * alone, without the line-length cap the scan adds, so the engine itself is shown linear.
 */
final class MessagePatternScalingTest {
    /** Single characters whose runs break backtracking regexes (\\s+, \\S+, [^\\]]*, \\d+, .*). */
    static final List<String> UNITS = List.of(" ", "0", "a", ":", "[", "]", "'", ". ", "-", "\t", "(", "=", "#");

    static Stream<MessagePattern> rows() {
        return MessagePatterns.load().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowMatchesInLinearTime(MessagePattern row) {
        List<String> slow = new ArrayList<>();
        for (var input : hostileInputs(row.literal(), row.regex().pattern()).entrySet()) {
            GrowthCheck.Result r = GrowthCheck.measure(input.getKey(), input.getValue(), row::match);
            if (!r.linear()) {
                slow.add(r.toString());
            }
        }
        assertTrue(slow.isEmpty(), row.target() + " /" + row.regex().pattern() + "/ is super-linear on: " + slow);
    }

    /** Named inputs of a requested size for one row: runs of one character, repeated words. */
    static java.util.Map<String, IntFunction<String>> hostileInputs(String literal, String regex) {
        java.util.Map<String, IntFunction<String>> inputs = new java.util.LinkedHashMap<>();
        for (String unit : UNITS) {
            inputs.put("literal+'" + unit + "'*n", n -> GrowthCheck.around(literal, unit, "", n));
            inputs.put("'" + unit + "'*n+literal", n -> GrowthCheck.around("", unit, literal, n));
        }
        inputs.put("(literal )*n", n -> GrowthCheck.repeat(literal + " ", n));
        for (String word : words(literal, regex)) {
            inputs.put("literal+('" + word + " ')*n", n -> GrowthCheck.around(literal + " ", word + " ", "", n));
            inputs.put("(literal " + word + " )*n", n -> GrowthCheck.repeat(literal + " " + word + " ", n));
        }
        String all = String.join(" ", words(literal, regex));
        inputs.put("(all words)*n", n -> GrowthCheck.around(literal + " ", all + " ", "", n));
        return inputs;
    }

    /** The words a regex spells out (what a near-match repeats). */
    static Set<String> words(String literal, String regex) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : regex.replaceAll("\\\\[a-zA-Z]", " ").split("[^A-Za-z0-9_/-]+")) {
            if (w.length() >= 2) {
                words.add(w);
            }
        }
        words.remove(literal);
        return words;
    }
}
