package org.sightline.planner.cordon.domain;

import java.util.Objects;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.road.domain.RoadClass;

/**
 * A place where an arterial road crosses the cordon (the borough boundary), in the plan's metric
 * CRS. {@code inboundBearingDegrees} is the direction of travel into the area; {@code inbound} and
 * {@code outbound} say which ways traffic may pass (a dual carriageway drawn as two one-way lines
 * gives two crossings, each one way).
 */
public record CordonCrossing(String id, String roadNumber, String routeName, RoadClass roadClass, LonLat position,
                             GridPoint at, double inboundBearingDegrees, boolean inbound, boolean outbound) {

    public CordonCrossing {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a crossing needs an id");
        }
        Objects.requireNonNull(roadClass, "roadClass");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
        if (!inbound && !outbound) {
            throw new IllegalArgumentException("crossing " + id + " carries no traffic either way");
        }
        roadNumber = roadNumber == null ? "" : roadNumber;
        routeName = routeName == null || routeName.isBlank() ? roadNumber : routeName;
    }

    /** The direction of travel for {@code way} (inbound bearing, or its reverse for outbound). */
    public double travelBearingDegrees(Way way) {
        return way == Way.INBOUND ? inboundBearingDegrees : (inboundBearingDegrees + 180) % 360;
    }

    /** The ways traffic passes here. */
    public java.util.List<Way> ways() {
        return inbound && outbound ? java.util.List.of(Way.INBOUND, Way.OUTBOUND)
                : inbound ? java.util.List.of(Way.INBOUND) : java.util.List.of(Way.OUTBOUND);
    }

    /** Into or out of the area. */
    public enum Way { INBOUND, OUTBOUND }
}
