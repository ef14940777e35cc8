package org.sightline.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;

/**
 * A request body over the server's limit ({@code micronaut.server.max-request-size}) is a bad
 * request like any other: 400 with a problem document that states the limit (in {@code detail} and
 * as {@code maxRequestBytes}), instead of the framework's bare 413. Nothing was read, so nothing
 * changed.
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
@Requires(classes = ExceptionHandler.class)
public class RequestTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private final long maxRequestBytes;

    public RequestTooLargeHandler(HttpServerConfiguration server) {
        this.maxRequestBytes = server.getMaxRequestSize();
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        Map<String, Object> body = Problems.body(HttpStatus.BAD_REQUEST, "Request body too large",
                "the request body is larger than the service takes in one request: at most " + readable(maxRequestBytes)
                        + " (" + maxRequestBytes + " bytes); nothing was changed. Larger files go through the command line"
                        + " (sightline hotlist import, sightline plan buildings, sightline import).");
        body.put("maxRequestBytes", maxRequestBytes);
        return Problems.response(HttpStatus.BAD_REQUEST, body);
    }

    private static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
