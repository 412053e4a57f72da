package dev.pcibot.kb.diagnose.rule;

import java.util.List;

/**
 * The registry of rules that reason across facts (single messages are rows of
 * content/diagnose/patterns.tsv). Add the next rule here, in sorted order.
 */
public final class Rules {
    public static final List<Rule> ALL =
            List.of(
                    // keep-sorted start
                    new AcsOverrideEnabled(),
                    new AmdResetBug(),
                    new CmdlineParamTypo(),
                    new ContainerAttachRefused(),
                    new DuplicateCmdlineParam(),
                    new GroupNotIsolated(),
                    new GroupNotViableCause(),
                    new HostDriverBound(),
                    new InterruptRemappingMissing(),
                    new IommuNotEnabled(),
                    new KernelRegressionSuspected(),
                    new MsiDisabled(),
                    new ObsoleteFbParam(),
                    new OptionRomHang(),
                    new PcieOnI440fx(),
                    new ResizableBarEnabled(),
                    new RomNotUefi(),
                    new RomfilePathInvalid(),
                    new UnsafeInterruptsUnneeded(),
                    new VfioModulesMissing(),
                    new VfioNotBound(),
                    new VirtualizationDisabled(),
                    new XVgaWithoutOvmfOrQ35()
                    // keep-sorted end
                    );

    private Rules() {}
}
