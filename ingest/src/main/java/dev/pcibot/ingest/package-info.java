/**
 * Turns guides into {@link dev.pcibot.ingest.Section}s: the manifest of bundled guides, one
 * sectioner per format (HTML via jsoup; Markdown via commonmark into the same HTML path; the messy
 * plain-text dumps), and command extraction. Add a new format as a sectioner here.
 */
@NullMarked
package dev.pcibot.ingest;

import org.jspecify.annotations.NullMarked;
