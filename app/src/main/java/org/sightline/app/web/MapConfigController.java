package org.sightline.app.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.sightline.app.config.MapProperties;

/** Base-map settings for the pages' maps. */
@Controller("/api/map")
public class MapConfigController {

    /** What a page needs to draw its base map. */
    @Serdeable
    public record MapConfig(String tileUrl, String tileAttribution, List<Double> initialBounds) { }

    private final MapProperties map;

    public MapConfigController(MapProperties map) {
        this.map = map;
    }

    @Get(value = "/config", produces = MediaType.APPLICATION_JSON)
    public MapConfig config() {
        return new MapConfig(map.tileUrl(), map.tileAttribution(), map.initialBounds());
    }
}
