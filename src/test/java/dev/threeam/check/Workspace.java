package dev.threeam.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test data: a repository checkout with a {@code runbooks/} folder, the project's own or one written by a test. */
final class Workspace {

    /** Every section a runbook needs, under its front matter. */
    static final String SECTIONS = """
            # Shop assistant
            ## Quality drift
            Read low scores.
            ## Retrieval failure
            Check the index.
            ## Tool failure
            Check the tools.
            ## Policy failure
            Page the reviewer.
            ## Cost failure
            Check spend.
            ## Latency failure
            Check p95.
            ## Provider outage
            Check the status page.
            """;

    /** A ready runbook for workflow {@code shop}. */
    static final String SHOP = """
            ---
            workflow: shop
            title: Shop assistant
            owners:
              engineering: {slack: [S0SHOP]}
              reviewer: {slack: [U0REVIEW]}
            escalation:
              quality_drift: [engineering]
              retrieval_failure: [engineering]
              tool_failure: [engineering]
              policy_failure: [reviewer]
              cost_failure: [engineering]
              latency_failure: [engineering]
              provider_outage: [engineering]
            ---
            """ + SECTIONS;

    /** Three mistakes in one file: an unknown failure type, a role with no owner, a rollback without a provider. */
    static final String MISTAKES = """
            ---
            workflow: orders
            owners:
              engineering: {slack: [S0ORDERS]}
            escalation:
              quality_drift: [engineering]
              model_failure: [engineering]
              policy_failure: [legal]
            rollbacks:
              - {id: old-prompt, label: Old prompt, kind: prompt}
            ---
            """ + SECTIONS;

    /** A flow mapping that is never closed. */
    static final String BAD_YAML = """
            ---
            workflow: refunds
            owners: {engineering: {slack: [S0REFUNDS]}
            ---
            """ + SECTIONS;

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    static Workspace at(Path root) {
        return new Workspace(root);
    }

    Path root() {
        return root;
    }

    Path runbooks() {
        return root.resolve("runbooks");
    }

    /** Copies the project's {@code runbooks/} (with its flag files) here. */
    Workspace withProjectRunbooks() {
        Path source = Path.of("runbooks");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = runbooks().resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Workspace withRunbook(String name, String text) {
        try {
            Files.createDirectories(runbooks());
            Files.writeString(runbooks().resolve(name), text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of {@code text}'s first line containing {@code fragment}. */
    static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(fragment)) {
                return index + 1;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }
}
