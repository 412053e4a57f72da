package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lists the tokens each analyzer makes of passthrough vocabulary (STYLE.md's table, re-checked on Lucene 10). */
class KbAnalyzersTest {

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @ParameterizedTest(name = "exact: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
        "vfio-pci | vfio-pci",
        "intel_iommu=on iommu=pt | intel_iommu=on,iommu=pt",
        "[10de:1b80] | 10de:1b80",
        "0000:01:00.0 | 0000:01:00.0",
        "DMAR-IR: Enabled IRQ remapping in x2apic mode | dmar-ir,enabled,irq,remapping,in,x2apic,mode",
        "AMD-Vi: Interrupt remapping enabled | amd-vi,interrupt,remapping,enabled",
        "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet intel_iommu=on\" | grub_cmdline_linux_default,quiet,intel_iommu=on",
        "# lspci -nnk | lspci,nnk",
        "Kernel driver in use: vfio-pci. | kernel,driver,in,use,vfio-pci",
        "(see **vfio-pci**, `iommu=pt`) | see,vfio-pci,iommu=pt",
    })
    void exactKeepsTechnicalTokensWhole(String text, String expected) throws IOException {
        assertEquals(List.of(expected.split(",", -1)).stream().filter(s -> !s.isEmpty()).toList(),
                tokens(KbAnalyzers.exact(), text));
    }

    @Test
    void exactKeepsCommasInsideAToken() throws IOException {
        assertEquals(List.of("pcie_acs_override=downstream,multifunction"),
                tokens(KbAnalyzers.exact(), "pcie_acs_override=downstream,multifunction"));
    }

    @ParameterizedTest(name = "prose: {0}")
    @CsvSource(delimiter = '|', value = {
        "Interrupt remapping enabled | interrupt,remap,enabl",
        "remap | remap",
        "The GPU's IOMMU groups | gpu,iommu,group",
        "vfio-pci | vfio,pci",
        "intel_iommu=on | intel_iommu",
        "Blacklisting drivers | blacklist,driver",
    })
    void proseStemsAndSplits(String text, String expected) throws IOException {
        assertEquals(List.of(expected.split(",")), tokens(KbAnalyzers.prose(), text));
    }

    @Test
    void remappingAndRemapMeetInProse() throws IOException {
        assertEquals(tokens(KbAnalyzers.prose(), "remap"), tokens(KbAnalyzers.prose(), "remapping"));
    }

    @Test
    void questionsLoseHelpChannelNoise() throws IOException {
        assertEquals(List.of("iommu", "group"),
                tokens(KbAnalyzers.proseQuery(), "hey guys how do I check my iommu groups??").stream()
                        .filter(t -> !t.contains(" "))
                        .filter(t -> List.of("iommu", "group").contains(t))
                        .toList());
        List<String> all = tokens(KbAnalyzers.proseQuery(), "hey guys how do I check my iommu groups");
        assertTrue(!all.contains("hei") && !all.contains("guy") && !all.contains("my"), all.toString());
    }

    @Test
    void questionSynonymsAddTheOtherNames() throws IOException {
        List<String> vtd = tokens(KbAnalyzers.proseQuery(), "vt-d");
        assertTrue(vtd.containsAll(List.of("iommu", "dmar", "amdvi")), vtd.toString());
        List<String> graphics = tokens(KbAnalyzers.proseQuery(), "graphics cards");
        assertTrue(graphics.contains("gpu") && graphics.contains("vga"), graphics.toString());
        List<String> code43 = tokens(KbAnalyzers.proseQuery(), "error 43");
        assertTrue(code43.contains("code"), code43.toString());
        List<String> passthru = tokens(KbAnalyzers.proseQuery(), "pass through");
        assertTrue(passthru.contains("passthrough"), passthru.toString());
    }

    @Test
    void synonymsAreNotAppliedWhenIndexing() throws IOException {
        assertEquals(List.of("vt", "d"), tokens(KbAnalyzers.prose(), "VT-d"));
    }

    @Test
    void standardAndEnglishAnalyzersSplitWhatExactKeeps() throws IOException {
        // why the exact field exists: the stock analyzers cut technical tokens apart
        try (Analyzer standard = new StandardAnalyzer(); Analyzer english = new EnglishAnalyzer()) {
            assertEquals(List.of("intel_iommu", "on", "iommu", "pt"), tokens(standard, "intel_iommu=on iommu=pt"));
            assertEquals(List.of("intel_iommu", "iommu", "pt"), tokens(english, "intel_iommu=on iommu=pt"));
            assertEquals(List.of("0000", "01", "00.0"), tokens(standard, "0000:01:00.0"));
            assertEquals(List.of("10de", "1b80"), tokens(standard, "[10de:1b80]"));
        }
    }

    @Test
    void synonymGroupsStartAtTheSamePosition() throws IOException {
        try (TokenStream ts = KbAnalyzers.proseQuery().tokenStream("f", "nic")) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int firstPositions = 0;
            List<String> seen = new ArrayList<>();
            while (ts.incrementToken()) {
                seen.add(term + "/" + inc.getPositionIncrement());
            }
            ts.end();
            assertTrue(seen.contains("nic/0") || seen.contains("nic/1"), seen.toString());
            assertTrue(seen.stream().anyMatch(s -> s.startsWith("network/")), seen.toString());
        }
    }

    @Test
    void indexingAlsoKeepsThePartsOfCompounds() throws IOException {
        assertEquals(List.of("cd", "/sys/bus/pci/devices/0000:01:00.0", "sys", "bus", "pci", "devices", "0000:01:00.0"),
                tokens(KbAnalyzers.exactIndexing(), "cd /sys/bus/pci/devices/0000:01:00.0/"));
        assertEquals(List.of("ids=1234:5678,4321:8765", "ids=1234:5678", "ids", "1234:5678", "4321:8765"),
                tokens(KbAnalyzers.exactIndexing(), "ids=1234:5678,4321:8765"));
        assertEquals(List.of("intel_iommu=on", "intel_iommu", "on"), tokens(KbAnalyzers.exactIndexing(), "intel_iommu=on"));
        assertEquals(List.of("vfio-pci"), tokens(KbAnalyzers.exactIndexing(), "vfio-pci"), "no separator, no parts");
        assertEquals(List.of("02:00,pcie=on,x-vga=on", "02:00", "pcie=on", "pcie", "on", "x-vga=on", "x-vga"),
                tokens(KbAnalyzers.exactIndexing(), "02:00,pcie=on,x-vga=on"));
        // questions keep compounds whole: "intel_iommu=on" must not also ask for "on"
        assertEquals(List.of("intel_iommu=on"), tokens(KbAnalyzers.exact(), "intel_iommu=on"));
    }

    @Test
    void partsStayAtTheCompoundsPosition() throws IOException {
        try (TokenStream ts = KbAnalyzers.exactIndexing().tokenStream("f", "echo ids=1:2 done")) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            List<String> seen = new ArrayList<>();
            while (ts.incrementToken()) {
                seen.add(term + "/" + inc.getPositionIncrement());
            }
            ts.end();
            assertEquals(List.of("echo/1", "ids=1:2/1", "ids/0", "1:2/0", "done/1"), seen);
        }
    }

    @Test
    void synonymEntriesHoldNoWordAQuestionLoses() {
        // questions lose stop and noise words before synonyms are matched: an entry with one never matches
        java.util.Set<String> lost = new java.util.HashSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> lost.add(new String((char[]) w)));
        lost.addAll(KbAnalyzers.readLines(KbAnalyzers.QUERY_STOPWORDS_RESOURCE));
        List<String> groups = KbAnalyzers.readLines(KbAnalyzers.SYNONYMS_RESOURCE);
        assertTrue(groups.size() >= 30, "synonym groups: " + groups.size());
        for (String group : groups) {
            for (String entry : group.split(",")) {
                for (String word : entry.strip().toLowerCase().split("\\s+")) {
                    assertTrue(!lost.contains(word), () -> "synonyms.txt: \"" + entry.strip() + "\" contains the dropped word \"" + word + "\"");
                }
            }
        }
        assertTrue(KbAnalyzers.synonyms().fst != null);
    }
}
