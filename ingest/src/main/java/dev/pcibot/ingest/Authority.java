package dev.pcibot.ingest;

/**
 * How far a guide can be trusted when guides disagree. Declared from most to least authoritative:
 * ranking and de-duplication compare by {@link #ordinal()}.
 */
public enum Authority {
    /** The Proxmox VE Administration Guide (pve-docs). */
    OFFICIAL_ADMIN_GUIDE(1.0f, "Official admin guide"),
    /** The Proxmox VE wiki. */
    OFFICIAL_WIKI(0.9f, "Official wiki"),
    /** Personal or third-party guides: useful, sometimes wrong. */
    COMMUNITY(0.75f, "Community guide");

    private final float boost;
    private final String label;

    Authority(float boost, String label) {
        this.boost = boost;
        this.label = label;
    }

    /** How a user reads it ("Official wiki"), where the enum name would be a raw label. */
    public String label() {
        return label;
    }

    /** The label for an authority given by its enum name; an unknown name is shown as it is. */
    public static String labelOf(String name) {
        for (Authority a : values()) {
            if (a.name().equals(name)) {
                return a.label;
            }
        }
        return name;
    }

    /** Multiplier applied to a section's relevance score. */
    public float boost() {
        return boost;
    }
}
