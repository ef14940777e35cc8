package org.sightline.alerting.hotlist.domain;

/** Rules for the free-text fields of hotlists and entries: trimmed, bounded, no control characters. */
final class HotlistText {

    private HotlistText() {
    }

    static String require(String field, String value, int maxLength) {
        String v = optional(field, value, maxLength);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return v;
    }

    static String optional(String field, String value, int maxLength) {
        String v = value == null ? "" : value.strip();
        if (v.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, was " + v.length());
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return v;
    }
}
