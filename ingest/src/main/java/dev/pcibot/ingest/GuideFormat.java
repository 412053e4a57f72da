package dev.pcibot.ingest;

/** How a guide's file is written, which decides the sectioner that reads it. */
public enum GuideFormat {
    HTML,
    MARKDOWN,
    /** Plain text dumped from a rendered page: headings are bare lines. */
    TEXT
}
