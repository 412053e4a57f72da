/**
 * Turns guides into {@link dev.pcibot.ingest.Section}s. Entry point: {@link dev.pcibot.ingest.GuideLibrary}
 * ({@code bundled()} from the manifest on the classpath, {@code load(folder)} adding a user's files).
 *
 * <p>Every format is reduced to {@link dev.pcibot.ingest.Block}s and cut by one
 * {@link dev.pcibot.ingest.SectionAssembler}: HTML through jsoup ({@code HtmlBlocks}), Markdown
 * repaired and rendered by commonmark into the same HTML path ({@code MarkdownBlocks}), plain-text
 * dumps by heading detection ({@code TextDumpBlocks}). Each quirk of the collected guides has its own
 * small class ({@code ContinuationJoiner}, {@code ObsidianEmbeds}, {@code Admonitions},
 * {@code BoxTables}, {@code ProseFences}, {@code BareCommands}, {@code LostHeadings},
 * {@code GluedHeadings}, {@code AngleBracketPlaceholders}); what one guide cannot say for itself
 * (lost headings, levels, AsciiDoc anchors) is data in {@code hints/<guide-id>.tsv}, read by
 * {@code GuideHints}. {@link dev.pcibot.ingest.TsvRows} reads the tab-separated data files (hints, the
 * manifest, and kb's tables) into numbered rows. Add a new format as another {@code XxxBlocks} reader, a new quirk as another
 * small class called from its reader.
 */
@NullMarked
package dev.pcibot.ingest;

import org.jspecify.annotations.NullMarked;
