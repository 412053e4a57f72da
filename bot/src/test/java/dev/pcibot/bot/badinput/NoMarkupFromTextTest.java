package dev.pcibot.bot.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page's scripts put no text into the DOM as markup: {@code innerHTML}, {@code outerHTML},
 * {@code insertAdjacentHTML}, {@code document.write} and {@code srcdoc} may only be given a constant
 * string, and the HTML parsers reachable from script ({@code createContextualFragment},
 * {@code DOMParser}) and string code ({@code eval}, {@code new Function}, a string to
 * {@code setTimeout}) are not used at all. The scan is checked against examples first, so it
 * cannot silently pass everything.
 */
final class NoMarkupFromTextTest {
    /** A sink given something: group 1 names the sink, group 2 is what it is given, up to the statement's end. */
    private static final Pattern SINK = Pattern.compile(
            "\\.(innerHTML|outerHTML|srcdoc)\\s*\\+?=\\s*([^;\\n]*)"
                    + "|\\.(insertAdjacentHTML)\\s*\\(\\s*[^,]+,\\s*([^;\\n]*)\\)"
                    + "|(document\\.write(?:ln)?)\\s*\\(([^;\\n]*)\\)");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "createContextualFragment|DOMParser|\\beval\\s*\\(|new\\s+Function\\s*\\(|setTimeout\\s*\\(\\s*[\"'`]"
                    + "|setInterval\\s*\\(\\s*[\"'`]");
    /** One string literal without interpolation, nothing else. */
    private static final Pattern CONSTANT = Pattern.compile("\\s*(\"[^\"\\\\]*\"|'[^'\\\\]*'|`[^`$\\\\]*`)\\s*");

    /** Where script puts markup from anything but a constant, as "sink: argument" lines. */
    static List<String> markupSinks(String js) {
        List<String> found = new ArrayList<>();
        String code = js.replaceAll("(?m)^\\s*//.*$", ""); // comments may name the sinks (app.js's header does)
        Matcher m = SINK.matcher(code);
        while (m.find()) {
            String sink = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
            String argument = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : m.group(6);
            if (!CONSTANT.matcher(argument).matches()) {
                found.add(sink + ": " + argument.strip());
            }
        }
        Matcher f = FORBIDDEN.matcher(code);
        while (f.find()) {
            found.add(f.group());
        }
        return found;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "out.innerHTML = result.query;                      | innerHTML: result.query",
        "out.innerHTML += '<b>' + q + '</b>';               | innerHTML: '<b>' + q + '</b>'",
        "node.outerHTML = `<p>${text}</p>`;                 | outerHTML: `<p>${text}</p>`",
        "el.insertAdjacentHTML('beforeend', html);          | insertAdjacentHTML: html",
        "document.write(location.hash);                     | document.write: location.hash",
        "frame.srcdoc = body;                               | srcdoc: body",
        "range.createContextualFragment(s);                 | createContextualFragment",
        "new DOMParser().parseFromString(s, 'text/html');   | DOMParser",
        "eval(code);                                        | eval(",
        "setTimeout('go()', 5);                             | setTimeout('",
    })
    void theScanFindsMarkupFromText(String line, String expected) {
        assertEquals(List.of(expected), markupSinks(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "out.innerHTML = \"\";",
        "out.innerHTML = '';",
        "out.textContent = result.query;",
        "out.replaceChildren(el('p', null, text));",
        "// no user text ever goes through innerHTML",
        "setTimeout(() => { button.textContent = 'Copy'; }, 1500);",
    })
    void theScanLetsConstantsAndTextThrough(String line) {
        assertEquals(List.of(), markupSinks(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.js", "troubleshoot.js"})
    void thePageScriptsPutNoTextIntoTheDomAsMarkup(String script) throws IOException {
        String js;
        try (InputStream in = NoMarkupFromTextTest.class.getResourceAsStream("/public/" + script)) {
            assertTrue(in != null, "no public/" + script);
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(js.contains("textContent") || js.contains("append"), "read the real script: " + script);
        assertEquals(List.of(), markupSinks(js), script);
    }
}
