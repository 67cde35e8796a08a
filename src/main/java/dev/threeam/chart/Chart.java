package dev.threeam.chart;

import java.time.Instant;

/**
 * One chart an incident was given (a row of {@code incident_charts}).
 *
 * @param atResolution   drawn once the incident resolved, up to its resolution
 * @param threshold      the runbook threshold the incident's breach is about ({@code budgets.tokens_per_hour})
 * @param breachStarted  when the breach began, as the signal's state said when the chart was asked for
 * @param fileId         the Slack file being shared into the thread (written before {@code files.completeUploadExternal})
 */
public record Chart(String incidentId, int seq, boolean atResolution, String workflow, String threshold, Instant breachStarted,
                    Instant askedAt, ChartState state, String fileId, String detail, Instant doneAt) {}
