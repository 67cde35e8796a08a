package dev.threeam.runbook;

/**
 * What a {@code ${NAME}} in a runbook means when {@code NAME} is not set (or blank) where the runbooks load.
 * The value keeps {@code ${NAME}} as written unless the file fails to load.
 */
public enum UnsetVariables {

    /** An error: the file does not load. {@code serve} outside sandbox mode, {@code check --strict-env}. */
    ERROR,

    /** A warning; calls using the value are shown in the thread as would-be calls. {@code serve} in sandbox mode. */
    SANDBOX,

    /**
     * A warning: the file loads and is judged, and the variable will be needed where 3am runs. {@code check}, whose
     * CI job validates a pull request without the production secrets.
     */
    NEEDED_AT_RUN_TIME;

    /** How {@code serve} treats them: warnings in sandbox mode, errors otherwise. */
    public static UnsetVariables forServe(boolean sandbox) {
        return sandbox ? SANDBOX : ERROR;
    }
}
