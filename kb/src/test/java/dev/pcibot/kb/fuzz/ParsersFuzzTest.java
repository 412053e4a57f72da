package dev.pcibot.kb.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pcibot.kb.diagnose.parse.CmdlineParser;
import dev.pcibot.kb.diagnose.parse.CpuFlagsParser;
import dev.pcibot.kb.diagnose.parse.IommuGroupsParser;
import dev.pcibot.kb.diagnose.parse.KernelLogParser;
import dev.pcibot.kb.diagnose.parse.LspciParser;
import dev.pcibot.kb.diagnose.parse.ModulesParser;
import dev.pcibot.kb.diagnose.parse.ParsedOutput;
import dev.pcibot.kb.diagnose.parse.Parser;
import dev.pcibot.kb.diagnose.parse.PveVersionParser;
import dev.pcibot.kb.diagnose.parse.QmConfigParser;
import dev.pcibot.kb.diagnose.parse.UnameParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Every parser in diagnose.parse, through one target: the first byte picks the parser ({@code '0'}
 * cmdline, {@code '1'} cpu-flags, {@code '2'} iommu-groups and pvesh JSON, {@code '3'} kernel log,
 * {@code '4'} lspci in all its forms, {@code '5'} modules and modprobe.d, {@code '6'} pveversion,
 * {@code '7'} qm config, {@code '8'} uname; other bytes wrap around), the rest is the paste. One
 * target rather than nine so that the bench's minutes are shared by coverage, not by count; the
 * per-parser coverage is in the bench's report. Contract: parsers never throw (what they do not
 * understand goes to unparsed()), and their output is bounded by their input.
 */
final class ParsersFuzzTest {
    static final List<Parser<? extends ParsedOutput>> PARSERS = List.of(
            new CmdlineParser(),
            new CpuFlagsParser(),
            new IommuGroupsParser(),
            new KernelLogParser(),
            new LspciParser(),
            new ModulesParser(),
            new PveVersionParser(),
            new QmConfigParser(),
            new UnameParser());

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void everyParser(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Parser<? extends ParsedOutput> parser = PARSERS.get(Math.floorMod((data[0] & 0xFF) - '0', PARSERS.size()));
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        ParsedOutput out = parser.parse(text);
        // pvesh JSON reports each device object it cannot place, besides the line a chat cut
        // (seed pci-json-unaddressed-items-cut): entries are lines or objects, never more
        long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        long objects = text.chars().filter(c -> c == '{').count();
        assertTrue(out.unparsed().size() <= lines + objects,
                parser.getClass().getSimpleName() + " reported more unparsed entries than the input has lines and objects");
        FuzzContract.bounded(parser.getClass().getSimpleName(), text.length(), out.toString().length());
    }
}
