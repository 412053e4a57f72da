package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a heading off the code line it was glued to when a page's code blocks were flattened
 * into text (the complete guide):
 *
 * <pre>
 * find /sys/kernel/iommu_groups/ -type l | head -20Configure GRUB
 *   -&gt;  find /sys/kernel/iommu_groups/ -type l | head -20
 *       Configure GRUB
 * </pre>
 *
 * Only a command or comment line is split, at the first place where a lower-case letter, digit or
 * closing bracket runs straight into a capital and what follows reads as a heading.
 */
final class GluedHeadings {

    private static final Pattern GLUE = Pattern.compile("(?<=[a-z0-9)\\]:])(?=[A-Z])");
    // The first word has two letters at least: "Manage 3D Settings" is not glued.
    private static final Pattern HEADING = Pattern.compile("[A-Z][\\w’'()/&+.-]+(?::? [\\w’'()/&+.-]+){0,6}");

    private GluedHeadings() {}

    static List<String> split(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.addAll(split(line));
        }
        return out;
    }

    static List<String> split(String line) {
        Matcher glue = GLUE.matcher(line);
        while (glue.find()) {
            String code = line.substring(0, glue.start());
            String rest = line.substring(glue.start());
            if (rest.length() >= 4 && HEADING.matcher(rest).matches() && isCode(code)) {
                return List.of(code, rest);
            }
        }
        return List.of(line);
    }

    private static boolean isCode(String text) {
        return CommandLines.isComment(text) || CommandLines.command(text).isPresent();
    }
}
