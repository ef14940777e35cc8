package org.sightline.app.compliance.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Surveillance Camera Code of Practice asks to be on record for one camera: why it is
 * there (principle 1), how the public is told (signage, principle 3) and the data-protection
 * impact assessment that covers it (principle 2), with the date the record was last reviewed.
 * Text is trimmed; control characters and overlong text are refused.
 *
 * @param purpose the camera's stated purpose (3 to 500 characters)
 * @param signage where and how signs tell the public (up to 500 characters; empty when none is recorded)
 * @param dpiaReference reference of the impact assessment (up to 100 characters; empty when none)
 * @param reviewedOn when the record was last reviewed, if it has been
 * @throws IllegalArgumentException naming the field when a value is not acceptable
 */
public record CameraCompliance(String purpose, String signage, String dpiaReference, Optional<LocalDate> reviewedOn) {

    public static final int MAX_PURPOSE = 500;
    public static final int MAX_SIGNAGE = 500;
    public static final int MAX_DPIA = 100;

    public CameraCompliance {
        purpose = text("purpose", purpose, MAX_PURPOSE);
        if (purpose.length() < 3) {
            throw new IllegalArgumentException("purpose is required: say why the camera is there (at least 3 characters)");
        }
        signage = text("signage", signage, MAX_SIGNAGE);
        dpiaReference = text("dpiaReference", dpiaReference, MAX_DPIA);
        Objects.requireNonNull(reviewedOn, "reviewedOn");
    }

    /**
     * This record, refused when it claims a review after {@code today}.
     *
     * @throws IllegalArgumentException when {@code reviewedOn} lies in the future
     */
    public CameraCompliance reviewedBy(LocalDate today) {
        if (reviewedOn.isPresent() && reviewedOn.get().isAfter(today)) {
            throw new IllegalArgumentException("reviewedOn " + reviewedOn.get() + " is in the future");
        }
        return this;
    }

    private static String text(String field, String value, int max) {
        // a browser sends a textarea's line breaks as CR LF
        String v = value == null ? "" : value.replace("\r\n", "\n").strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + v.length());
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n') {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
        return v;
    }
}
