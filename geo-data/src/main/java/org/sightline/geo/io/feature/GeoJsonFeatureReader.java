package org.sightline.geo.io.feature;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.InputFiles;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.ReadTally;

/**
 * Streams features from GeoJSON (a FeatureCollection, a single Feature or a bare geometry) and
 * GeoJSON-lines (one Feature per line, optionally RS-prefixed as in RFC 8142). Only one feature
 * is held in memory at a time. Coordinates are WGS84 as RFC 7946 requires; a legacy {@code crs}
 * member naming EPSG:27700 (British National Grid) is also understood. Thread-safe.
 */
public final class GeoJsonFeatureReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectionService projections;

    public GeoJsonFeatureReader(ProjectionService projections) {
        this.projections = projections;
    }

    /** Reads a GeoJSON document. */
    public <T> ReadSummary read(Path file, FeatureMapper<T> mapper, Consumer<T> sink, ReadListener listener) {
        FeatureDelivery<T> out = new FeatureDelivery<>(mapper, sink, new ReadTally(file.getFileName().toString(), listener));
        try (BufferedReader text = InputFiles.openText(file, listener); JsonParser p = JSON.createParser(text)) {
            readDocument(p, out);
        } catch (NoSuchFileException e) {
            out.tally().fileProblem(0, "file not found: " + file);
        } catch (JsonParseException e) {
            out.tally().fileProblem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            out.tally().fileProblem(0, "cannot read the file: " + e.getMessage());
        }
        return out.tally().summary();
    }

    /** Reads GeoJSON-lines: each non-blank line is one Feature; a broken line rejects only itself. */
    public <T> ReadSummary readLines(Path file, FeatureMapper<T> mapper, Consumer<T> sink, ReadListener listener) {
        FeatureDelivery<T> out = new FeatureDelivery<>(mapper, sink, new ReadTally(file.getFileName().toString(), listener));
        long line = 0;
        try (BufferedReader text = InputFiles.openText(file, listener)) {
            String s;
            while ((s = text.readLine()) != null) {
                line++;
                String json = s.strip();
                if (json.startsWith("\u001e")) {
                    json = json.substring(1).strip();
                }
                if (json.isEmpty()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(json);
                } catch (IOException e) {
                    out.reject(line, "not valid JSON: " + firstLine(e.getMessage()));
                    continue;
                }
                feature(line, node, Optional.empty(), out);
            }
        } catch (NoSuchFileException e) {
            out.tally().fileProblem(0, "file not found: " + file);
        } catch (IOException e) {
            out.tally().fileProblem(line + 1, "the file ends unexpectedly after line " + line + ": " + e.getMessage());
        }
        if (line == 0 && out.tally().summary().rowsRead() == 0 && out.tally().summary().complete()) {
            out.tally().fileProblem(0, "the file is empty; expected one GeoJSON Feature per line");
        }
        return out.tally().summary();
    }

    private <T> void readDocument(JsonParser p, FeatureDelivery<T> out) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            out.tally().fileProblem(1, p.currentToken() == null ? "the file is empty; expected a GeoJSON FeatureCollection"
                    : "expected a GeoJSON object, found " + p.currentToken());
            return;
        }
        Optional<MetricProjection> crs = Optional.empty();
        Map<String, JsonNode> other = new LinkedHashMap<>();
        boolean sawFeatures = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("features") && value == JsonToken.START_ARRAY) {
                sawFeatures = true;
                long ordinal = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    ordinal++;
                    JsonNode node = p.readValueAsTree();
                    feature(ordinal, node, crs, out);
                }
            } else {
                JsonNode node = p.readValueAsTree();
                if (name.equals("crs")) {
                    try {
                        crs = crsOf(node);
                    } catch (IllegalArgumentException e) {
                        out.tally().fileProblem(0, e.getMessage());
                        return;
                    }
                }
                other.put(name, node);
            }
        }
        if (!sawFeatures) {
            String type = other.containsKey("type") ? other.get("type").asText() : "";
            ObjectNodeView doc = new ObjectNodeView(other);
            if (type.equals("Feature")) {
                feature(1, doc.toNode(), crs, out);
            } else if (!type.isEmpty() && !type.equals("FeatureCollection")) {
                feature(1, JSON.createObjectNode().put("type", "Feature").set("geometry", doc.toNode()), crs, out);
            } else if (!type.equals("FeatureCollection")) {
                out.tally().fileProblem(1, "not GeoJSON: no \"type\" member");
            }
        }
    }

    private <T> void feature(long ordinal, JsonNode node, Optional<MetricProjection> crs, FeatureDelivery<T> out) {
        if (!node.isObject() || !"Feature".equals(node.path("type").asText())) {
            out.reject(ordinal, "not a GeoJSON Feature");
            return;
        }
        Geometry g;
        try {
            Optional<MetricProjection> featureCrs = node.has("crs") ? crsOf(node.get("crs")) : crs;
            g = GeoJsonGeometry.read(node.get("geometry"), Wgs84.FACTORY);
            if (featureCrs.isPresent()) {
                g = featureCrs.get().unproject(g);
            }
        } catch (IllegalArgumentException e) {
            out.reject(ordinal, e.getMessage());
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        node.path("properties").fields().forEachRemaining(en -> props.put(en.getKey(), scalar(en.getValue())));
        if (node.hasNonNull("id") && !props.containsKey("id")) {
            props.put("id", scalar(node.get("id")));
        }
        out.deliver(ordinal, g, props);
    }

    /** The projection of a legacy "crs" member, or empty for WGS84 (CRS84, EPSG:4326). */
    private Optional<MetricProjection> crsOf(JsonNode crs) {
        String name = crs.path("properties").path("name").asText("");
        if (name.isEmpty() || name.endsWith("CRS84") || name.endsWith(":4326") || name.endsWith("::4326")) {
            return Optional.empty();
        }
        if (name.endsWith(":27700") || name.endsWith("::27700")) {
            return Optional.of(projections.britishNationalGrid());
        }
        throw new IllegalArgumentException("unsupported CRS '" + name + "': use WGS84 (EPSG:4326) or EPSG:27700");
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** The top-level members of a document that held no "features" array. */
    private record ObjectNodeView(Map<String, JsonNode> members) {
        JsonNode toNode() {
            var node = JSON.createObjectNode();
            members.forEach(node::set);
            return node;
        }
    }
}
