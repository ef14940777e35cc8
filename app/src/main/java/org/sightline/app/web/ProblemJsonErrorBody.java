package org.sightline.app.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sightline.platform.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the framework answers for an API client becomes a problem JSON document. Client
 * errors (4xx) say what was wrong with the request; server errors (5xx) say only that something
 * failed and give a reference that appears in the log beside the full cause.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemJsonErrorBody implements JsonErrorResponseBodyProvider<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemJsonErrorBody.class);

    @Override
    public Map<String, Object> body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() >= 500) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Request {} {} failed (reference {})", context.getRequest().getMethodName(),
                    context.getRequest().getPath(), reference, context.getRootCause().orElse(null));
            return Problems.body(status, status.getReason(),
                    "The service could not complete this request. Reference " + reference + " in the service log.");
        }
        return Problems.body(status, status.getReason(), clientDetail(context.getErrors()));
    }

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }

    private static String clientDetail(List<Error> errors) {
        return errors.stream().map(Error::getMessage).map(ProblemJsonErrorBody::firstLine)
                .collect(Collectors.joining("; "));
    }

    // framework messages can carry nested causes on later lines; the first line says what is wrong
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
