package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes minimal, valid runbooks {@code bench-w00 … bench-wNN}, each with its own channel, so incidents spread over
 * many channels and the bot's per-channel pacing of {@code chat.postMessage} (~1/s) is not what gets measured.
 */
final class BenchRunbooks {

    static final int COUNT = 250;

    private BenchRunbooks() {}

    static String workflow(int index) {
        return String.format("bench-w%02d", index);
    }

    static String channel(int index) {
        return String.format("C0BENCH%02d", index);
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int index = 0; index < COUNT; index++) {
            Files.writeString(dir.resolve(workflow(index) + ".md"), """
                    ---
                    workflow: %s
                    title: Bench workflow %d
                    channel: %s
                    owners:
                      engineering: {slack: [S0BENCH]}
                    escalation:
                      quality_drift: [engineering]
                      retrieval_failure: [engineering]
                      tool_failure: [engineering]
                      policy_failure: [engineering]
                      cost_failure: [engineering]
                      latency_failure: [engineering]
                      provider_outage: [engineering]
                      unclassified: [engineering]
                    ---
                    # Bench workflow %d

                    A workflow that exists only for the benchmark.
                    """.formatted(workflow(index), index, channel(index), index));
        }
        return dir;
    }
}
