package dev.threeam.incident;

import java.time.Instant;

/** The answer to one of the five questions: the button's value and label, who pressed it, when. */
public record Answer(String incidentId, String question, String value, String label, String byUser, Instant at) {}
