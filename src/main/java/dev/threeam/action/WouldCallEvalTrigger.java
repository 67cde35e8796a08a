package dev.threeam.action;

import dev.threeam.incident.Incident;

/**
 * The eval webhook in sandbox mode: answers what it would send and sends nothing. {@code SANDBOX_REAL_CALLS=true}
 * uses the real trigger instead (see {@link ExternalCalls}).
 */
final class WouldCallEvalTrigger implements EvalTrigger {

    @Override
    public ProviderAnswer trigger(String webhook, Incident incident, String publicUrl) {
        String call = "POST " + webhook + " " + WebhookEvalTrigger.body(incident, publicUrl);
        return ProviderAnswer.wouldCall(UnresolvedReference.in(webhook)
                .map(reference -> call + " (" + reference + " is not set)").orElse(call));
    }
}
