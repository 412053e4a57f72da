package dev.pcibot.bot.http;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/** The JSON form of {@code POST /api/diagnose}: {@code {"text": "...pasted output..."}}. */
@Serdeable
public record DiagnoseRequest(@Nullable String text) {}
