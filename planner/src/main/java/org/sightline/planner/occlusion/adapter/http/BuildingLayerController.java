package org.sightline.planner.occlusion.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.RowProblem;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.planner.occlusion.application.BuildingLayers;
import org.sightline.planner.occlusion.domain.BuildingLayer;

/**
 * Building footprint layers that plans use to block views: {@code GET /api/planning/building-layers}
 * lists them; {@code POST /api/planning/building-layers} (multipart, part {@code file}: GeoJSON or
 * GeoPackage, optional part {@code name}) stores one, answering 201 with the layer and the features
 * it rejected, 200 when the same file was stored before, 400 with a problem document when the file
 * holds no usable polygon. {@code GET /api/planning/building-layers/{id}/footprints?bbox=W,S,E,N}
 * gives the footprints in a box of at most {@value #MAX_BOX_DEGREES}° a side (at most
 * {@value #MAX_FEATURES}) as GeoJSON, for the map. A plan refers to a layer by id
 * ({@code buildingLayer}).
 */
@Controller("/api/planning/building-layers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BuildingLayerController {

    /** Largest side of a footprint box, in degrees (about 7 km × 11 km: a map zoomed to streets). */
    public static final double MAX_BOX_DEGREES = 0.1;
    /** Most footprints one box returns. */
    public static final int MAX_FEATURES = 20_000;

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

    @Get(uri = "/{id}/footprints", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> footprints(@PathVariable String id, @Nullable @QueryValue String bbox) {
        BoundingBox box;
        try {
            box = GeoJsonResponses.bbox(bbox).orElseThrow(() -> new IllegalArgumentException(
                    "bbox is missing: give west,south,east,north in WGS84 degrees"));
            if (box.maxLon() - box.minLon() > MAX_BOX_DEGREES || box.maxLat() - box.minLat() > MAX_BOX_DEGREES) {
                throw new IllegalArgumentException("bbox must be at most " + MAX_BOX_DEGREES + "° a side: zoom in");
            }
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
        Optional<BuildingLayer> layer = layers.find(id);
        if (layer.isEmpty()) {
            return GeoJsonResponses.problem(HttpStatus.NOT_FOUND, "Not found", "no stored building layer '" + id + "'");
        }
        List<GeoFeature> features = new ArrayList<>();
        for (Polygon p : layers.footprints(layer.get(), box.toEnvelope())) {
            if (features.size() >= MAX_FEATURES) {
                break;
            }
            features.add(new GeoFeature(features.size() + 1, p, Map.of()));
        }
        return GeoJsonResponses.collection(features);
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
