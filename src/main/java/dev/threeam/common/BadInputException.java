package dev.threeam.common;

/**
 * Input 3am refuses: the message says what is wrong and where ({@code alerts[3].labels: expected an object,
 * got "x"}). The web layer answers it with a 400 and {@code {"error": message}}; nothing has been written.
 */
public class BadInputException extends ThreeAmException {

    public BadInputException(String message) {
        super(message);
    }
}
