package dev.threeam.classify;

import java.util.Set;

/**
 * A deliberate tie of cause to symptom: when the alert's strongest signal says {@code symptom} but one of
 * {@code causeRules} also matched with at least {@code minScore}, the alert is {@code cause}. A latency alert
 * whose description blames provider 503s is a provider outage: the fix is routing away from the provider.
 *
 * @param reason    shown in evidence ({@code provider errors explain the latency})
 * @param symptomOf when the symptom's own hits include one of these rules, it stands: the symptom is a failure of
 *                  its own ("the bot leaked PII after the provider's update" is still a policy breach); empty for none
 */
record CauseOverride(FailureType symptom, FailureType cause, Set<String> causeRules, double minScore, String reason,
                     Set<String> symptomOf) {

    CauseOverride {
        causeRules = Set.copyOf(causeRules);
        symptomOf = Set.copyOf(symptomOf);
    }

    CauseOverride(FailureType symptom, FailureType cause, Set<String> causeRules, double minScore, String reason) {
        this(symptom, cause, causeRules, minScore, reason, Set.of());
    }
}
