package org.sightline.planner.grid.domain;

/**
 * A regular grid of square cells in a metric CRS: {@code cols × rows} cells of
 * {@code cellMetres}, the first cell's lower-left corner at (minX, minY). Cells are numbered
 * row-major: {@code index = row · cols + col}.
 */
public record MetricGrid(double minX, double minY, double cellMetres, int cols, int rows) {

    /** Default cell size of hotspot layers. */
    public static final double DEFAULT_CELL_METRES = 50;

    public MetricGrid {
        if (!Double.isFinite(minX) || !Double.isFinite(minY)) {
            throw new IllegalArgumentException("grid origin must be finite");
        }
        if (!Double.isFinite(cellMetres) || cellMetres < 1 || cellMetres > 10_000) {
            throw new IllegalArgumentException("cell size must be 1..10000 metres, was " + cellMetres);
        }
        if (cols < 1 || rows < 1 || (long) cols * rows > 50_000_000L) {
            throw new IllegalArgumentException("grid must have 1..50,000,000 cells, was " + cols + " x " + rows);
        }
    }

    /** The grid of {@code cellMetres} cells covering the points' extent plus {@code marginMetres} all round. */
    public static MetricGrid covering(double[] x, double[] y, double marginMetres, double cellMetres) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot lay a grid over no points");
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            y0 = Math.min(y0, y[i]);
            x1 = Math.max(x1, x[i]);
            y1 = Math.max(y1, y[i]);
        }
        x0 = Math.floor((x0 - marginMetres) / cellMetres) * cellMetres;
        y0 = Math.floor((y0 - marginMetres) / cellMetres) * cellMetres;
        int cols = (int) Math.ceil((x1 + marginMetres - x0) / cellMetres) + 1;
        int rows = (int) Math.ceil((y1 + marginMetres - y0) / cellMetres) + 1;
        return new MetricGrid(x0, y0, cellMetres, cols, rows);
    }

    public int cellCount() {
        return cols * rows;
    }

    /** Area of one cell in square metres. */
    public double cellAreaSquareMetres() {
        return cellMetres * cellMetres;
    }

    /** The cell containing (x, y), or -1 outside the grid. */
    public int cellOf(double x, double y) {
        int c = (int) Math.floor((x - minX) / cellMetres);
        int r = (int) Math.floor((y - minY) / cellMetres);
        return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : r * cols + c;
    }

    public double centreX(int cell) {
        return minX + (cell % cols + 0.5) * cellMetres;
    }

    public double centreY(int cell) {
        return minY + (cell / cols + 0.5) * cellMetres;
    }
}
