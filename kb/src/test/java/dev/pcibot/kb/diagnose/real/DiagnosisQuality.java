package dev.pcibot.kb.diagnose.real;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * The bench behind bench/kb/diagnosis-quality.sh: scores the diagnosis on the real-paste set, per
 * split (dev, test, all), and prints recall, precision, false alarms on healthy pastes, trap hits,
 * the per-finding-id table and, with {@code --misses}, each paste it got wrong.
 *
 * <p>Usage: {@code DiagnosisQuality [DIR] [--misses] [--split dev|test|all]}; DIR defaults to
 * kb/src/test/resources/diagnose/real. {@code --show FILE} prints what the diagnosis made of one
 * paste (parts, host facts, findings with evidence and detail, next steps).
 */
public final class DiagnosisQuality {
    private DiagnosisQuality() {}

    private static void show(Path file) {
        Diagnosis d;
        try {
            d = Diagnoser.withoutCitations().diagnose(java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        d.parts().forEach(p -> System.out.println("part " + p));
        System.out.println("host " + d.host());
        d.devices().stream().limit(12).forEach(v -> System.out.println("device " + v));
        for (Finding f : d.findings()) {
            System.out.println(f.severity() + " " + f.id() + " -- " + f.detail());
            f.evidence().forEach(l -> System.out.println("    | " + l));
        }
        d.nextSteps().forEach(n -> System.out.println("next " + n));
    }

    public static void main(String[] args) {
        Path dir = Path.of("kb/src/test/resources/diagnose/real");
        boolean misses = false;
        List<String> splits = List.of("dev", "test", "all");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--misses" -> misses = true;
                case "--split" -> splits = List.of(args[++i]);
                case "--show" -> {
                    show(Path.of(args[++i]));
                    return;
                }
                default -> dir = Path.of(args[i]);
            }
        }
        RealPasteSet set = RealPasteSet.load(dir);
        Diagnoser diagnoser = Diagnoser.withoutCitations();
        for (String split : splits) {
            QualityScore s = QualityScore.of(set, split, diagnoser);
            System.out.println(s.summary());
            System.out.print(s.perIdTable());
            if (misses) {
                System.out.print(s.failures());
            }
            System.out.println();
        }
    }
}
