package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Cmdline;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.KernelRelease;
import dev.pcibot.kb.diagnose.parse.KernelParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fires on {@code video=efifb:off} / {@code vesafb:off}, which stopped freeing the boot framebuffer
 * when kernel 5.15 (PVE 7.2) moved it to simplefb/sysfb: {@code initcall_blacklist=sysfb_init}
 * does it now. Quiet when the paste shows an older kernel. Text: content findings/obsolete-fb-param.md
 */
final class ObsoleteFbParam implements Rule {
    @Override
    public String id() {
        return "obsolete-fb-param";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        Optional<KernelRelease> kernel = facts.kernelRelease();
        if (kernel.isPresent() && !kernel.get().atLeast(5, 15)) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        for (Cmdline c : facts.cmdlines()) {
            for (KernelParam p : c.output().all("video")) {
                String v = p.value() == null ? "" : p.value();
                if (v.contains("efifb:off") || v.contains("vesafb:off")) {
                    String line = c.lineWith(p.raw());
                    if (!evidence.contains(line)) {
                        evidence.add(line);
                    }
                }
            }
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        String detail = kernel.map(k -> "Kernel " + k.text() + " ignores these; it needs initcall_blacklist=sysfb_init.")
                .orElse("Kernels since 5.15 (PVE 7.2) ignore these; they need initcall_blacklist=sysfb_init.");
        return List.of(Detection.of(id(), evidence, detail));
    }
}
