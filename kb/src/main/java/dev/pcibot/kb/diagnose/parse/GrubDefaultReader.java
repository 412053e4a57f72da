package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads /etc/default/grub as the shell does when update-grub sources it: {@code KEY=value} with
 * quotes, comments, a later assignment replacing an earlier one, and {@code
 * $GRUB_CMDLINE_LINUX_DEFAULT} expanding to the value so far.
 *
 * <pre>
 * GRUB_DEFAULT=0
 * GRUB_CMDLINE_LINUX_DEFAULT="quiet intel_iommu=on iommu=pt"
 * GRUB_CMDLINE_LINUX=""
 * </pre>
 */
final class GrubDefaultReader {
    static final String DEFAULT_VAR = "GRUB_CMDLINE_LINUX_DEFAULT";
    static final String LINUX_VAR = "GRUB_CMDLINE_LINUX";
    static final Pattern ASSIGNMENT =
            Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    // java.util.regex for its replaceAll(Function); linear: one optional brace around a fixed word
    private static final java.util.regex.Pattern EXPANSION =
            java.util.regex.Pattern.compile("\\$\\{?(" + DEFAULT_VAR + "|" + LINUX_VAR + ")\\b}?");

    private GrubDefaultReader() {}

    static CmdlineOutput read(List<String> lines) {
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> lineOf = new LinkedHashMap<>();
        List<MalformedToken> malformed = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(s);
            if (!m.matches()) {
                boolean looksLikeParams = s.matches("^[A-Za-z0-9_.\\-]+(=\\S*)?(\\s+\\S+)*$");
                if (looksLikeParams) {
                    malformed.add(
                            new MalformedToken(
                                    s,
                                    "outside GRUB_CMDLINE_LINUX_DEFAULT=\"...\": has no effect"));
                } else {
                    unparsed.add(lines.get(i));
                }
                continue;
            }
            String rawValue = m.group(2);
            // a quoted value may run over several lines (or was wrapped by the paste)
            while (unclosed(rawValue) && i + 1 < lines.size()) {
                rawValue = rawValue + " " + lines.get(++i).strip();
            }
            if (rawValue.matches(".*[\u201C\u201D\u201E\u2018\u2019].*")) {
                malformed.add(
                        new MalformedToken(
                                s,
                                "typographic quotes (copied from a web page or word processor): "
                                        + "the shell does not treat them as quotes"));
            }
            ShellWord word = ShellWord.read(rawValue);
            String var = m.group(1);
            if (!var.startsWith("GRUB_")) {
                malformed.add(
                        new MalformedToken(
                                s, "outside GRUB_CMDLINE_LINUX_DEFAULT=\"...\": has no effect"));
                continue;
            }
            String value =
                    EXPANSION
                            .matcher(word.value())
                            .replaceAll(
                                    r ->
                                            java.util.regex.Matcher.quoteReplacement(
                                                    vars.getOrDefault(r.group(1), "")));
            if (!word.rest().isBlank() && !word.rest().startsWith("#")) {
                malformed.add(
                        new MalformedToken(
                                word.rest(),
                                "after the closing quote of "
                                        + var
                                        + ": not part of the command line"));
            }
            if (word.unclosed()) {
                malformed.add(new MalformedToken(s, "unbalanced quote in " + var));
            }
            if (vars.containsKey(var) && isCmdline(var) && !value.contains(vars.get(var))) {
                malformed.add(
                        new MalformedToken(
                                lineOf.get(var),
                                "replaced by a later " + var + " line: has no effect"));
            }
            vars.put(var, value);
            lineOf.put(var, s);
        }
        List<KernelParam> params = new ArrayList<>();
        KernelParamTokenizer tokenizer = new KernelParamTokenizer(params, malformed);
        // grub-mkconfig (10_linux) writes GRUB_CMDLINE_LINUX first, then ..._DEFAULT
        tokenizer.tokenize(vars.getOrDefault(LINUX_VAR, ""), LINUX_VAR, false);
        tokenizer.tokenize(vars.getOrDefault(DEFAULT_VAR, ""), DEFAULT_VAR, false);
        vars.remove(LINUX_VAR);
        vars.remove(DEFAULT_VAR);
        return new CmdlineOutput(
                params, CmdlineOutput.Source.GRUB_DEFAULT, malformed, vars, unparsed);
    }

    private static boolean isCmdline(String var) {
        return DEFAULT_VAR.equals(var) || LINUX_VAR.equals(var);
    }

    private static boolean unclosed(String rawValue) {
        return ShellWord.read(rawValue).unclosed();
    }

    /** One shell word: quoted and unquoted pieces up to the first unquoted blank. */
    private record ShellWord(String value, String rest, boolean unclosed) {
        static ShellWord read(String text) {
            StringBuilder value = new StringBuilder();
            char quote = 0;
            int i = 0;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'' || c == '`')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                } else {
                    value.append(c);
                }
            }
            return new ShellWord(value.toString(), text.substring(i).strip(), quote != 0);
        }
    }
}
