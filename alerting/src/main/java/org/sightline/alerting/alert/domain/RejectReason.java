package org.sightline.alerting.alert.domain;

/** Why an operator rejected an alert; OTHER needs a note. */
public enum RejectReason {
    MISREAD, VEHICLE_DOES_NOT_MATCH, ALREADY_DEALT_WITH, OTHER
}
