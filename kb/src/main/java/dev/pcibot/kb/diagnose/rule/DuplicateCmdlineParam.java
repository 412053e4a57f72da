package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Cmdline;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.parse.KernelParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fires when one command line gives a parameter twice (noise at best, two conflicting values at
 * worst). {@code console=} and {@code video=} are meant to repeat (one per console or connector).
 * Text: content findings/duplicate-cmdline-param.md
 */
final class DuplicateCmdlineParam implements Rule {
    private static final Set<String> REPEATABLE = Set.of("console", "video");

    @Override
    public String id() {
        return "duplicate-cmdline-param";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<String> evidence = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (Cmdline c : facts.cmdlines()) {
            for (String name : c.output().duplicates()) {
                if (REPEATABLE.contains(KernelParam.normalize(name))) {
                    continue;
                }
                List<KernelParam> all = c.output().all(name);
                all.forEach(p -> {
                    String line = c.lineWith(p.raw());
                    if (!evidence.contains(line)) {
                        evidence.add(line);
                    }
                });
                boolean conflicting = all.stream().map(KernelParam::value).distinct().count() > 1;
                details.add(all.get(0).name() + " is given " + all.size() + " times"
                        + (conflicting ? " with different values; the last one wins (" + all.get(all.size() - 1).raw() + ")."
                                : "."));
            }
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        return List.of(Detection.of(id(), evidence, String.join(" ", details)));
    }
}
