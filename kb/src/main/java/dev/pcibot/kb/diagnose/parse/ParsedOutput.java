package dev.pcibot.kb.diagnose.parse;

import java.util.List;

/** What every parser returns besides its own facts: the lines it did not understand. */
public interface ParsedOutput {
    List<String> unparsed();
}
