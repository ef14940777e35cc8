package org.sightline.alerting.hotlist;

/** A user without covert clearance tried to change something covert (HTTP 403). */
public class CovertAccessException extends RuntimeException {

    public CovertAccessException(String message) {
        super(message);
    }
}
