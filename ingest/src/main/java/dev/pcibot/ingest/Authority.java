package dev.pcibot.ingest;

/**
 * How far a guide can be trusted when guides disagree. Declared from most to least authoritative:
 * ranking and de-duplication compare by {@link #ordinal()}.
 */
public enum Authority {
    /** The Proxmox VE Administration Guide (pve-docs). */
    OFFICIAL_ADMIN_GUIDE(1.0f),
    /** The Proxmox VE wiki. */
    OFFICIAL_WIKI(0.9f),
    /** Personal or third-party guides: useful, sometimes wrong. */
    COMMUNITY(0.75f);

    private final float boost;

    Authority(float boost) {
        this.boost = boost;
    }

    /** Multiplier applied to a section's relevance score. */
    public float boost() {
        return boost;
    }
}
