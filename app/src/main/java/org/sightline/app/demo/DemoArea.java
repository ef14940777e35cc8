package org.sightline.app.demo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.sightline.geo.demo.DemoAreaLoader;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the packaged demo area named by {@code sightline.demo.area} (boundary, arterial roads,
 * camera estate, candidate sites) when the service starts. Loading is idempotent, so a second
 * demo run replaces the same rows rather than adding to them.
 */
@Context
@Requires(property = "sightline.demo.area")
public class DemoArea {

    private static final Logger LOG = LoggerFactory.getLogger(DemoArea.class);

    public DemoArea(@Value("${sightline.demo.area}") String area, DemoAreaLoader loader, AuditLog audit) {
        DemoAreaLoader.Loaded loaded;
        try {
            loaded = loader.load(area);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sightline.demo.area = '" + area + "': " + e.getMessage(), e);
        }
        audit.record(AuditEvent.of("system:demo", "demo.area.load", loaded.describe()));
        LOG.info("Loaded {}", loaded.describe());
    }
}
