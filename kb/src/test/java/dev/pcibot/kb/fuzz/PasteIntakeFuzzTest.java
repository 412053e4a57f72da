package dev.pcibot.kb.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.InputRejectedException;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.RecognizedPart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * The paste intake on raw bytes, as an attachment or a probe's output arrives: line reading with
 * the literal prefilter, invalid UTF-8, CR/LF mixes, fences, prompts, binary sniffing, the part
 * splitter and line signatures; and the message table alone on the same text as a question
 * ({@link Diagnoser#explainMessages}). Contract: an answer or an {@link InputRejectedException}
 * with a readable message; every part lies within the paste's lines and is of a known kind.
 */
final class PasteIntakeFuzzTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();
    private static final Set<String> KINDS =
            Stream.concat(Stream.of(Probe.values()).map(Probe::id), Stream.of("unknown")).collect(Collectors.toSet());

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rawBytes(byte[] data) {
        long lines = 1;
        for (byte b : data) {
            lines += b == '\n' ? 1 : 0;
        }
        try {
            Diagnosis d = DIAGNOSER.diagnose(new ByteArrayInputStream(data));
            assertFalse(d.parts().isEmpty(), "a paste that was read has at least one part");
            for (RecognizedPart p : d.parts()) {
                assertTrue(KINDS.contains(p.kind()), p.kind());
                assertTrue(1 <= p.firstLine() && p.firstLine() <= p.lastLine() && p.lastLine() <= lines,
                        "part " + p + " outside lines 1.." + lines);
                assertTrue(p.notUnderstood().size() <= p.notUnderstoodCount(), p.toString());
            }
            FuzzContract.bounded("diagnosis", data.length, d.toString().length());
        } catch (InputRejectedException refused) {
            FuzzContract.readableRefusal(refused);
        }
        String text = new String(data, StandardCharsets.UTF_8);
        for (Finding f : DIAGNOSER.explainMessages(text)) {
            assertFalse(f.evidence().isEmpty(), f.id() + " from the message table without a line");
        }
    }
}
