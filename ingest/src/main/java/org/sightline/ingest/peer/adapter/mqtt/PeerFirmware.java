package org.sightline.ingest.peer.adapter.mqtt;

/** A peer's software and version as the engineer page shows it in the firmware column. */
final class PeerFirmware {

    // the firmware column holds at most 64 characters
    private static final int MAX = 64;

    private PeerFirmware() {
    }

    /** {@code "<product> <version>"}, control characters dropped, cut to the column's length. */
    static String of(String product, String version) {
        String clean = version.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        String text = clean.isEmpty() ? product : product + " " + clean;
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }
}
