package org.sightline.geo.camera.domain;

/** Sensor resolution in pixels, e.g. 1920 x 1080. */
public record Resolution(int widthPixels, int heightPixels) {

    public Resolution {
        if (widthPixels < 16 || widthPixels > 20_000 || heightPixels < 16 || heightPixels > 20_000) {
            throw new IllegalArgumentException("resolution must be 16..20000 pixels each way, was "
                    + widthPixels + "x" + heightPixels);
        }
    }

    /** Parses {@code 1920x1080}. */
    public static Resolution parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("resolution must look like 1920x1080, was '" + text + "'");
        }
        try {
            return new Resolution(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("resolution must look like 1920x1080, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return widthPixels + "x" + heightPixels;
    }
}
