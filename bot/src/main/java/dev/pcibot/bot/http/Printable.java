package dev.pcibot.bot.http;

/** Client-supplied text quoted back in an error message: control characters dropped, length capped. */
final class Printable {
    private Printable() {}

    static String of(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }
}
