package dev.pcibot.kb.diagnose.parse;

/**
 * Reads one kind of command output into a typed record. Parsers are lenient: an odd line never
 * throws, it is kept in the output's list of lines not understood.
 *
 * @param <T> the parsed output record
 */
public interface Parser<T extends ParsedOutput> {
    T parse(String text);
}
