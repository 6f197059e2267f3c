package dev.blindfold.agreement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.identity.Roles;
import dev.blindfold.web.StreamedBody;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Agreement blind vs final, and gold per item, of one project. */
@Path("/api/projects/{id}")
public class AgreementResource {

    private final AgreementService agreement;
    private final ObjectMapper json;

    AgreementResource(AgreementService agreement, ObjectMapper json) {
        this.agreement = agreement;
        this.json = json;
    }

    @GET
    @Path("/agreement")
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public AgreementService.Agreement agreement(@PathParam("id") long projectId) {
        return agreement.agreement(projectId);
    }

    /**
     * A JSON array of one {@link GoldRow} per item, streamed as the items are read. {@code source=blind|final} (default
     * blind); {@code method=majority|dawid-skene} (default majority; dawid-skene for CATEGORICAL projects only, else a
     * 400 {@code invalid-method}, as is an unknown method; more than {@link GoldRows#MAX_CLASSES} distinct answers is a
     * 400 {@code too-many-classes}). Those are answered before the 200; a failure while streaming cuts the connection
     * ({@link StreamedBody}), so a short array never looks whole.
     */
    @GET
    @Path("/gold")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response gold(@PathParam("id") long projectId, @QueryParam("source") String source,
                         @QueryParam("method") String method, @Context HttpServerRequest request) {
        Gold rows = agreement.gold(projectId, source, method);
        StreamingOutput body = StreamedBody.cutOnFailure(request, "Gold of project " + projectId, out -> {
            try (JsonGenerator gen = json.getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                gen.writeStartArray();
                rows.forEach(row -> {
                    try {
                        json.writeValue(gen, row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                gen.writeEndArray();
            }
        });
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
