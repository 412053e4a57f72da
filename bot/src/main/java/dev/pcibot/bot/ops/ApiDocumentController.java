package dev.pcibot.bot.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/openapi.yml}: the OpenAPI document of the HTTP API, written at compile time by
 * micronaut-openapi from the controllers (META-INF/swagger/), so it cannot drift from the routes.
 */
@OpenAPIDefinition(info = @Info(title = ApiDocumentController.TITLE, version = ApiDocumentController.VERSION,
        description = "PCIe/GPU passthrough help for Proxmox VE: search the guides, diagnose pasted output, walk a"
                + " troubleshooting conversation. Every error is JSON {\"error\": message, \"status\": code} with a 4xx"
                + " or 5xx status (schema ApiError), never a stack trace."))
@Controller("/api/openapi.yml")
final class ApiDocumentController {
    static final String TITLE = "pcibot";
    static final String VERSION = "1";
    /** Where the annotation processor writes it: title-version.yml. */
    static final String RESOURCE = "META-INF/swagger/" + TITLE + "-" + VERSION + ".yml";

    private final String document;

    ApiDocumentController() {
        this.document = read();
    }

    @Get
    @Produces("application/yaml")
    @ApiResponse(responseCode = "200", description = "The OpenAPI 3 document")
    HttpResponse<String> document() {
        return HttpResponse.ok(document);
    }

    static String read() {
        try (InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build with the micronaut-openapi processor");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
