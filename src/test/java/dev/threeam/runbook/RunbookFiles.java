package dev.threeam.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test data: the example runbooks, a small valid runbook to vary, and line lookups. */
final class RunbookFiles {

    static final Map<String, String> ENV = Map.of(
            "PD_KEY_HELPDESK", "pd-helpdesk-key",
            "PD_KEY_DEVEX", "pd-devex-key",
            "PD_KEY_LEGALAI", "pd-legalai-key",
            "CODEGEN_INDEX_ROLLBACK_WEBHOOK_URL", "http://127.0.0.1:9/rollback");

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

    private RunbookFiles() {}

    /** A valid runbook whose front matter is {@code frontMatter}, with every section. */
    static String runbook(String frontMatter) {
        return "---\n" + frontMatter.stripTrailing() + "\n---\n" + SECTIONS;
    }

    /** A complete front matter for workflow {@code shop}, easy to vary with {@code replace}. */
    static String shopFrontMatter() {
        return """
                workflow: shop
                title: Shop assistant
                aliases: [shop-bot]
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
                """;
    }

    static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the repo's {@code runbooks/} folder into {@code target}. */
    static Path copyExamples(Path target) {
        Path source = Path.of("runbooks");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line of {@code text} containing {@code fragment}. */
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
