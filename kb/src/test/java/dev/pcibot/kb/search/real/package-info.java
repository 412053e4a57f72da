/**
 * The real-question evaluation set: questions people wrote in public issue trackers and forums,
 * verbatim, each labelled with the bundled guide sections that answer it (or none), split once into
 * a dev half to tune on and a test half to report. The data and its provenance are in
 * {@code src/test/resources/search/real/}.
 */
package dev.pcibot.kb.search.real;
