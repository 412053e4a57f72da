package dev.pcibot.bot.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

final class TrimTest {
    @Test
    void shortTextIsUntouched() {
        assertEquals("abc", Trim.line("abc", 3));
        assertEquals("a\n```\nx\n```", Trim.markdown("a\n```\nx\n```", 100));
    }

    @Test
    void cutLineEndsInEllipsisAndKeepsTheLimit() {
        assertEquals("abcd…", Trim.line("abcdefgh", 5));
        assertEquals("😀…", Trim.line("😀😀😀", 4), "never half an emoji");
    }

    @Test
    void cutMarkdownClosesAnOpenCodeBlockAndShowsTheMarker() {
        String md = "Fix:\n```\n" + "line\n".repeat(200) + "```\nafter";
        String cut = Trim.markdown(md, 120);
        assertTrue(cut.length() <= 120, cut);
        assertTrue(cut.endsWith(Trim.MARKER));
        Limits.assertEvenFences(cut);
    }

    @Test
    void proseEndsOnAWholeSentence() {
        String meaning = "QEMU refused the device because its IOMMU group is not viable. At least one other endpoint "
                + "in the same group is bound to a host driver. QEMU adds a hint.";
        assertEquals("QEMU refused the device because its IOMMU group is not viable. …", Trim.sentences(meaning, 100));
        assertEquals(meaning, Trim.sentences(meaning, 500));
        // not even one sentence fits: cut inside it, without a dangling code span
        String cut = Trim.sentences("Run `dmesg | grep -e DMAR -e IOMMU` and look for the line.", 20);
        assertTrue(cut.length() <= 20 && cut.endsWith(Trim.ELLIPSIS) && !cut.contains("`"), cut);
    }

    @Test
    void markdownPrefersToEndOnAWholeLine() {
        String fix = "1. Edit the file.\n2. Run the command that refreshes the boot loader configuration now.";
        assertEquals("1. Edit the file." + Trim.MARKER, Trim.markdown(fix, 50));
    }

    @Test
    void aWholeClosingFenceAtTheCutIsKept() {
        // shaped like a finding's fix: an indented block closed just before the cut
        String fix = "- systemd-boot: append it, then\n     ```sh\n     proxmox-boot-tool refresh\n     ```\n"
                + "   Remove any `video=efifb:off` while there, and reboot the host before trying again.";
        String cut = Trim.markdown(fix, 110);
        assertEquals("- systemd-boot: append it, then\n     ```sh\n     proxmox-boot-tool refresh\n     ```" + Trim.MARKER, cut);
    }

    @ParameterizedTest
    @MethodSource("randomMarkdown")
    void anySentenceCutKeepsTheLimitAndBalancedCodeSpans(String md, int max) {
        String prose = md.replace("```", "").replace('\n', ' ');
        String cut = Trim.sentences(prose, max);
        assertTrue(cut.length() <= max, cut.length() + " > " + max);
        if (!cut.equals(prose)) {
            assertEquals(0, cut.chars().filter(c -> c == '`').count() % 2, "a cut must not leave a code span open: " + cut);
        }
    }

    static Stream<Object[]> randomMarkdown() {
        Random random = new Random(42);
        String[] pieces = {"```", "`", "text ", "\n", "😀", "**bold**", "```\ncode\n```", "x"};
        return IntStream.range(0, 200).mapToObj(i -> {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(80);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            // balanced input, as our renderers produce it
            if (countFences(sb.toString()) % 2 == 1) {
                sb.append("\n```");
            }
            return new Object[] {sb.toString(), 20 + random.nextInt(150)};
        });
    }

    @ParameterizedTest
    @MethodSource("randomMarkdown")
    void anyCutKeepsTheLimitAndBalancedFences(String md, int max) {
        String cut = Trim.markdown(md, max);
        assertTrue(cut.length() <= max, cut.length() + " > " + max);
        Limits.assertEvenFences(cut);
    }

    private static int countFences(String s) {
        int n = 0;
        for (int i = s.indexOf("```"); i >= 0; i = s.indexOf("```", i + 3)) {
            n++;
        }
        return n;
    }
}
