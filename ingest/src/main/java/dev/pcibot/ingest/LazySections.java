package dev.pcibot.ingest;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A read-only list of sections cut on first access, once, whichever thread asks first. Callers see
 * an ordinary list; only a caller that looks inside (an index build) pays for the cutting.
 */
final class LazySections extends AbstractList<Section> {
    private final Supplier<List<Section>> cut;
    private volatile List<Section> sections;

    LazySections(Supplier<List<Section>> cut) {
        this.cut = cut;
    }

    private List<Section> sections() {
        List<Section> s = sections;
        if (s == null) {
            synchronized (this) {
                s = sections;
                if (s == null) {
                    s = List.copyOf(cut.get());
                    sections = s;
                }
            }
        }
        return s;
    }

    @Override
    public Section get(int index) {
        return sections().get(index);
    }

    @Override
    public int size() {
        return sections().size();
    }
}
