package dev.threeam.action;

import dev.threeam.incident.Incident;

/**
 * "Rerun eval": asks the runbook's eval webhook for a run, which reports back to
 * {@code POST /api/incidents/{id}/eval-result}. {@link WebhookEvalTrigger} calls it; in sandbox mode
 * {@link WouldCallEvalTrigger} only says what it would send.
 */
public interface EvalTrigger {

    /** The webhook's answer; never throws for a failed call. */
    ProviderAnswer trigger(String webhook, Incident incident, String publicUrl);
}
