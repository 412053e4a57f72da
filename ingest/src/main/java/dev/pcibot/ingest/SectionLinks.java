package dev.pcibot.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Links a section to its place in the origin. The wiki gets MediaWiki anchors (heading text,
 * spaces as {@code _}: {@code PCI_Passthrough#Verify_IOMMU_is_enabled}, unless its hints name
 * another); the admin guide the
 * AsciiDoc ids of pve-docs {@code qm-pci-passthrough.adoc} listed in its hints (the nearest
 * enclosing section that has one, else the chapter); other guides the anchor their own HTML gave
 * the heading, else the origin plus a slug of the heading.
 */
final class SectionLinks {

    private SectionLinks() {}

    static String link(Guide guide, List<String> headingPath, @Nullable String ownAnchor, GuideHints hints) {
        if (guide.originUrl().isEmpty()) {
            return ""; // no origin (a sidecar's unsafe one was dropped): the section has no link either
        }
        String base = withoutFragment(guide.originUrl());
        if (headingPath.isEmpty()) {
            return guide.originUrl();
        }
        String heading = headingPath.get(headingPath.size() - 1);
        return switch (guide.authority()) {
            // A hinted anchor covers lines the dump made headings but the page has none for.
            case OFFICIAL_WIKI -> base + "#" + hints.anchor(headingPath).orElse(mediaWikiAnchor(heading));
            case OFFICIAL_ADMIN_GUIDE -> hints.anchor(headingPath).map(id -> base + "#" + id).orElse(base);
            case COMMUNITY -> base + "#" + (ownAnchor != null ? ownAnchor : Slugs.of(heading));
        };
    }

    /** MediaWiki's anchor for a heading: spaces become underscores, unsafe characters are escaped. */
    static String mediaWikiAnchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        for (byte b : heading.strip().replace(' ', '_').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                anchor.append(c);
            } else {
                anchor.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return anchor.toString();
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
