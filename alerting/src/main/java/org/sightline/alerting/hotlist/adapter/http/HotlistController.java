package org.sightline.alerting.hotlist.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.hotlist.CovertAccessException;
import org.sightline.alerting.hotlist.HotlistService;
import org.sightline.alerting.hotlist.ImportReport;
import org.sightline.alerting.hotlist.domain.AlertScope;
import org.sightline.alerting.hotlist.domain.EntryDraft;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistKind;
import org.sightline.alerting.web.CovertClearance;
import org.sightline.alerting.web.JsonBodyTypes;
import org.sightline.platform.http.Problems;

/**
 * Hotlist API: lists, entries, CSV import, removal. Bodies are read as text and decoded here so
 * that every bad body (not JSON, wrong types, too large) gets a 400 problem and changes nothing.
 */
@Controller("/api/hotlists")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HotlistController {

    /** Largest JSON body accepted for one list or entry. */
    static final int MAX_JSON_BYTES = 16 * 1024;

    private final HotlistService service;
    private final JsonMapper json;
    private final AlertingProperties config;

    public HotlistController(HotlistService service, JsonMapper json, AlertingProperties config) {
        this.service = service;
        this.json = json;
        this.config = config;
    }

    @Get
    public List<HotlistDtos.ListBody> lists(Authentication auth) {
        return service.lists(CovertClearance.cleared(auth)).stream().map(HotlistDtos.ListBody::of).toList();
    }

    @Put(uri = "/{code}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> saveList(String code, @Nullable @Body String body, Authentication auth) {
        HotlistDtos.ListBody req;
        try {
            req = decode(body, HotlistDtos.ListBody.class);
            Hotlist list = new Hotlist(code, req.name(), HotlistKind.valueOf(upper(req.kind(), "kind")),
                    req.scope() == null ? AlertScope.ARTERIAL_ONLY : AlertScope.valueOf(upper(req.scope(), "scope")),
                    Boolean.TRUE.equals(req.covert()));
            return HttpResponse.ok(HotlistDtos.ListBody.of(service.saveList(list, auth.getName(),
                    CovertClearance.cleared(auth))));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Problems.badRequest("not a valid hotlist: " + e.getMessage()
                    + " (kind: " + List.of(HotlistKind.values()) + ", scope: " + List.of(AlertScope.values()) + ")", null);
        }
    }

    @Get("/{code}/entries")
    public HttpResponse<?> entries(String code, Authentication auth) {
        return service.entries(code, CovertClearance.cleared(auth))
                .<HttpResponse<?>>map(l -> HttpResponse.ok(l.stream().map(HotlistDtos.EntryBody::of).toList()))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "Not Found", "no hotlist '" + code + "'", null));
    }

    @Post(uri = "/entries", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> add(@Nullable @Body String body, Authentication auth) {
        HotlistDtos.EntryRequest req;
        try {
            req = decode(body, HotlistDtos.EntryRequest.class);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage(), null);
        }
        EntryDraft draft = new EntryDraft(req.list(), req.plate(), req.reason(),
                req.priority() == null ? null : req.priority().toString(), req.instruction(),
                req.covert() == null ? "" : req.covert().toString(), req.source(), req.validFrom(), req.expiresAt());
        EntryDraft.Checked checked = service.add(draft, auth.getName(), CovertClearance.cleared(auth));
        if (!checked.ok()) {
            return Problems.badRequest("the entry was not added: " + String.join("; ", checked.problems()),
                    checked.problems());
        }
        return HttpResponse.created(HotlistDtos.EntryBody.of(checked.entry()));
    }

    @Post(uri = "/import", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> importCsv(@Nullable @Body String body, Authentication auth) throws IOException {
        if (body == null || body.isBlank()) {
            return Problems.badRequest("the file is empty; send CSV with the header "
                    + String.join(",", org.sightline.alerting.hotlist.domain.EntryImport.COLUMNS), null);
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxImportBytes()) {
            return Problems.badRequest("the file is " + bytes + " bytes, more than the limit of "
                    + config.maxImportBytes() + " for an upload; import large files with 'sightline hotlist import'", null);
        }
        try {
            ImportReport report = service.importCsv(new StringReader(body), auth.getName(),
                    CovertClearance.cleared(auth));
            return HttpResponse.ok(report);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage(), null);
        }
    }

    @Delete("/entries/{id}")
    public HttpResponse<?> remove(String id, Authentication auth) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest("entry id must be a UUID, was '" + id + "'", null);
        }
        if (!service.remove(uuid, auth.getName(), CovertClearance.cleared(auth))) {
            return Problems.response(HttpStatus.NOT_FOUND, "Not Found", "no live entry " + id, null);
        }
        return HttpResponse.noContent();
    }

    @Error(exception = CovertAccessException.class)
    public HttpResponse<?> covert(CovertAccessException e) {
        return Problems.response(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
    }

    private <T extends Record> T decode(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the request body is empty; send a JSON object");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("the request body is " + bytes + " bytes, more than the limit of "
                    + MAX_JSON_BYTES);
        }
        JsonBodyTypes.check(json, body, type);
        try {
            T value = json.readValue(body, Argument.of(type));
            if (value == null) {
                throw new IllegalArgumentException("the request body must be a JSON object");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("unreadable");
            throw new IllegalArgumentException("the request body is not valid: " + (m.length() > 200 ? m.substring(0, 200) : m));
        }
    }

    private static String upper(String s, String field) {
        if (s == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return s.strip().toUpperCase(Locale.ROOT);
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
