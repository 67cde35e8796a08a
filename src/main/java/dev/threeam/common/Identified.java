package dev.threeam.common;

/**
 * A value known outside by a stable lower-case id ({@code retrieval_failure}, {@code triggered}): what enums write to
 * the database, the API and runbooks. The database binds and reads them by this id.
 */
public interface Identified {
    String id();
}
