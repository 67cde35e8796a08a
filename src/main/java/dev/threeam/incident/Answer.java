package dev.threeam.incident;

import java.time.Instant;

/**
 * The answer to one of the five questions: the button's value ({@code retrieval_failure}, a change id, {@code yes},
 * a set), its label as the presser saw it (for Q2 the change's full "kind: summary"), who pressed it and when.
 */
public record Answer(String incidentId, Question question, String value, String label, String byUser, Instant at) {}
