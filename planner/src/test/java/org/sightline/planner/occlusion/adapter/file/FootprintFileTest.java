package org.sightline.planner.occlusion.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.io.feature.GeoPackageFeatureWriter;

class FootprintFileTest {

    @TempDir
    Path dir;

    @Test
    void polygonsAndThePartsOfMultiPolygonsAreFootprintsAndOtherShapesAreRejectedOneByOne() throws Exception {
        Path file = dir.resolve("buildings.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"building":"house"},"geometry":{"type":"Polygon","coordinates":
                   [[[-2.85,53.41],[-2.8498,53.41],[-2.8498,53.4101],[-2.85,53.4101],[-2.85,53.41]]]}},
                 {"type":"Feature","properties":{"building":"terrace"},"geometry":{"type":"MultiPolygon","coordinates":[
                   [[[-2.84,53.41],[-2.8398,53.41],[-2.8398,53.4101],[-2.84,53.4101],[-2.84,53.41]]],
                   [[[-2.83,53.41],[-2.8298,53.41],[-2.8298,53.4101],[-2.83,53.4101],[-2.83,53.41]]]]}},
                 {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":
                   [[-2.85,53.42],[-2.84,53.42]]}}]}""");
        FootprintFile.Read read = new FootprintFile().read(file, Optional.empty());
        assertThat(read.footprints()).hasSize(3);
        assertThat(read.footprints()).allSatisfy(p -> assertThat(p.getSRID()).isEqualTo(Wgs84.SRID));
        assertThat(read.summary().rowsAccepted()).isEqualTo(2);
        assertThat(read.summary().rowsRejected()).isEqualTo(1);
        assertThat(read.summary().problems().get(0).reason()).contains("not a polygon (LineString)");
    }

    @Test
    void aGeoPackageLayerOfPolygonsIsRead() throws Exception {
        Path file = dir.resolve("buildings.gpkg");
        FeatureSchema schema = new FeatureSchema("building", "Polygon", List.of(FeatureSchema.text("kind")));
        try (GeoPackageFeatureWriter w = new GeoPackageFeatureWriter(file, schema)) {
            WKTReader wkt = new WKTReader(Wgs84.FACTORY);
            w.write(new GeoFeature(1, wkt.read("POLYGON ((-2.85 53.41, -2.8498 53.41, -2.8498 53.4101, -2.85 53.41))"),
                    Map.of("kind", "house")));
            w.write(new GeoFeature(2, wkt.read("POLYGON ((-2.84 53.41, -2.8398 53.41, -2.8398 53.4101, -2.84 53.41))"),
                    Map.of("kind", "shop")));
        }
        FootprintFile.Read read = new FootprintFile().read(file, Optional.of("building"));
        assertThat(read.footprints()).hasSize(2);
        assertThat(read.footprints().get(0).getEnvelopeInternal().getMinX()).isEqualTo(-2.85);
        assertThat(new FootprintFile().read(file, Optional.of("roads")).summary().fileProblem().orElseThrow().reason())
                .contains("no feature layer 'roads'");
    }
}
