package dev.threeam.action;

import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxPayload;

/** The outbox rows the action buttons ask for; {@code key} is the action row they carry out. */
public final class ActionRequests {

    private ActionRequests() {}

    public record Rollback(String key, boolean allowed) implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.ROLLBACK;
        }
    }

    public record Eval(String key) implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.EVAL;
        }
    }

    /** Make Alertmanager hold what the incident's silences row wants (created, extended or expired). */
    public record SyncSilence() implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.SILENCE;
        }
    }
}
