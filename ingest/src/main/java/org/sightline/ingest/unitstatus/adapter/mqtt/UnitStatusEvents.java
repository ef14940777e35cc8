package org.sightline.ingest.unitstatus.adapter.mqtt;

import java.util.Locale;
import org.sightline.ingest.unitstatus.adapter.db.UnitStatusStore;

/** Unit and camera status changes in the JSON published on {@code <root>/events/units} and sent to the engineer page. */
public final class UnitStatusEvents {

    private UnitStatusEvents() {
    }

    /** A status change as the JSON published on {@code <root>/events/units}. */
    public static String json(UnitStatusStore.Change ch) {
        return "{\"unitId\":" + quote(ch.unitId()) + ",\"cameraId\":" + ch.cameraId().map(UnitStatusEvents::quote).orElse("null")
                + ",\"from\":" + quote(ch.from()) + ",\"to\":" + quote(ch.to()) + ",\"at\":" + quote(ch.at().toString())
                + ",\"reason\":" + quote(ch.reason()) + "}";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
