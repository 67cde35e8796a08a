package dev.threeam.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The personas and groups tests use. */
final class SandboxFixtures {

    static final SandboxUser ALICE = new SandboxUser("U0ALICE", "alice", "on-call (member of S0MLONCALL)");
    static final SandboxUser RITA = new SandboxUser("U0REVIEW1", "rita", "reviewer");
    static final SandboxUser BOB = new SandboxUser("U0BOB", "bob", "no permission");

    private SandboxFixtures() {}

    static SandboxWorkspace workspace(Clock clock) {
        return new SandboxWorkspace(clock, List.of(ALICE, RITA, BOB),
                Map.of("S0MLONCALL", List.of(ALICE.id()), "S0LEGAL", List.of(RITA.id(), BOB.id())));
    }
}
