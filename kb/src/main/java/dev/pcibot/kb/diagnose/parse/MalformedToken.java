package dev.pcibot.kb.diagnose.parse;

/**
 * Something in a kernel command line source that will not do what its author meant, and why.
 *
 * @param text the token or line as written
 * @param reason one sentence for the user
 */
public record MalformedToken(String text, String reason) {}
