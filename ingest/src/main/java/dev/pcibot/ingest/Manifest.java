package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code manifest.tsv}, the list of bundled guides. Tab-separated, a header line, {@code #}
 * comments:
 *
 * <pre>
 * id	title	origin	authority	format	file
 * pve-wiki	Proxmox VE wiki: PCI Passthrough	https://pve.proxmox.com/wiki/PCI_Passthrough	OFFICIAL_WIKI	MARKDOWN	004_d1d15574e643b212.txt
 * </pre>
 */
final class Manifest {

    static final List<String> COLUMNS = List.of("id", "title", "origin", "authority", "format", "file");

    private Manifest() {}

    /**
     * Parses the manifest text.
     *
     * @throws IllegalArgumentException naming the line, when a row is malformed
     */
    static List<Guide> parse(String tsv) {
        List<Guide> guides = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean headerSeen = false;
        for (TsvRows.Row row : TsvRows.parse(tsv, "manifest")) {
            List<String> cells = row.cells().stream().map(String::strip).toList();
            if (!headerSeen) {
                if (!cells.equals(COLUMNS)) {
                    throw new IllegalArgumentException("manifest line " + row.line() + ": expected the header "
                            + String.join("<TAB>", COLUMNS) + ", found: " + row.text());
                }
                headerSeen = true;
                continue;
            }
            Guide guide = row(cells, row.line());
            if (!ids.add(guide.id())) {
                throw new IllegalArgumentException("manifest line " + row.line() + ": duplicate id " + guide.id());
            }
            guides.add(guide);
        }
        return List.copyOf(guides);
    }

    private static Guide row(List<String> cells, int number) {
        if (cells.size() != COLUMNS.size() || cells.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("manifest line " + number + ": expected " + COLUMNS.size()
                    + " non-empty tab-separated cells (" + String.join(", ", COLUMNS) + ")");
        }
        return new Guide(cells.get(0), cells.get(1), cells.get(2),
                parse(Authority.class, cells.get(3), number), parse(GuideFormat.class, cells.get(4), number),
                cells.get(5));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, int number) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("manifest line " + number + ": unknown " + type.getSimpleName()
                    + " '" + value + "', expected one of " + List.of(type.getEnumConstants()), e);
        }
    }
}
