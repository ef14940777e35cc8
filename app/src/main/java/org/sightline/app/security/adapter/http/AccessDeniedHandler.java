package org.sightline.app.security.adapter.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.sightline.app.web.WebPages;
import org.sightline.platform.http.Problems;

/**
 * Answers a refused request: a browser asking for a page is sent to the login page (not logged in)
 * or shown a "not allowed" page (logged in without the role); API clients get a problem JSON 401
 * or 403. Never a stack trace.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final WebPages pages;

    public AccessDeniedHandler(WebPages pages) {
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean browser = WebPages.wantsHtml(request);
        if (!exception.isForbidden()) {
            if (browser) {
                String next = URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8);
                return HttpResponse.seeOther(URI.create("/login?next=" + next));
            }
            return Problems.response(HttpStatus.UNAUTHORIZED, "Login required",
                            "Log in with a form at /login or send 'Authorization: Bearer <token>' from POST /api/token.")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sightline\"");
        }
        if (browser) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(pages.forbiddenPage(request.getPath()));
        }
        return Problems.response(HttpStatus.FORBIDDEN, "Not allowed",
                "Your account does not hold a role that may use " + request.getMethodName() + " " + request.getPath() + ".");
    }
}
