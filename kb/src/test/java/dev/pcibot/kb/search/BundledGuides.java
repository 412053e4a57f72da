package dev.pcibot.kb.search;

import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.ingest.Section;
import java.util.List;

/** The real bundled guides, read once per test JVM (ingest is the slow part of the real-guide tests). */
final class BundledGuides {
    private static final GuideLibrary LIBRARY = GuideLibrary.bundled();
    static final List<Section> SECTIONS = LIBRARY.sections();
    static final String FINGERPRINT = LIBRARY.fingerprint();

    private BundledGuides() {}
}
