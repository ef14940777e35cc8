package org.sightline.app.security.adapter.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.LoginHandler;
import java.util.regex.Pattern;
import org.sightline.app.security.UserService;

/**
 * The login form's target. On success the user gets the session cookie and goes to the page they
 * asked for (a local path only) or the start page; on failure back to the login page.
 */
@Controller("/login")
public class FormLoginController {

    // a local absolute path: no scheme, no host, no backslashes, no "//" (open-redirect proof)
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_\\-.]*");

    private final UserService users;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;

    public FormLoginController(UserService users, LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler) {
        this.users = users;
        this.loginHandler = loginHandler;
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public MutableHttpResponse<?> login(@Nullable String username, @Nullable String password, @Nullable String next,
                                        HttpRequest<?> request) {
        UserService.LoginResult result = users.login(username, password);
        if (result instanceof UserService.LoginResult.Success success) {
            MutableHttpResponse<?> response = loginHandler.loginSuccess(Authentications.of(success.user()), request);
            if (next != null && LOCAL_PATH.matcher(next).matches()) {
                // replace, not add: two Location headers make browsers refuse the response
                response.getHeaders().set(HttpHeaders.LOCATION, next);
            }
            return response;
        }
        String reason = ((UserService.LoginResult.Refused) result).reason();
        return loginHandler.loginFailed(AuthenticationResponse.failure(reason), request);
    }
}
