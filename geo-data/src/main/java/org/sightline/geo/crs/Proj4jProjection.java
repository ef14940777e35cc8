package org.sightline.geo.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/** A {@link MetricProjection} backed by proj4j; package-private, built by {@link ProjectionService}. */
final class Proj4jProjection implements MetricProjection {

    private static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

    private final int epsg;
    private final String name;
    private final GeometryFactory gridFactory;
    private final GeometryFactory wgs84Factory = new GeometryFactory(new PrecisionModel(), 4326);
    // proj4j transforms keep scratch state, so each thread gets its own pair
    private final ThreadLocal<CoordinateTransform> forward;
    private final ThreadLocal<CoordinateTransform> inverse;

    Proj4jProjection(int epsg, String name, String proj4) {
        this.epsg = epsg;
        this.name = name;
        this.gridFactory = new GeometryFactory(new PrecisionModel(), epsg);
        CRSFactory crsFactory = new CRSFactory();
        CoordinateReferenceSystem geographic = crsFactory.createFromParameters("WGS84", WGS84);
        CoordinateReferenceSystem projected = crsFactory.createFromParameters("EPSG:" + epsg, proj4);
        CoordinateTransformFactory ctf = new CoordinateTransformFactory();
        this.forward = ThreadLocal.withInitial(() -> ctf.createTransform(geographic, projected));
        this.inverse = ThreadLocal.withInitial(() -> ctf.createTransform(projected, geographic));
    }

    @Override
    public int epsg() {
        return epsg;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GridPoint project(LonLat position) {
        ProjCoordinate out = forward.get().transform(
                new ProjCoordinate(position.lonDegrees(), position.latDegrees()), new ProjCoordinate());
        return new GridPoint(out.x, out.y);
    }

    @Override
    public LonLat unproject(GridPoint point) {
        ProjCoordinate out = new ProjCoordinate();
        refinedInverse(point.eastingMetres(), point.northingMetres(), forward.get(), inverse.get(), out);
        return new LonLat(out.x, out.y);
    }

    /**
     * The inverse transform, corrected by Newton steps against the forward one. proj4j (like PROJ)
     * inverts the 7-parameter Helmert by negating its parameters, which is only right to first
     * order (about 1 mm here); the correction makes project(unproject(p)) return p to well under
     * a millimetre.
     */
    private static void refinedInverse(double x, double y, CoordinateTransform fwd, CoordinateTransform inv,
                                       ProjCoordinate out) {
        inv.transform(new ProjCoordinate(x, y), out);
        ProjCoordinate probe = new ProjCoordinate();
        ProjCoordinate at = new ProjCoordinate();
        final double step = 1e-6;
        for (int i = 0; i < 3; i++) {
            fwd.transform(new ProjCoordinate(out.x, out.y), at);
            double rx = x - at.x;
            double ry = y - at.y;
            if (Math.abs(rx) < 1e-6 && Math.abs(ry) < 1e-6) {
                return;
            }
            fwd.transform(new ProjCoordinate(out.x + step, out.y), probe);
            double a = (probe.x - at.x) / step;
            double c = (probe.y - at.y) / step;
            fwd.transform(new ProjCoordinate(out.x, out.y + step), probe);
            double b = (probe.x - at.x) / step;
            double d = (probe.y - at.y) / step;
            double det = a * d - b * c;
            if (det == 0 || !Double.isFinite(det)) {
                return;
            }
            out.x += (d * rx - b * ry) / det;
            out.y += (a * ry - c * rx) / det;
        }
    }

    @Override
    public Geometry project(Geometry wgs84) {
        return transform(wgs84, forward.get(), gridFactory);
    }

    @Override
    public Geometry unproject(Geometry grid) {
        CoordinateTransform fwd = forward.get();
        CoordinateTransform inv = inverse.get();
        return transform(grid, (src, dst) -> refinedInverse(src.x, src.y, fwd, inv, dst), wgs84Factory);
    }

    private static Geometry transform(Geometry in, CoordinateTransform transform, GeometryFactory factory) {
        return transform(in, transform::transform, factory);
    }

    private interface PointTransform {
        void apply(ProjCoordinate src, ProjCoordinate dst);
    }

    private static Geometry transform(Geometry in, PointTransform transform, GeometryFactory factory) {
        Geometry copy = factory.createGeometry(in);
        ProjCoordinate src = new ProjCoordinate();
        ProjCoordinate dst = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                src.x = seq.getX(i);
                src.y = seq.getY(i);
                transform.apply(src, dst);
                seq.setOrdinate(i, 0, dst.x);
                seq.setOrdinate(i, 1, dst.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
