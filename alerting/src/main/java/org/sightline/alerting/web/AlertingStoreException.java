package org.sightline.alerting.web;

/** The alerting tables could not be read or written (HTTP 503; the cause is logged, not shown). */
public class AlertingStoreException extends RuntimeException {

    public AlertingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
