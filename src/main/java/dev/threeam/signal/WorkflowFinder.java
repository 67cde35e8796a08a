package dev.threeam.signal;

import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the workflow of a point or a log record the way alerts find theirs (workflow id or alias, without regard
 * to case): {@code gen_ai.workflow.name} or {@code workflow} on the point, then {@code gen_ai.workflow.name},
 * {@code workflow} or {@code service.name} on its resource.
 */
final class WorkflowFinder {

    private final RunbookRegistry runbooks;

    WorkflowFinder(RunbookRegistry runbooks) {
        this.runbooks = runbooks;
    }

    /** The runbook, or empty; {@code lookedAt} receives what was tried, for the drop message. */
    Optional<Runbook> find(List<KeyValue> resource, List<KeyValue> point, List<String> lookedAt) {
        List<String[]> tried = new ArrayList<>();
        for (String key : GenAi.WORKFLOW_ON_POINT) {
            Optional<String> name = Attributes.text(point, key);
            if (name.isPresent()) {
                Optional<Runbook> runbook = runbooks.find(name.get());
                if (runbook.isPresent()) {
                    return runbook;
                }
                tried.add(new String[] {key, name.get()});
            }
        }
        for (String key : GenAi.WORKFLOW_ON_RESOURCE) {
            Optional<String> name = Attributes.text(resource, key);
            if (name.isPresent()) {
                Optional<Runbook> runbook = runbooks.find(name.get());
                if (runbook.isPresent()) {
                    return runbook;
                }
                tried.add(new String[] {key, name.get()});
            }
        }
        if (lookedAt.isEmpty()) {
            lookedAt.add(tried.isEmpty() ? "no service.name, gen_ai.workflow.name or workflow attribute"
                    : String.join(", ", tried.stream().map(pair -> pair[0] + "=" + pair[1]).toList()) + " matches no runbook");
        }
        return Optional.empty();
    }
}
