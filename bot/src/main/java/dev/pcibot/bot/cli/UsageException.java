package dev.pcibot.bot.cli;

/** The command line is wrong (unknown option, missing value, bad number); the message says how. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
