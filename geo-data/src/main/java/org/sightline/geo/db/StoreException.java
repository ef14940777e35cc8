package org.sightline.geo.db;

/** The geo database could not do what was asked (connection lost, constraint broken, ...). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
    }
}
