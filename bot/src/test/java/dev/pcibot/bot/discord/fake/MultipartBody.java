package dev.pcibot.bot.discord.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} upload as JDA sends it: a {@code payload_json} part with the JSON
 * body and {@code files[n]} parts (discord-fake.md §1.7). Parsed with OkHttp's own reader. A
 * diagnosis with its report attached, as the fake receives it:
 * <pre>
 * --8a6f2c1e-…
 * Content-Disposition: form-data; name="payload_json"
 * Content-Type: application/json; charset=utf-8
 *
 * {"embeds":[…],"attachments":[{"id":"0","filename":"diagnosis-report.txt"}],"allowed_mentions":{"parse":[]}}
 * --8a6f2c1e-…
 * Content-Disposition: form-data; name="files[0]"; filename="diagnosis-report.txt"
 * Content-Type: application/octet-stream
 *
 * Diagnosis of your paste …
 * --8a6f2c1e-…--
 * </pre>
 *
 * @param payloadJson the JSON part, "" when absent
 * @param files the file parts, in order
 */
record MultipartBody(String payloadJson, List<UploadedFile> files) {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    /** Null when {@code contentType} is not multipart. */
    static @Nullable MultipartBody parse(@Nullable String contentType, ByteString body) {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
            return null;
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return new MultipartBody("", List.of());
        }
        String payload = "";
        List<UploadedFile> files = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary.group(1))) {
            for (MultipartReader.Part next = reader.nextPart(); next != null; next = reader.nextPart()) {
                try (MultipartReader.Part part = next) {
                    String disposition = String.valueOf(part.headers().get("Content-Disposition"));
                    String name = group(NAME, disposition);
                    byte[] bytes = part.body().readByteArray();
                    if (name.equals("payload_json")) {
                        payload = new String(bytes, StandardCharsets.UTF_8);
                    } else {
                        String type = part.headers().get("Content-Type");
                        files.add(new UploadedFile(name, group(FILENAME, disposition),
                                type == null ? "application/octet-stream" : type, bytes));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable multipart body", e);
        }
        return new MultipartBody(payload, files);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}
