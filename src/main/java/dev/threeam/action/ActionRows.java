package dev.threeam.action;

import dev.threeam.common.Mrkdwn;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The {@code actions} table: one row per action key, so an action runs at most once per incident. */
final class ActionRows {

    private ActionRows() {}

    /** True when this call created the row; false when someone (or something) already did. */
    static boolean insert(Handle handle, String incidentId, String key, String kind, String target, String user,
            String status, Instant at, String detail) {
        return handle.createUpdate("""
                        INSERT INTO actions (incident_id, action_key, kind, target, by_user, status, at, detail)
                        VALUES (:incident, :key, :kind, :target, :user, :status, :at, :detail)
                        ON CONFLICT (action_key) DO NOTHING""")
                .bind("incident", incidentId).bind("key", key).bind("kind", kind).bind("target", target)
                .bind("user", user).bind("status", status).bind("at", at).bind("detail", detail)
                .execute() == 1;
    }

    static void finish(Handle handle, String key, String status, String detail, Instant at) {
        handle.createUpdate("UPDATE actions SET status = :status, detail = :detail, finished_at = :at WHERE action_key = :key")
                .bind("key", key).bind("status", status).bind("detail", detail).bind("at", at).execute();
    }

    static ActionRecord find(Handle handle, String key) {
        return handle.createQuery("SELECT * FROM actions WHERE action_key = :key").bind("key", key)
                .map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(ActionRecord.class)).findOne().orElse(null);
    }

    static String already(Handle handle, String key) {
        ActionRecord action = find(handle, key);
        if (action == null) {
            return "That is already being handled.";
        }
        String state = switch (action.status()) {
            case "in_flight" -> "is already in flight";
            case "done" -> "is already done";
            case "failed" -> "failed; press Retry to try again";
            case "would_have" -> "was already played in this drill";
            default -> "is already " + action.status();
        };
        return "\"" + action.detail() + "\" " + state + " (pressed by " + Mrkdwn.user(action.byUser()) + ").";
    }
}
