package org.sightline.geo.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.sightline.geo.db.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A failing geo database becomes a 503 problem response; the cause goes to the log, not to the user. */
@Produces
@Singleton
public class StoreExceptionHandler implements ExceptionHandler<StoreException, HttpResponse<byte[]>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreExceptionHandler.class);

    @Override
    public HttpResponse<byte[]> handle(HttpRequest request, StoreException exception) {
        LOG.error("geo store failed on {} {}", request.getMethod(), request.getPath(), exception);
        return GeoJsonResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Geo data unavailable",
                "The map data could not be read from the database; try again shortly.");
    }
}
