package dev.pcibot.kb.converse;

import java.util.List;
import java.util.Optional;

/**
 * The questions that are not commands. Each has a short closed list of options so that Discord can
 * show them as buttons or a select menu and the web page as radio buttons.
 */
public enum Choice {
    SYMPTOM(
            "symptom",
            "What goes wrong?",
            List.of(
                    new Option("setup", "I am setting it up, nothing has failed yet", "Setting it up"),
                    new Option("vm-wont-start", "The VM does not start (an error at start)", "VM won't start"),
                    new Option("no-output", "The VM starts, but no picture / Code 43 / driver error in the guest", "No picture / Code 43"),
                    new Option("second-start", "It works once, then fails after a VM restart", "Fails on 2nd start"),
                    new Option("host-crash", "The host freezes, reboots or loses the device", "Host freezes"))),
    BOOT_LOADER(
            "boot-loader",
            "Which boot loader does the host use? (`proxmox-boot-tool status` tells: it lists systemd-boot"
                    + " or grub; ZFS-on-root UEFI installs use systemd-boot)",
            List.of(
                    new Option("grub", "GRUB (/etc/default/grub)", "GRUB"),
                    new Option("systemd-boot", "systemd-boot (/etc/kernel/cmdline)", "systemd-boot"),
                    new Option("unknown", "I don't know", "Don't know")));

    /**
     * One option.
     *
     * @param value what is stored and sent back (stable)
     * @param label what the user reads
     * @param shortLabel the same in a few words, for a button
     */
    public record Option(String value, String label, String shortLabel) {}

    private final String id;
    private final String prompt;
    private final List<Option> options;

    Choice(String id, String prompt, List<Option> options) {
        this.id = id;
        this.prompt = prompt;
        this.options = options;
    }

    /** The stable id ({@code symptom}). */
    public String id() {
        return id;
    }

    public String prompt() {
        return prompt;
    }

    public List<Option> options() {
        return options;
    }

    List<String> optionValues() {
        return options.stream().map(Option::value).toList();
    }

    boolean accepts(String value) {
        return optionValues().contains(value);
    }

    public static Optional<Choice> byId(String id) {
        for (Choice c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
