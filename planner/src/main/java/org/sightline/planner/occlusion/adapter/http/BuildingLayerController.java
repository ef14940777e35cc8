package org.sightline.planner.occlusion.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.RowProblem;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.planner.occlusion.application.BuildingLayers;
import org.sightline.planner.occlusion.domain.BuildingLayer;

/**
 * Building footprint layers that plans use to block views: {@code GET /api/planning/building-layers}
 * lists them; {@code POST /api/planning/building-layers} (multipart, part {@code file}: GeoJSON or
 * GeoPackage, optional part {@code name}) stores one, answering 201 with the layer and the features
 * it rejected, 200 when the same file was stored before, 400 with a problem document when the file
 * holds no usable polygon. A plan refers to a layer by id ({@code occlusionLayer}).
 */
@Controller("/api/planning/building-layers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BuildingLayerController {

    private final BuildingLayers layers;
    private final ObjectMapper json;

    public BuildingLayerController(BuildingLayers layers, ObjectMapper json) {
        this.layers = layers;
        this.json = json;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public MutableHttpResponse<byte[]> list() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BuildingLayer l : layers.list()) {
            out.add(view(l));
        }
        return HttpResponse.ok(json.writeValueAsBytes(out)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = {MediaType.APPLICATION_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> upload(@Nullable CompletedFileUpload file, @Nullable String name,
                                              @Nullable String layer, @Nullable Principal user) throws IOException {
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return GeoJsonResponses.badRequest("send the footprints as the multipart part 'file' (GeoJSON or GeoPackage)");
        }
        String original = Path.of(file.getFilename().replace('\\', '/')).getFileName().toString();
        var format = FeatureFormat.of(Path.of(original)).filter(f -> f != FeatureFormat.CSV);
        if (format.isEmpty()) {
            return GeoJsonResponses.badRequest("building footprints must be a .geojson, .geojsonl or .gpkg file, was '"
                    + original + "'");
        }
        Path temp = Files.createTempFile("sightline-buildings-", format.get().extension());
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            BuildingLayers.Imported imported = layers.importFile(temp,
                    layer == null || layer.isBlank() ? Optional.empty() : Optional.of(layer.strip()),
                    name == null || name.isBlank() ? original : name, user == null ? "" : user.getName());
            Map<String, Object> body = view(imported.layer());
            body.put("stored", imported.stored());
            body.put("message", imported.describe().replace(temp.getFileName().toString(), original));
            body.put("rejected", imported.summary().map(s -> s.rowsRejected()).orElse(0L));
            body.put("problems", imported.summary().map(s -> s.problems().stream().limit(20)
                    .map(RowProblem::toString).map(t -> t.replace(temp.getFileName().toString(), original)).toList())
                    .orElse(List.of()));
            return HttpResponse.<byte[]>status(imported.stored() ? HttpStatus.CREATED : HttpStatus.OK)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).body(json.writeValueAsBytes(body));
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.problem(HttpStatus.BAD_REQUEST, "The buildings cannot be used",
                    String.valueOf(e.getMessage()).replace(temp.getFileName().toString(), original));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Map<String, Object> view(BuildingLayer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id().toString());
        m.put("name", l.name());
        m.put("footprints", l.footprints());
        m.put("createdBy", l.createdBy());
        m.put("createdAt", l.createdAt().toString());
        return m;
    }
}
