package org.sightline.ingest.read.adapter.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.sightline.geo.crs.LonLat;
import org.sightline.ingest.read.domain.Checked;

/**
 * Strict JSON reading shared by the read decoders: no {@code NaN}, no duplicate keys, bounded
 * strings and nesting, and field accessors whose {@link IllegalArgumentException} messages are
 * the reasons kept with a dead letter.
 */
public final class JsonFields {

    /** Limits on what a payload may hold: a 64 KiB payload cannot hold more; they keep a hostile document cheap to refuse. */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(65_536).maxNestingDepth(16).maxNumberLength(64).build();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(LIMITS);
    }

    private JsonFields() {
    }

    /**
     * Parses a payload.
     *
     * @return the document, or the reason it is not one
     */
    public static Checked<JsonNode> parse(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException | RuntimeException e) {
            return Checked.rejected("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return Checked.rejected("empty payload");
        }
        return Checked.ok(root);
    }

    /**
     * Parses a payload that must be one JSON object.
     *
     * @param what names the message in the reason, e.g. "a Frigate message"
     * @return the object, or the reason there is none
     */
    public static Checked<JsonNode> parseObject(byte[] payload, String what) {
        Checked<JsonNode> parsed = parse(payload);
        if (parsed instanceof Checked.Ok<JsonNode> ok && !ok.value().isObject()) {
            return Checked.rejected(what + " must be a JSON object");
        }
        return parsed;
    }

    /** True when the field is there and not {@code null}. */
    public static boolean present(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && !v.isNull();
    }

    /** A string field; a missing optional one is the empty string. */
    public static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, was " + type(v));
        }
        return v.textValue();
    }

    /** A finite number field; a missing optional one is {@code NaN}. */
    public static double number(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, was " + type(v));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(field + " must be a finite number");
        }
        return d;
    }

    /** A UUID string field in its canonical 36-character form. */
    public static UUID uuid(JsonNode n, String field) {
        String s = text(n, field, true);
        if (s.length() != 36) {
            throw new IllegalArgumentException(field + " must be a UUID (36 characters), was '" + Checked.shorten(s) + "'");
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a UUID, was '" + Checked.shorten(s) + "'");
        }
    }

    /** An ISO-8601 time with a zone or offset. */
    public static Instant instant(JsonNode n, String field) {
        String s = text(n, field, true);
        Instant t = isoInstant(s);
        if (t == null) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 time with a zone, e.g. "
                    + "2026-11-23T14:05:09.250Z, was '" + Checked.shorten(s) + "'");
        }
        return t;
    }

    /**
     * The usual form of a capture time, {@code 2026-11-23T14:05:09.250Z} (any number of fraction
     * digits up to nine, or none), read without a formatter; other forms through
     * {@link OffsetDateTime#parse}, which gives the same instant for this form.
     *
     * @return the instant, or {@code null} when the text is no ISO-8601 time with a zone
     */
    static Instant isoInstant(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            boolean plain = n == 20;
            if (n > 21 && s.charAt(19) == '.') {
                int f = digits(s, 20, n - 1);
                if (f >= 0) {
                    nanos = f;
                    for (int i = n - 1 - 20; i < 9; i++) {
                        nanos *= 10;
                    }
                    plain = true;
                }
            }
            if (plain && year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0
                    && minute <= 59 && second >= 0 && second <= 59 && day <= LocalDate.of(year, month, 1).lengthOfMonth()) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // the decimal number in s[from, to), or -1 when a character is not a digit
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }


    /** {@code lon}/{@code lat}: both or neither. */
    public static Optional<LonLat> position(JsonNode n) {
        boolean hasLon = present(n, "lon");
        boolean hasLat = present(n, "lat");
        if (!hasLon && !hasLat) {
            return Optional.empty();
        }
        if (hasLon != hasLat) {
            throw new IllegalArgumentException("lon and lat must be given together");
        }
        return Optional.of(new LonLat(number(n, "lon", true), number(n, "lat", true)));
    }

    /** The JSON type of a node in words ("string", "number", "object"…). */
    public static String type(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String s = nl < 0 ? message : message.substring(0, nl);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
