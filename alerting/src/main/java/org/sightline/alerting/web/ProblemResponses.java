package org.sightline.alerting.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem responses and the caller facts the alerting controllers need. */
public final class ProblemResponses {

    /** Attribute of the authentication that carries covert clearance (set by the app at login). */
    public static final String COVERT_ATTRIBUTE = "covert";

    private ProblemResponses() {
    }

    /** A problem response with type, title, status and detail, and optional per-item problems. */
    public static MutableHttpResponse<Map<String, Object>> problem(HttpStatus status, String title, String detail,
                                                                  List<?> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        if (problems != null && !problems.isEmpty()) {
            body.put("problems", problems);
        }
        return HttpResponse.<Map<String, Object>>status(status).contentType("application/problem+json").body(body);
    }

    /** A 400 problem. */
    public static MutableHttpResponse<Map<String, Object>> badRequest(String detail, List<?> problems) {
        return problem(HttpStatus.BAD_REQUEST, "Bad Request", detail, problems);
    }

    /** True when the user is cleared for covert lists. */
    public static boolean covertCleared(Authentication auth) {
        return auth != null && Boolean.TRUE.equals(auth.getAttributes().get(COVERT_ATTRIBUTE));
    }
}
