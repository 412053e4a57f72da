package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    static Stream<MessagePattern> rows() {
        return MessagePatterns.load().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowMatchesInLinearTime(MessagePattern row) {
        List<String> slow = new ArrayList<>();
        for (var input : HostileLines.forRow(row.literal(), row.regex().pattern()).entrySet()) {
            GrowthCheck.Result r = GrowthCheck.measure(input.getKey(), input.getValue(), row::match);
            if (!r.linear()) {
                slow.add(r.toString());
            }
        }
        assertTrue(slow.isEmpty(), row.target() + " /" + row.regex().pattern() + "/ is super-linear on: " + slow);
    }
}
