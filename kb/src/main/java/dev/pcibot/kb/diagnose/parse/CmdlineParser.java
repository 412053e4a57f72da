package dev.pcibot.kb.diagnose.parse;

import dev.pcibot.kb.diagnose.parse.CmdlineOutput.Source;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a kernel command line from {@code /proc/cmdline}, {@code /etc/default/grub} or {@code
 * /etc/kernel/cmdline}. Typical input (all samples: test resources samples/cmdline/):
 *
 * <pre>
 * BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet intel_iommu=on iommu=pt
 * </pre>
 *
 * Without a hint the source is guessed: {@code BOOT_IMAGE=} or {@code initrd=} first means
 * /proc/cmdline, {@code GRUB_...=} assignments mean /etc/default/grub, bare parameters mean
 * /etc/kernel/cmdline. The caller that knows which file was shown passes it.
 */
public final class CmdlineParser implements Parser<CmdlineOutput> {
    private final @Nullable Source hint;

    /** Guesses the source from the text. */
    public CmdlineParser() {
        this(null);
    }

    /** Reads the text as {@code source} (a null source means guess). */
    public CmdlineParser(@Nullable Source source) {
        this.hint = source;
    }

    @Override
    public CmdlineOutput parse(String text) {
        List<String> lines = TextLines.of(text);
        Source source = hint != null ? hint : guess(lines);
        if (source == Source.GRUB_DEFAULT) {
            return GrubDefaultReader.read(lines);
        }
        List<KernelParam> params = new ArrayList<>();
        List<MalformedToken> malformed = new ArrayList<>();
        KernelParamTokenizer tokenizer = new KernelParamTokenizer(params, malformed);
        boolean bareFile = source == Source.KERNEL_CMDLINE;
        boolean firstLine = true;
        for (String line : joinWrapped(lines)) {
            if (line.isBlank() || (bareFile && line.strip().startsWith("#"))) {
                continue;
            }
            if (bareFile && !firstLine) {
                // proxmox-boot-tool reads the first line only
                malformed.add(
                        new MalformedToken(
                                line.strip(),
                                "a second line in /etc/kernel/cmdline: proxmox-boot-tool uses only"
                                    + " the first line"));
            }
            tokenizer.tokenize(line, "cmdline", bareFile);
            firstLine = false;
        }
        return new CmdlineOutput(params, source, malformed, Map.of(), List.of());
    }

    // A line starting with '=' is the tail of a parameter the paste wrapped
    // ("initcall_blacklist\n=sysfb_init").
    private static List<String> joinWrapped(List<String> lines) {
        List<String> joined = new ArrayList<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.startsWith("=") && !joined.isEmpty()) {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + s);
            } else {
                joined.add(s);
            }
        }
        return joined;
    }

    static Source guess(List<String> lines) {
        List<String> content =
                lines.stream()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
        if (content.isEmpty()) {
            return Source.PROC_CMDLINE;
        }
        String first = content.get(0);
        if (first.startsWith("BOOT_IMAGE=") || first.startsWith("initrd=")) {
            return Source.PROC_CMDLINE;
        }
        // /etc/kernel/cmdline always names the root; /etc/default/grub does only inside a GRUB_
        // line
        boolean bareRoot =
                content.stream()
                        .anyMatch(l -> !l.startsWith("GRUB_") && l.matches("(^|.*\\s)root=.*"));
        boolean anyGrub =
                content.stream().anyMatch(l -> l.matches("^(export\\s+)?GRUB_[A-Z_]+=.*"));
        return anyGrub && !bareRoot ? Source.GRUB_DEFAULT : Source.KERNEL_CMDLINE;
    }
}
