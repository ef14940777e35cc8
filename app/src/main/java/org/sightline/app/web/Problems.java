package org.sightline.app.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds RFC 9457 problem responses ({@code application/problem+json}). */
public final class Problems {

    /** Media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** A problem document with type, title, status and detail. */
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
        return HttpResponse.<Map<String, Object>>status(status).contentType(MEDIA_TYPE).body(body(status, title, detail));
    }
}
