package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Collects the lines of one function while the lspci parsers walk the text. */
final class LspciDeviceBuilder {
    private static final Pattern SUBSYSTEM_IDS =
            Pattern.compile("^(.*?)\\s*\\[([0-9a-fA-F]{4}:[0-9a-fA-F]{4})\\]$");
    private static final Pattern FLAGS_GROUP = Pattern.compile("IOMMU group (\\d+)");

    final StringBuilder header;
    // the same header glued without a space at each wrap: the cut may fall inside "[10de:1b80]"
    private final StringBuilder headerTight;
    @Nullable PciAddress address;
    @Nullable String className;
    @Nullable String classCode;
    String description = "";
    @Nullable String vendorId;
    @Nullable String deviceId;
    @Nullable String revision;
    @Nullable String progIf;
    @Nullable String subsystem;
    @Nullable String subsystemIds;
    @Nullable String driverInUse;
    final List<String> kernelModules = new ArrayList<>();
    @Nullable Integer iommuGroup;
    final List<String> regions = new ArrayList<>();
    final List<PciCapability> capabilities = new ArrayList<>();
    boolean capabilitiesDenied;
    final List<String> details = new ArrayList<>();

    LspciDeviceBuilder(String headerLine) {
        this.header = new StringBuilder(headerLine.strip());
        this.headerTight = new StringBuilder(headerLine.strip());
    }

    LspciDeviceBuilder(PciAddress address) {
        this.header = new StringBuilder();
        this.headerTight = new StringBuilder();
        this.address = address;
    }

    void headerTail(String text) {
        header.append(' ').append(text);
        headerTight.append(text);
    }

    void subsystem(String text) {
        Matcher m = SUBSYSTEM_IDS.matcher(text.strip());
        if (m.matches()) {
            subsystem = m.group(1);
            subsystemIds = m.group(2).toLowerCase();
        } else {
            subsystem = text.strip();
        }
    }

    void modules(String commaList) {
        for (String module : commaList.split(",")) {
            if (!module.isBlank()) {
                kernelModules.add(module.strip());
            }
        }
    }

    void flags(String text) {
        Matcher m = FLAGS_GROUP.matcher(text);
        if (m.find() && Digits.smallInt(m.group(1)) != null) {
            iommuGroup = Digits.smallInt(m.group(1));
        }
    }

    /** Builds the device; empty header text means the machine-readable form filled the fields. */
    @Nullable LspciDevice build() {
        if (!header.isEmpty()) {
            LspciHeader h = LspciHeader.parse(header.toString()).orElse(null);
            LspciHeader tight = LspciHeader.parse(headerTight.toString()).orElse(null);
            if (h != null && h.vendorId() == null && tight != null && tight.vendorId() != null) {
                h = tight;
            }
            if (h == null) {
                return null;
            }
            address = h.address();
            if (driverInUse == null) {
                driverInUse = devbindDriver(header.toString()); // dpdk-devbind.py --status: "... drv=vfio-pci"
            }
            className = h.className();
            classCode = h.classCode();
            description = h.description();
            vendorId = h.vendorId();
            deviceId = h.deviceId();
            revision = h.revision();
            progIf = h.progIf();
        }
        if (address == null) {
            return null;
        }
        return new LspciDevice(
                address,
                className,
                classCode,
                description,
                vendorId,
                deviceId,
                revision,
                progIf,
                subsystem,
                subsystemIds,
                driverInUse,
                kernelModules,
                iommuGroup,
                regions,
                capabilities,
                capabilitiesDenied,
                details);
    }

    private static final java.util.regex.Pattern DEVBIND_DRIVER = java.util.regex.Pattern.compile("\\sdrv=([\\w-]+)");

    private static @Nullable String devbindDriver(String header) {
        java.util.regex.Matcher m = DEVBIND_DRIVER.matcher(header);
        return m.find() ? m.group(1) : null;
    }
}
