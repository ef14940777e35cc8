package org.sightline.geo.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.io.feature.GeoJsonFeatureWriter;
import org.sightline.platform.http.Problems;

/**
 * Shared by the geo HTTP resources: GeoJSON FeatureCollection responses ({@code application/geo+json})
 * and RFC 9457 problem responses for bad requests.
 */
public final class GeoJsonResponses {

    public static final String GEO_JSON = "application/geo+json";
    public static final String PROBLEM_JSON = Problems.MEDIA_TYPE;

    /** Token attribute that marks a user cleared for covert equipment (set at login by the app). */
    public static final String COVERT_CLEARED_ATTRIBUTE = "covert";

    private GeoJsonResponses() {
    }

    /** A FeatureCollection of the features. */
    public static MutableHttpResponse<byte[]> collection(List<GeoFeature> features) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192 + features.size() * 256);
        try (GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(out, false, Map.of())) {
            for (GeoFeature f : features) {
                w.write(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write GeoJSON to memory", e);
        }
        return HttpResponse.ok(out.toByteArray()).contentType(GEO_JSON);
    }

    /** A 400 problem response (see {@link Problems}). */
    public static MutableHttpResponse<byte[]> badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Bad Request", detail);
    }

    /** A problem response (RFC 9457), built by {@link Problems} like every other. */
    public static MutableHttpResponse<byte[]> problem(HttpStatus status, String title, String detail) {
        return Problems.bytes(status, title, detail);
    }

    /**
     * The optional {@code bbox} parameter.
     *
     * @throws IllegalArgumentException with a message for the user when it is malformed
     */
    public static Optional<BoundingBox> bbox(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(BoundingBox.parse(text));
    }
}
