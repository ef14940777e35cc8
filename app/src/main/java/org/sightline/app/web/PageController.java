package org.sightline.app.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.net.URI;

/** Serves the HTML pages; who may open which is decided by the access policy, not here. */
@Controller
@Produces(MediaType.TEXT_HTML)
public class PageController {

    private final WebPages pages;

    public PageController(WebPages pages) {
        this.pages = pages;
    }

    @Get("/")
    public String landing() {
        return pages.page(WebPages.Page.LANDING);
    }

    @Get("/login")
    public String login() {
        return pages.loginPage();
    }

    @Get("/operator")
    public String operator() {
        return pages.page(WebPages.Page.OPERATOR);
    }

    @Get("/planner")
    public String planner() {
        return pages.page(WebPages.Page.PLANNER);
    }

    @Get("/engineer")
    public String engineer() {
        return pages.page(WebPages.Page.ENGINEER);
    }

    @Get("/search")
    public String search() {
        return pages.page(WebPages.Page.SEARCH);
    }

    @Get("/favicon.ico")
    public HttpResponse<?> favicon() {
        return HttpResponse.permanentRedirect(URI.create("/assets/favicon.svg"));
    }
}
