package dev.threeam.chart;

import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxPayload;

/** Draw chart {@code seq} of the incident's signal and upload it into the thread (an outbox row of kind post_chart). */
public record ChartRequest(int seq) implements OutboxPayload {
    @Override
    public OutboxKind kind() {
        return OutboxKind.POST_CHART;
    }
}
