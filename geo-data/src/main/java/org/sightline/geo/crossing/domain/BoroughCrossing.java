package org.sightline.geo.crossing.domain;

import java.util.List;
import java.util.Objects;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.LonLat;

/**
 * A point where an arterial route crosses a boundary. {@code inboundBearing} is the direction of
 * travel into the area at that point; {@code segmentIds} are the road segments that meet there
 * (two when a segment ends on the boundary, more for a dual carriageway drawn as two lines).
 */
public record BoroughCrossing(
        String boundaryCode,
        String roadNumber,
        String routeName,
        List<String> segmentIds,
        LonLat position,
        Bearing inboundBearing,
        TrafficFlow flow) {

    public BoroughCrossing {
        Objects.requireNonNull(boundaryCode, "boundaryCode");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(inboundBearing, "inboundBearing");
        Objects.requireNonNull(flow, "flow");
        roadNumber = roadNumber == null ? "" : roadNumber;
        routeName = routeName == null || routeName.isBlank() ? roadNumber : routeName;
        segmentIds = List.copyOf(segmentIds);
        if (segmentIds.isEmpty()) {
            throw new IllegalArgumentException("a crossing needs the segment it lies on");
        }
    }

    /** The compass point of the inbound direction, e.g. "NE". */
    public String inboundCompassPoint() {
        String[] points = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
        return points[(int) Math.round(inboundBearing.degrees() / 45.0) % 8];
    }
}
