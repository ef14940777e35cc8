package org.sightline.ingest.read.adapter.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.sightline.geo.crs.LonLat;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.ingest.read.domain.ReportedRead;
import org.sightline.ingest.read.domain.Vehicle;

/**
 * One pass over the payload of the usual message, one read as a JSON object whose fields are all
 * of the protocol and of the right types, straight into a {@link ReportedRead} without building a
 * document tree. Anything else (a batch, an unknown or repeated field, a wrong type, a value out
 * of range, broken JSON) gives {@code null}, and the general decoder, which explains every
 * problem, takes the message instead; for a message both accept, both make the same read.
 * Thread-safe.
 */
final class PlainReadParser {

    // the general decoder's limits; a repeated field is found here, not by the parser
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(JsonFields.LIMITS).build();

    private static final int READ_ID = 1;
    private static final int CAMERA_ID = 1 << 1;
    private static final int PLATE = 1 << 2;
    private static final int CONFIDENCE = 1 << 3;
    private static final int CAPTURED_AT = 1 << 4;
    private static final int LON = 1 << 5;
    private static final int LAT = 1 << 6;
    private static final int HEADING = 1 << 7;
    private static final int LANE = 1 << 8;
    private static final int VEHICLE = 1 << 9;
    private static final int IMAGE_REF = 1 << 10;
    private static final int ALTERNATIVES = 1 << 11;
    private static final int UNIT_ID = 1 << 12;
    private static final int REQUIRED = READ_ID | CAMERA_ID | PLATE | CONFIDENCE | CAPTURED_AT;

    private PlainReadParser() {
    }

    /** The fields of one read, as given (the unit id is the topic's). */
    record Fields(String unitId, UUID readId, String cameraId, String plate, double confidence, Instant capturedAt,
                  Optional<LonLat> position, OptionalDouble heading, OptionalInt lane, Vehicle vehicle, String imageRef,
                  List<ReportedRead.ReportedAlternative> alternatives) {
    }

    /**
     * Parses a payload holding one plain read.
     *
     * @return its fields, or {@code null} when the payload is anything else
     */
    static Fields parse(byte[] payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int seen = 0; // fields given, to find one given twice
            int present = 0; // fields given and not null
            String unitId = null;
            String readId = null;
            String cameraId = null;
            String plate = null;
            double confidence = Double.NaN;
            String capturedAt = null;
            double lon = Double.NaN;
            double lat = Double.NaN;
            OptionalDouble heading = OptionalDouble.empty();
            OptionalInt lane = OptionalInt.empty();
            Vehicle vehicle = Vehicle.UNKNOWN;
            String imageRef = "";
            List<ReportedRead.ReportedAlternative> alternatives = List.of();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                int field = field(name);
                if (field == 0 || (seen & field) != 0) {
                    return null; // a field of no read, or twice
                }
                seen |= field;
                if (v == JsonToken.VALUE_NULL) {
                    // null is as good as absent, which a required field must not be
                    if ((field & REQUIRED) != 0) {
                        return null;
                    }
                    continue;
                }
                present |= field;
                switch (field) {
                    case UNIT_ID -> unitId = text(p, v);
                    case READ_ID -> readId = text(p, v);
                    case CAMERA_ID -> cameraId = text(p, v);
                    case PLATE -> plate = text(p, v);
                    case CONFIDENCE -> confidence = number(p, v);
                    case CAPTURED_AT -> capturedAt = text(p, v);
                    case LON -> lon = number(p, v);
                    case LAT -> lat = number(p, v);
                    case HEADING -> heading = OptionalDouble.of(number(p, v));
                    case LANE -> {
                        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                            return null;
                        }
                        lane = OptionalInt.of(p.getIntValue());
                    }
                    case VEHICLE -> vehicle = vehicle(p, v);
                    case IMAGE_REF -> imageRef = text(p, v);
                    case ALTERNATIVES -> alternatives = alternatives(p, v);
                    default -> {
                        return null;
                    }
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || (present & REQUIRED) != REQUIRED
                    || ((present & LON) != 0) != ((present & LAT) != 0)) {
                return null;
            }
            if (readId.length() != 36 || !Double.isFinite(confidence)) {
                return null;
            }
            Optional<LonLat> position = (present & LON) != 0 ? Optional.of(new LonLat(lon, lat)) : Optional.empty();
            if (heading.isPresent() && !Double.isFinite(heading.getAsDouble())) {
                return null;
            }
            Instant captured = JsonFields.isoInstant(capturedAt);
            if (captured == null) {
                return null;
            }
            return new Fields(unitId, UUID.fromString(readId), cameraId, plate, confidence, captured, position, heading, lane,
                    vehicle, imageRef, alternatives);
        } catch (IOException | RuntimeException e) {
            return null; // Unusable: the general decoder says why
        }
    }

    private static int field(String name) {
        return switch (name) {
            case "readId" -> READ_ID;
            case "cameraId" -> CAMERA_ID;
            case "plate" -> PLATE;
            case "confidence" -> CONFIDENCE;
            case "capturedAt" -> CAPTURED_AT;
            case "lon" -> LON;
            case "lat" -> LAT;
            case "heading" -> HEADING;
            case "lane" -> LANE;
            case "vehicle" -> VEHICLE;
            case "imageRef" -> IMAGE_REF;
            case "alternatives" -> ALTERNATIVES;
            case "unitId" -> UNIT_ID;
            default -> 0;
        };
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw new Unusable();
        }
        return p.getText();
    }

    private static double number(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new Unusable();
        }
        return p.getDoubleValue();
    }

    private static Vehicle vehicle(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            throw new Unusable();
        }
        String make = "";
        String colour = "";
        String type = "";
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int field = switch (name) {
                case "make" -> 1;
                case "colour" -> 2;
                case "type" -> 4;
                default -> throw new Unusable();
            };
            if ((seen & field) != 0) {
                throw new Unusable();
            }
            seen |= field;
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            String s = text(p, value);
            switch (field) {
                case 1 -> make = s;
                case 2 -> colour = s;
                default -> type = s;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new Unusable();
        }
        return new Vehicle(make, colour, type);
    }

    private static List<ReportedRead.ReportedAlternative> alternatives(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            throw new Unusable();
        }
        List<ReportedRead.ReportedAlternative> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            String plate = null;
            double confidence = Double.NaN;
            JsonToken f;
            while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("plate") && plate == null) {
                    plate = text(p, value);
                } else if (name.equals("confidence") && Double.isNaN(confidence)) {
                    confidence = number(p, value);
                } else {
                    throw new Unusable();
                }
            }
            if (f != JsonToken.END_OBJECT || plate == null || !Double.isFinite(confidence)) {
                throw new Unusable();
            }
            out.add(new ReportedRead.ReportedAlternative(plate, confidence));
        }
        if (t != JsonToken.END_ARRAY || out.size() > PlateRead.MAX_ALTERNATIVES) {
            throw new Unusable();
        }
        return out;
    }

    /** The payload is not a plain read; no stack trace is needed to say so. */
    private static final class Unusable extends RuntimeException {
        Unusable() {
            super(null, null, false, false);
        }
    }
}
