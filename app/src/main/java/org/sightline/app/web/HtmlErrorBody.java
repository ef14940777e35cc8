package org.sightline.app.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Error pages for browsers, in Sightline's style, with no internals. */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
public class HtmlErrorBody implements HtmlErrorResponseBodyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrorBody.class);
    private final WebPages pages;

    public HtmlErrorBody(WebPages pages) {
        this.pages = pages;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail;
        if (status.getCode() >= 500) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Request {} {} failed (reference {})", context.getRequest().getMethodName(),
                    context.getRequest().getPath(), reference, context.getRootCause().orElse(null));
            detail = "Something went wrong on the server. Reference " + reference + ".";
        } else if (status == HttpStatus.NOT_FOUND) {
            detail = "There is no page at this address.";
        } else {
            detail = context.getErrors().isEmpty() ? status.getReason()
                    : ProblemJsonErrorBody.firstLine(context.getErrors().get(0).getMessage());
        }
        return pages.errorPage(status.getCode(), status.getReason(), detail);
    }
}
