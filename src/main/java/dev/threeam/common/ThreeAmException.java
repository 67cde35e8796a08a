package dev.threeam.common;

/** The one unchecked exception family of 3am; messages carry the values that explain them. */
public class ThreeAmException extends RuntimeException {

    public ThreeAmException(String message) {
        super(message);
    }

    public ThreeAmException(String message, Throwable cause) {
        super(message, cause);
    }
}
