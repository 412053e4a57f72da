package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints how fast each parser reads its samples and a large synthetic paste (not a test: run by
 * hand, figures go to the report). {@code java -cp <test and main classes + deps>
 * dev.pcibot.kb.diagnose.parse.ParsersBench}
 */
final class ParsersBench {
    private ParsersBench() {}

    public static void main(String[] args) {
        bench("lspci -vv, 3 samples", new LspciParser(), samples("lspci-vv"));
        bench("lspci -nnk, 7 samples", new LspciParser(), samples("lspci-nnk"));
        bench("iommu groups, 8 samples", new IommuGroupsParser(), samples("iommu-groups"));
        bench("pvesh json, 4 samples", new IommuGroupsParser(), samples("pci-json"));
        bench("cmdline, 9 samples", new CmdlineParser(), samples("cmdline"));
        bench("modules, 8 samples", new ModulesParser(), samples("vfio-modules", "modprobe-conf"));
        bench("qm config, 4 samples", new QmConfigParser(), samples("qm-config"));
        bench(
                "lspci -vv x 64 devices (one paste)",
                new LspciParser(),
                List.of(
                        String.join(
                                "\n",
                                java.util.Collections.nCopies(
                                        16, String.join("\n", samples("lspci-vv"))))));
        bench(
                "pvesh json x 300 devices (one paste)",
                new IommuGroupsParser(),
                List.of(bigJson(300)));
    }

    private static List<String> samples(String... dirs) {
        List<String> texts = new ArrayList<>();
        for (String dir : dirs) {
            Samples.list(dir).forEach(f -> texts.add(Samples.read(f)));
        }
        return texts;
    }

    private static String bigJson(int n) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(
                    String.format(
                            Locale.ROOT,
                            "{\"class\":\"0x020000\",\"device\":\"0x1572\",\"id\":\"0000:%02x:%02x.%d\",\"iommugroup\":%d,\"vendor\":\"0x8086\",\"vendor_name\":\"Intel"
                                + " Corporation\",\"device_name\":\"Ethernet Controller X710 for"
                                + " 10GbE SFP+\"}",
                            i / 32,
                            i % 32,
                            i % 8,
                            i));
        }
        return "[" + String.join(",", items) + "]";
    }

    private static void bench(String name, Parser<?> parser, List<String> texts) {
        int chars = texts.stream().mapToInt(String::length).sum();
        for (int i = 0; i < 100; i++) { // warm up the JIT
            texts.forEach(parser::parse);
        }
        int rounds = 300;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            texts.forEach(parser::parse);
        }
        double perPaste = (System.nanoTime() - start) / 1000.0 / rounds / texts.size();
        System.out.printf(
                Locale.ROOT,
                "%-40s %8.1f us per paste, %6.1f MB/s%n",
                name,
                perPaste,
                chars / (double) texts.size() / perPaste);
    }
}
