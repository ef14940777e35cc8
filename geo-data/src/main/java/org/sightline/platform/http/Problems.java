package org.sightline.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem documents ({@code application/problem+json}): the one place that decides their
 * members ({@code type}, {@code title}, {@code status}, {@code detail} when there is one, and
 * extension members such as {@code problems}, a per-item list). Every module answers a problem
 * through here, as a map body or, for resources typed {@code HttpResponse<byte[]>}, as bytes.
 */
public final class Problems {

    /** Media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonFactory JSON = new JsonFactory();

    private Problems() {
    }

    /** A problem document with type, title, status and (when not blank) detail; the map may be extended. */
    public static Map<String, Object> body(HttpStatus status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.getCode());
        if (detail != null && !detail.isBlank()) {
            problem.put("detail", detail);
        }
        return problem;
    }

    /** A response carrying a problem document. */
    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String title, String detail) {
        return response(status, body(status, title, detail));
    }

    /** A response carrying a problem document and, when there are any, the per-item {@code problems}. */
    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String title, String detail,
                                                                   List<?> problems) {
        Map<String, Object> body = body(status, title, detail);
        if (problems != null && !problems.isEmpty()) {
            body.put("problems", problems);
        }
        return response(status, body);
    }

    /** A response carrying a document made by {@link #body} (perhaps with extension members added). */
    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, Map<String, Object> body) {
        return HttpResponse.<Map<String, Object>>status(status).contentType(MEDIA_TYPE).body(body);
    }

    /** A 400 problem ("Bad Request") with the per-item {@code problems} when there are any. */
    public static MutableHttpResponse<Map<String, Object>> badRequest(String detail, List<?> problems) {
        return response(HttpStatus.BAD_REQUEST, "Bad Request", detail, problems);
    }

    /**
     * The same document as {@link #response(HttpStatus, String, String)}, already written as JSON,
     * for resources whose responses are bytes (GeoJSON).
     */
    public static MutableHttpResponse<byte[]> bytes(HttpStatus status, String title, String detail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> member : body(status, title, detail).entrySet()) {
                if (member.getValue() instanceof Number n) {
                    g.writeNumberField(member.getKey(), n.intValue());
                } else {
                    g.writeStringField(member.getKey(), String.valueOf(member.getValue()));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e);
        }
        return HttpResponse.<byte[]>status(status).contentType(MEDIA_TYPE).body(out.toByteArray());
    }
}
