package org.sightline.alerting.match.domain;

/** How close a match is, best first. */
public enum MatchGrade {
    /** The reading is the listed plate. */
    EXACT,
    /** The reading differs only by characters OCR confuses (0/O, 1/I …). */
    OCR_EQUIVALENT,
    /** As {@link #OCR_EQUIVALENT} plus one free edit that the plate grammar justifies. */
    ONE_EDIT
}
