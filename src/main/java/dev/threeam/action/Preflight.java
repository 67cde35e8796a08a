package dev.threeam.action;

import dev.threeam.runbook.Runbook;
import java.util.Optional;

/**
 * Why a flag API must not be called at all: a {@code ${NAME}} left unresolved in the rollback (sandbox mode), or
 * the provider's URL or token not configured. Empty when the call may go.
 */
final class Preflight {

    private Preflight() {}

    static Optional<RollbackResult> refusal(Runbook.Rollback rollback, String baseUrl, String urlVariable, String token, String tokenVariable) {
        Optional<String> unresolved = UnresolvedReference.in(rollback.settings());
        if (unresolved.isPresent()) {
            return Optional.of(RollbackResult.failed(UnresolvedReference.notCalled(unresolved.get())));
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.of(RollbackResult.failed("not called: " + urlVariable + " is not set"));
        }
        if (token == null || token.isBlank()) {
            return Optional.of(RollbackResult.failed("not called: " + tokenVariable + " is not set"));
        }
        return Optional.empty();
    }
}
