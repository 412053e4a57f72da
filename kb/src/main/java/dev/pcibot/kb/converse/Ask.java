package dev.pcibot.kb.converse;

/** What a step asks of the user. */
public sealed interface Ask {

    /**
     * Run this command on the Proxmox host and paste what it prints.
     *
     * @param probe the probe's catalogue id ({@code lspci-nnk})
     * @param command the exact command, filled with the user's VM id or PCI address when known
     * @param why what its output decides
     * @param checks the stage of the guide's order this checks ("whether the IOMMU is on")
     * @param afterFix true when this verifies a fix: run it after applying the fix (and rebooting)
     */
    record RunProbe(String probe, String command, String why, String checks, boolean afterFix) implements Ask {}

    /** Pick one option of a question that is not a command. */
    record Pick(Choice choice) implements Ask {}
}
