package dev.pcibot.kb.diagnose.parse;

import java.util.List;
import com.google.re2j.Pattern;

/**
 * Splits a command line into parameters the way the kernel does ({@code next_arg} in
 * kernel/params.c): whitespace separates, double quotes protect spaces, the first {@code =} splits
 * name from value. What the kernel would misread is reported, not dropped.
 */
final class KernelParamTokenizer {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final List<KernelParam> params;
    private final List<MalformedToken> malformed;

    KernelParamTokenizer(List<KernelParam> params, List<MalformedToken> malformed) {
        this.params = params;
        this.malformed = malformed;
    }

    /** Adds the parameters of {@code text}; {@code bareFile} marks /etc/kernel/cmdline. */
    void tokenize(String text, String origin, boolean bareFile) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean quoted = false;
            while (i < n && (quoted || !Character.isWhitespace(text.charAt(i)))) {
                if (text.charAt(i) == '"') {
                    quoted = !quoted;
                }
                i++;
            }
            if (i > start) {
                token(text.substring(start, i), origin, bareFile, quoted);
            }
        }
    }

    private void token(String raw, String origin, boolean bareFile, boolean unclosedQuote) {
        if (unclosedQuote) {
            malformed.add(
                    new MalformedToken(
                            raw,
                            "unbalanced double quote: the rest of the line becomes one value"));
            return;
        }
        if (raw.matches(".*[\u201C\u201D\u201E].*")) {
            malformed.add(
                    new MalformedToken(raw, "typographic quotes are not quotes to the kernel"));
            return;
        }
        int eq = raw.indexOf('=');
        String name = eq < 0 ? raw : raw.substring(0, eq);
        String value = eq < 0 ? null : unquote(raw.substring(eq + 1));
        if (name.isEmpty()) {
            malformed.add(
                    new MalformedToken(
                            raw,
                            "stray '=': no spaces are allowed around '=' in a kernel parameter"));
        } else if (bareFile && name.startsWith("GRUB_")) {
            malformed.add(
                    new MalformedToken(
                            raw,
                            "/etc/kernel/cmdline takes bare parameters, not a GRUB_ variable"
                                    + " line"));
        } else if (!NAME.matcher(name).matches()) {
            malformed.add(new MalformedToken(raw, "not a valid parameter name: '" + name + "'"));
        } else if (value != null && value.isEmpty()) {
            malformed.add(new MalformedToken(raw, "no value after '='"));
            params.add(new KernelParam(name, value, raw, origin));
        } else {
            params.add(new KernelParam(name, value, raw, origin));
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
