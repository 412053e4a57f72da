package dev.pcibot.kb.search;

/**
 * Names of the fields of a section document in the index. Code refers to fields only through these
 * constants, so the analyzer wiring ({@link KbAnalyzers}) and the queries cannot drift apart.
 */
public final class KbFields {
    /** The section id; keyword, stored. */
    public static final String ID = "id";
    /** The guide id; keyword, stored. */
    public static final String GUIDE = "guide";
    /** Stored only: the guide's title, format, authority (enum name), origin URL. */
    public static final String GUIDE_TITLE = "guide_title";
    public static final String GUIDE_FORMAT = "guide_format";
    public static final String AUTHORITY = "authority";
    public static final String ORIGIN = "origin";
    /** Doc value holding {@code Authority.boost()}; multiplies the relevance score. */
    public static final String AUTHORITY_BOOST = "authority_boost";
    /** The section's own heading; prose analysis, stored. */
    public static final String TITLE = "title";
    /** The parent headings (all but the section's own); prose analysis. */
    public static final String PATH = "path";
    /** Stored only, one value per heading level, in order. */
    public static final String HEADING_PATH = "heading_path";
    /** The section text; prose analysis (English stemming), stored for snippets. */
    public static final String BODY = "body";
    /**
     * Headings, text and commands again, analysed by the pattern tokenizer that keeps technical
     * tokens ({@code intel_iommu=on}, {@code 10de:1b80}) whole.
     */
    public static final String EXACT = "body_exact";
    /** The section's embedding (heading path and text), for the dense half of the search; HNSW graph. */
    public static final String VECTOR = "vector";
    /** Stored only, one value per command. */
    public static final String COMMAND = "command";
    /** Stored only: the link to the section in its origin. */
    public static final String URL = "url";

    private KbFields() {}
}
