package org.sightline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.util.List;

/**
 * Base map settings ({@code sightline.map.*}).
 *
 * @param tileUrl XYZ tile URL template with {z}/{x}/{y}, or empty for no base tiles: pages then
 *                draw only Sightline's own vector layers (also their fallback when tiles fail)
 * @param tileAttribution attribution shown with the tiles
 * @param initialBounds first view before any area data is loaded: west, south, east, north (degrees)
 */
@Context
@ConfigurationProperties("sightline.map")
public record MapProperties(
        @Nullable String tileUrl,
        @Bindable(defaultValue = "") String tileAttribution,
        @Nullable List<Double> initialBounds) {

    /** Default first view: Great Britain. */
    public static final List<Double> GREAT_BRITAIN = List.of(-8.2, 49.9, 1.8, 60.9);

    public MapProperties {
        tileUrl = tileUrl == null ? "" : tileUrl.trim();
        if (!tileUrl.isEmpty()) {
            if (!(tileUrl.startsWith("https://") || tileUrl.startsWith("http://"))
                    || !tileUrl.contains("{z}") || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
                throw new IllegalArgumentException("sightline.map.tile-url = '" + tileUrl
                        + "': must be an http(s) URL template containing {z}, {x} and {y}, or empty for no base tiles");
            }
        }
        initialBounds = initialBounds == null || initialBounds.isEmpty() ? GREAT_BRITAIN : List.copyOf(initialBounds);
        if (initialBounds.size() != 4
                || initialBounds.get(0) < -180 || initialBounds.get(2) > 180
                || initialBounds.get(1) < -90 || initialBounds.get(3) > 90
                || initialBounds.get(0) >= initialBounds.get(2) || initialBounds.get(1) >= initialBounds.get(3)) {
            throw new IllegalArgumentException("sightline.map.initial-bounds = " + initialBounds
                    + ": must be four numbers west, south, east, north in degrees (longitude -180..180, latitude -90..90, west < east, south < north)");
        }
    }

    /** The tile server's origin ({@code https://host}), for the Content-Security-Policy; empty when there are no tiles. */
    public String tileOrigin() {
        if (tileUrl.isEmpty()) {
            return "";
        }
        URI uri = URI.create(tileUrl.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        String host = uri.getHost();
        if (tileUrl.contains("{s}.")) {
            host = "*." + host.substring(host.indexOf('.') + 1);
        }
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
