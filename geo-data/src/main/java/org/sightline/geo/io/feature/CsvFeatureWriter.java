package org.sightline.geo.io.feature;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * Writes features as RFC 4180 CSV: the schema's columns, then {@code longitude,latitude} for point
 * layers or {@code wkt} (WGS84) for other geometry types. QGIS opens both ("Delimited Text").
 */
public final class CsvFeatureWriter implements FeatureWriter {

    private final Writer out;
    private final FeatureSchema schema;
    private final boolean points;
    private final WKTWriter wkt = new WKTWriter();

    public CsvFeatureWriter(OutputStream stream, FeatureSchema schema) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.schema = schema;
        this.points = schema.geometryType().equals("Point");
        StringBuilder header = new StringBuilder();
        for (FeatureSchema.Column c : schema.columns()) {
            header.append(c.name()).append(',');
        }
        header.append(points ? "longitude,latitude" : "wkt");
        out.write(header.toString());
        out.write("\r\n");
    }

    @Override
    public void write(GeoFeature f) throws IOException {
        StringBuilder row = new StringBuilder();
        for (FeatureSchema.Column c : schema.columns()) {
            Object v = f.properties().get(c.name());
            row.append(quote(v == null ? "" : v instanceof java.util.List<?> l ? String.join(";",
                    l.stream().map(String::valueOf).toList()) : v.toString())).append(',');
        }
        if (points && f.geometry() instanceof Point p) {
            row.append(String.format(Locale.ROOT, "%.7f,%.7f", p.getX(), p.getY()));
        } else {
            row.append(quote(wkt.write(f.geometry())));
        }
        out.write(row.toString());
        out.write("\r\n");
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
