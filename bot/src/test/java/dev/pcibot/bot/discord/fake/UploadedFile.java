package dev.pcibot.bot.discord.fake;

import java.nio.charset.StandardCharsets;

/** One {@code files[n]} part of a multipart upload. */
public record UploadedFile(String partName, String filename, String contentType, byte[] bytes) {
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return partName + "=" + filename + " (" + contentType + ", " + bytes.length + " bytes)";
    }
}
