package org.sightline.ingest.read.adapter.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.read.domain.Alternative;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.ingest.read.domain.Vehicle;

/**
 * Reads taken in from a peer system (Frigate, OpenALPR), re-published after they are stored in
 * the native read format on {@code <root>/bridged/<unitId>/reads}, so that consumers of the native
 * protocol (alerting's hotlist matcher) see them too, alternatives included.
 */
public final class BridgedReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BridgedReads() {
    }

    /** The topic the reads of one unit are re-published on. */
    public static String topic(String root, UnitId unit) {
        return root + "/bridged/" + unit + "/reads";
    }

    /** The topic filter of every unit's re-published reads. */
    public static String filter(String root) {
        return root + "/bridged/+/reads";
    }

    /** The reads as a native JSON array. */
    public static byte[] payload(List<PlateRead> reads) {
        ArrayNode array = JSON.createArrayNode();
        for (PlateRead r : reads) {
            ObjectNode o = array.addObject();
            o.put("readId", r.readId().toString());
            o.put("cameraId", r.cameraId().value());
            o.put("plate", r.plate().value());
            o.put("confidence", r.confidence());
            o.put("capturedAt", r.capturedAt().toString());
            r.position().ifPresent(p -> o.put("lon", p.lonDegrees()).put("lat", p.latDegrees()));
            r.heading().ifPresent(h -> o.put("heading", h.degrees()));
            r.lane().ifPresent(l -> o.put("lane", l));
            if (!r.vehicle().equals(Vehicle.UNKNOWN)) {
                o.putObject("vehicle").put("make", r.vehicle().make()).put("colour", r.vehicle().colour())
                        .put("type", r.vehicle().type());
            }
            if (!r.imageRef().isEmpty()) {
                o.put("imageRef", r.imageRef());
            }
            if (!r.alternatives().isEmpty()) {
                ArrayNode alternatives = o.putArray("alternatives");
                for (Alternative a : r.alternatives()) {
                    alternatives.addObject().put("plate", a.plate().value()).put("confidence", a.confidence());
                }
            }
        }
        return array.toString().getBytes(StandardCharsets.UTF_8);
    }
}
