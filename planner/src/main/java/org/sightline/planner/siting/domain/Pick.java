package org.sightline.planner.siting.domain;

/**
 * One chosen new camera: the option (site and azimuth), its marginal gain in demand weight when it
 * was added, and the demand covered by the plan up to and including it (existing cameras too).
 */
public record Pick(int option, String siteId, double azimuthDegrees, double costGbp, double marginalGain,
                   double cumulativeCovered) {
}
