package dev.pcibot.kb.diagnose.real;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores the diagnosis on one split of the real-paste set.
 *
 * <p>What counts as "reported": every finding except the special {@code none}; an INFO finding
 * (context such as {@code kvm-msr-noise}) and {@code insufficient-info} count only when the expert
 * expected them, because an expert's list names problems, not every benign remark. Recall is over
 * the expected ids of the problem pastes; precision over the reported ids of every paste; a false
 * alarm is a healthy paste with any BLOCKER, PROBLEM or WARNING; a trap hit is a reported id the
 * manifest lists as a trap for that paste.
 */
final class QualityScore {
    static final String INSUFFICIENT = "insufficient-info";

    /** What the diagnosis said about one paste, against the manifest. */
    record Outcome(RealPasteSet.Entry entry, Set<String> reported, Set<String> missed, Set<String> wrong,
            Set<String> trapHits, boolean falseAlarm) {}

    final String split;
    final List<Outcome> outcomes = new ArrayList<>();
    /** per id: expected, found, reported-but-not-expected. */
    final Map<String, int[]> perId = new TreeMap<>();
    int expected;
    int found;
    int reported;
    int correct;
    int healthy;
    int falseAlarms;
    int trapHits;

    QualityScore(String split) {
        this.split = split;
    }

    static QualityScore of(RealPasteSet set, String split, Diagnoser diagnoser) {
        QualityScore score = new QualityScore(split);
        for (RealPasteSet.Entry e : set.entries()) {
            if (split.equals("all") || e.split().equals(split)) {
                score.add(e, diagnoser.diagnose(set.text(e)));
            }
        }
        return score;
    }

    void add(RealPasteSet.Entry e, Diagnosis d) {
        Set<String> reported = new LinkedHashSet<>();
        boolean alarm = false;
        for (Finding f : d.findings()) {
            if (f.id().equals("none")) {
                continue;
            }
            boolean countable = f.severity() != Severity.INFO && !f.id().equals(INSUFFICIENT);
            if (countable || e.expected().contains(f.id())) {
                reported.add(f.id());
            }
            alarm |= f.severity() != Severity.INFO;
        }
        Set<String> missed = new LinkedHashSet<>(e.expected());
        missed.removeAll(reported);
        Set<String> wrong = new LinkedHashSet<>(reported);
        wrong.removeAll(e.expected());
        Set<String> traps = new LinkedHashSet<>(reported);
        traps.retainAll(e.traps());
        boolean falseAlarm = e.healthy() && alarm;
        outcomes.add(new Outcome(e, reported, missed, wrong, traps, falseAlarm));
        expected += e.expected().size();
        found += e.expected().size() - missed.size();
        this.reported += reported.size();
        correct += reported.size() - wrong.size();
        trapHits += traps.size();
        if (e.healthy()) {
            healthy++;
            falseAlarms += falseAlarm ? 1 : 0;
        }
        for (String id : e.expected()) {
            perId.computeIfAbsent(id, k -> new int[3])[0]++;
            if (!missed.contains(id)) {
                perId.get(id)[1]++;
            }
        }
        for (String id : wrong) {
            perId.computeIfAbsent(id, k -> new int[3])[2]++;
        }
    }

    double recall() {
        return expected == 0 ? 1 : (double) found / expected;
    }

    double precision() {
        return reported == 0 ? 1 : (double) correct / reported;
    }

    String summary() {
        return String.format("%-5s pastes %3d (healthy %2d)  recall %.3f (%d/%d)  precision %.3f (%d/%d)"
                        + "  false alarms on healthy %d/%d  trap hits %d",
                split, outcomes.size(), healthy, recall(), found, expected, precision(), correct, reported,
                falseAlarms, healthy, trapHits);
    }

    String perIdTable() {
        StringBuilder out = new StringBuilder(String.format("  %-34s %8s %6s %6s%n", "finding id", "expected", "found", "extra"));
        perId.forEach((id, n) -> out.append(String.format("  %-34s %8d %6d %6d%n", id, n[0], n[1], n[2])));
        return out.toString();
    }

    String failures() {
        StringBuilder out = new StringBuilder();
        for (Outcome o : outcomes) {
            if (o.missed().isEmpty() && o.wrong().isEmpty() && !o.falseAlarm()) {
                continue;
            }
            out.append(String.format("  %s [%s] missed %s wrong %s%s%s  (%s)%n", o.entry().file(), o.entry().kind(),
                    o.missed(), o.wrong(), o.trapHits().isEmpty() ? "" : " TRAP " + o.trapHits(),
                    o.falseAlarm() ? " FALSE-ALARM" : "", o.entry().note()));
        }
        return out.toString();
    }
}
