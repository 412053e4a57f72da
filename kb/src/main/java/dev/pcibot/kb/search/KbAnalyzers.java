package dev.pcibot.kb.search;

import dev.pcibot.ingest.TsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jspecify.annotations.Nullable;

/**
 * The analyzers of the knowledge base. Two views of the same text, because one analyzer cannot
 * serve both (see STYLE.md's table):
 *
 * <ul>
 *   <li><b>prose</b>: StandardTokenizer, lowercase, English stop words, Porter stemming (with a
 *       few overrides), so
 *       "remapping" finds "remap". It splits {@code vfio-pci} into {@code vfio}, {@code pci} and
 *       drops the {@code on} of {@code intel_iommu=on}.
 *   <li><b>exact</b>: a pattern tokenizer splitting on white space and brackets only, punctuation
 *       trimmed from the ends, lowercase: {@code intel_iommu=on}, {@code [10de:1b80]},
 *       {@code 0000:01:00.0}, {@code DMAR-IR:} stay whole ({@code intel_iommu=on},
 *       {@code 10de:1b80}, {@code 0000:01:00.0}, {@code dmar-ir}).
 * </ul>
 *
 * Questions get the prose chain plus help-channel noise words ({@code content/search/query-stopwords.txt})
 * and domain synonyms ({@code content/search/synonyms.txt}). Synonyms are applied at query time
 * only, so editing the file needs no re-index.
 */
public final class KbAnalyzers {
    static final String SYNONYMS_RESOURCE = "content/search/synonyms.txt";
    static final String QUERY_STOPWORDS_RESOURCE = "content/search/query-stopwords.txt";

    /** Trimmed from both ends of an exact token: sentence punctuation, markdown emphasis, prompts. */
    private static final String EXACT_TRIM = "^[*:,.;!?=#~\\-]+|[*:,.;!?=#~/]+$";
    /** Token characters of the exact field: anything but white space, brackets and quotes. */
    private static final String EXACT_TOKEN = "[^\\s\\[\\](){}<>\"'`|]+";

    private KbAnalyzers() {}

    /** Prose analysis for indexing (title, parent headings, body). */
    public static Analyzer prose() {
        return Holder.PROSE;
    }

    /** Prose analysis of a question: noise words removed, domain synonyms added. */
    public static Analyzer proseQuery() {
        return Holder.PROSE_QUERY;
    }

    /** The exact analysis of a question: technical tokens whole. */
    public static Analyzer exact() {
        return Holder.EXACT;
    }

    /**
     * The exact field's analysis when indexing: technical tokens whole, plus the parts of compounds
     * ({@code 0000:01:00.0} out of {@code /sys/bus/pci/devices/0000:01:00.0/}), see {@link ExactPartsFilter}.
     */
    public static Analyzer exactIndexing() {
        return Holder.EXACT_INDEXING;
    }

    /** What the index writer uses: prose for every field but {@link KbFields#EXACT} (exact with parts). */
    public static Analyzer indexing() {
        return Holder.INDEXING;
    }

    /** The synonym groups as read from the data file (for tests and diagnostics). */
    static SynonymMap synonyms() {
        return Holder.SYNONYMS;
    }

    /** Lazily built once: analyzers are thread-safe and reuse their token streams per thread. */
    private static final class Holder {
        /** Where Porter goes wrong on our vocabulary ("adding" would become "ad", not "add"). */
        static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = stemOverrides();
        static final Analyzer PROSE = new ProseAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, null);
        static final SynonymMap SYNONYMS = loadSynonyms();
        static final Analyzer PROSE_QUERY = new ProseAnalyzer(queryStopWords(), SYNONYMS);
        static final Analyzer EXACT = buildExact(false);
        static final Analyzer EXACT_INDEXING = buildExact(true);
        static final Analyzer INDEXING = new PerFieldAnalyzerWrapper(PROSE, Map.of(KbFields.EXACT, EXACT_INDEXING));
    }

    private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String form : List.of("add", "adds", "added", "adding")) {
            builder.add(form, "add");
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the stemmer overrides", e);
        }
    }

    /** Plain classes rather than CustomAnalyzer: {@link ExactPartsFilter} has no factory to name. */
    private static Analyzer buildExact(boolean withParts) {
        Pattern token = Pattern.compile(EXACT_TOKEN);
        Pattern trim = Pattern.compile(EXACT_TRIM);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new PatternTokenizer(token, 0);
                TokenStream stream = new PatternReplaceFilter(source, trim, "", true);
                stream = new LowerCaseFilter(stream);
                stream = new LengthFilter(stream, 1, 255);
                if (withParts) {
                    stream = new ExactPartsFilter(stream);
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    private static CharArraySet queryStopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String line : readLines(QUERY_STOPWORDS_RESOURCE)) {
            words.add(line);
        }
        return CharArraySet.unmodifiableSet(words);
    }

    private static SynonymMap loadSynonyms() {
        // entries go through the same chain as the question up to the synonym filter, so that
        // "graphics cards" in a question meets the entry "graphics card"
        Analyzer entryAnalyzer = new ProseAnalyzer(CharArraySet.EMPTY_SET, null);
        SolrSynonymParser parser = new SolrSynonymParser(true, true, entryAnalyzer);
        try (Reader reader = open(SYNONYMS_RESOURCE)) {
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SYNONYMS_RESOURCE, e);
        } catch (ParseException e) {
            throw new IllegalStateException(SYNONYMS_RESOURCE + " line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }

    /** The non-blank, non-comment lines of a bundled data file, trimmed. */
    static List<String> readLines(String resource) {
        try (Reader reader = open(resource)) {
            return new java.io.BufferedReader(reader)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The rows of a tab-separated resource, with their line numbers (see {@link TsvRows}). */
    static List<TsvRows.Row> readRows(String resource) {
        try (Reader reader = open(resource)) {
            return TsvRows.read(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static Reader open(String resource) {
        InputStream in = KbAnalyzers.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing on the classpath: " + resource + " (content module)");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** StandardTokenizer, possessives, lowercase, stop words, Porter, then optionally synonyms. */
    private static final class ProseAnalyzer extends Analyzer {
        private final CharArraySet stopWords;
        private final @Nullable SynonymMap synonyms;

        ProseAnalyzer(CharArraySet stopWords, @Nullable SynonymMap synonyms) {
            this.stopWords = stopWords;
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, stopWords);
            stream = new StemmerOverrideFilter(stream, Holder.STEM_OVERRIDES);
            stream = new PorterStemFilter(stream);
            if (synonyms != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
