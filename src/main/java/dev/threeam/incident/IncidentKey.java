package dev.threeam.incident;

import dev.threeam.alert.Alert;

/**
 * What makes two alerts one incident: the source's group (Alertmanager and Grafana {@code groupKey} + workflow,
 * Datadog {@code alert_cycle_key}, LangSmith {@code alert_rule_id}, generic {@code group_key}), else the
 * alert's own fingerprint.
 */
public final class IncidentKey {

    private IncidentKey() {}

    public static String of(Alert alert, String workflow) {
        String group = alert.groupKey();
        if (group != null && !group.isBlank()) {
            return alert.source() + ":group:" + group + "|" + (workflow == null ? "-" : workflow);
        }
        return alert.source() + ":alert:" + alert.fingerprint();
    }

    public static String drill(String workflow, String failureType, String nonce) {
        return "drill:" + workflow + "|" + failureType + "|" + nonce;
    }
}
