package dev.pcibot.bot.http;

import dev.pcibot.ingest.WebOrigins;
import dev.pcibot.kb.search.Citation;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Writes every {@link Citation} the API returns (in hits' {@code alsoIn}, in findings) with its
 * link only when it is a web address: the page puts it in an {@code href}, so a {@code javascript:}
 * or {@code file:} URL must never get there, whatever index it came from. Same keys as the record.
 */
@Singleton
final class CitationSerializer implements Serializer<Citation> {
    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Citation> type, Citation value)
            throws IOException {
        Encoder object = encoder.encodeObject(type);
        object.encodeKey("sectionId");
        object.encodeString(value.sectionId());
        object.encodeKey("guideTitle");
        object.encodeString(value.guideTitle());
        object.encodeKey("headingPath");
        Encoder path = object.encodeArray(Argument.listOf(String.class));
        for (String heading : value.headingPath()) {
            path.encodeString(heading);
        }
        path.finishStructure();
        object.encodeKey("url");
        object.encodeString(WebOrigins.orEmpty(value.url()));
        object.finishStructure();
    }
}
