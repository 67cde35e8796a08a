package dev.threeam.action;

import dev.threeam.classify.FailureType;
import dev.threeam.runbook.Runbook;
import java.util.List;
import java.util.Map;

/** Test data: a rollback with sensible defaults, so a test states only its provider block. */
final class Rollbacks {

    private Rollbacks() {}

    static Runbook.Rollback rollback(String provider, Map<String, Object> settings) {
        return new Runbook.Rollback("prompt-v41", "Roll back prompt to v41", "prompt",
                List.of(FailureType.QUALITY_DRIFT), provider, settings, List.of());
    }
}
