package org.sightline.alerting.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.sightline.platform.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failed alerting store into a 503 problem; the details go to the log only. */
@Singleton
@Produces
@Requires(classes = {AlertingStoreException.class, ExceptionHandler.class})
public class AlertingStoreExceptionHandler implements ExceptionHandler<AlertingStoreException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingStoreExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, AlertingStoreException exception) {
        LOG.error("alerting store failed on {} {}", request.getMethod(), request.getPath(), exception);
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "Alerting data unavailable",
                "Hotlists or alerts could not be read from the database; try again shortly.", null);
    }
}
