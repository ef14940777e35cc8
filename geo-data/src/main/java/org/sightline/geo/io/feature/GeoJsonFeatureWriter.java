package org.sightline.geo.io.feature;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Streams features as a GeoJSON FeatureCollection (RFC 7946) or as GeoJSON-lines. Coordinates
 * are written with 7 decimals (about 1 cm). Optional top-level members (e.g. an attribution) can
 * be added to a FeatureCollection.
 */
public final class GeoJsonFeatureWriter implements FeatureWriter {

    /** 7 decimal places of a degree is about 1 cm. */
    public static final int DECIMALS = 7;

    private static final JsonFactory FACTORY = new JsonFactory();

    private final OutputStream stream;
    private final JsonGenerator out;
    private final boolean lines;

    /**
     * @param stream where to write; closed by {@link #close()}
     * @param lines one Feature per line instead of a FeatureCollection
     * @param members extra top-level string members of the FeatureCollection (ignored for lines)
     */
    public GeoJsonFeatureWriter(OutputStream stream, boolean lines, Map<String, String> members) throws IOException {
        this.stream = stream;
        this.lines = lines;
        this.out = FACTORY.createGenerator(stream, JsonEncoding.UTF8);
        this.out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        if (!lines) {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            for (Map.Entry<String, String> m : members.entrySet()) {
                out.writeStringField(m.getKey(), m.getValue());
            }
            out.writeArrayFieldStart("features");
        }
    }

    @Override
    public void write(GeoFeature f) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> p : f.properties().entrySet()) {
            writeValue(p.getKey(), p.getValue());
        }
        out.writeEndObject();
        out.writeFieldName("geometry");
        GeoJsonGeometry.write(out, f.geometry(), DECIMALS);
        out.writeEndObject();
        if (lines) {
            out.flush();
            stream.write('\n');
        }
    }

    private void writeValue(String key, Object v) throws IOException {
        out.writeFieldName(key);
        if (v == null) {
            out.writeNull();
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long) {
            out.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            out.writeNumber(n.doubleValue());
        } else if (v instanceof List<?> list) {
            out.writeStartArray();
            for (Object o : list) {
                out.writeString(String.valueOf(o));
            }
            out.writeEndArray();
        } else {
            out.writeString(v.toString());
        }
    }

    @Override
    public void close() throws IOException {
        if (!lines) {
            out.writeEndArray();
            out.writeEndObject();
        }
        out.close();
        stream.write(lines ? new byte[0] : "\n".getBytes(StandardCharsets.UTF_8));
        stream.close();
    }
}
