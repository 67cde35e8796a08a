package dev.threeam.change;

import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a Langfuse prompt-version webhook into a {@code prompt} change: checks its signature
 * ({@link LangfuseSignature}), then reads {@code id}, {@code timestamp}, {@code action} and
 * {@code prompt {name, version, labels, commitMessage}}. The summary reads "Prompt support-answers v42: shorter
 * refusals"; {@code to} is {@code v42} and, for a created version, {@code from} is {@code v41}. An {@code updated}
 * (a label moved) or {@code deleted} version says so in the summary and claims no previous version. The change's
 * external id is {@code langfuse:<id>}, so a retried delivery records nothing new.
 */
public final class LangfuseWebhook {

    public static final String EVENT_TYPE = "prompt-version";

    private final LangfuseSignature signature;
    private final Clock clock;

    /** {@code secret} may be null or blank: every delivery is then refused with a message saying so. */
    public LangfuseWebhook(String secret, Clock clock) {
        this.signature = new LangfuseSignature(secret, clock);
        this.clock = clock;
    }

    public boolean configured() {
        return signature.configured();
    }

    /**
     * Verifies and reads one delivery.
     *
     * @param signatureHeader  the {@code x-langfuse-signature} header, or null when absent
     * @param body             the raw body, byte for byte as received
     * @param workflowResolver given candidate names (the prompt name, then its labels), the workflow they mean;
     *                         when none resolves, the prompt name is the workflow
     * @throws SignatureException when the signature is missing, stale or wrong (answer 401)
     * @throws BadInputException  when the payload is not a prompt-version event 3am can read (answer 400)
     */
    public ChangeEvent receive(String signatureHeader, byte[] body,
                               Function<List<String>, Optional<String>> workflowResolver) {
        signature.verify(signatureHeader, body);
        return parse(body, workflowResolver);
    }

    /** Reads a payload whose signature was checked already (or needs none, as in tests). */
    public ChangeEvent parse(byte[] body, Function<List<String>, Optional<String>> workflowResolver) {
        JsonNode event = JsonFields.read(body, "a Langfuse webhook event");
        if (!event.isObject()) {
            throw new BadInputException("body: expected a Langfuse webhook event object, got " + JsonFields.describe(event));
        }
        String type = JsonFields.string(event, "type", "");
        if (!EVENT_TYPE.equals(type)) {
            throw new BadInputException("type: expected \"" + EVENT_TYPE + "\" (3am records prompt versions only), got "
                    + JsonFields.describe(event.get("type")));
        }
        String id = JsonFields.string(event, "id", "");
        if (id == null || id.isBlank()) {
            throw new BadInputException("id: required (it makes retried deliveries record one change)");
        }
        JsonNode prompt = event.get("prompt");
        if (prompt == null || !prompt.isObject()) {
            throw new BadInputException("prompt: expected an object, got " + JsonFields.describe(prompt));
        }
        String name = JsonFields.string(prompt, "name", "prompt");
        if (name == null || name.isBlank()) {
            throw new BadInputException("prompt.name: required");
        }
        long version = version(prompt);
        List<String> labels = labels(prompt);
        Instant at = JsonFields.optionalInstant(event, "timestamp", "");
        String workflow = resolve(name.strip(), labels, workflowResolver);
        String action = JsonFields.string(event, "action", "");
        String summary = summary(name.strip(), version, action, labels,
                JsonFields.string(prompt, "commitMessage", "prompt"));
        boolean created = action == null || action.isBlank() || action.strip().equals("created");
        return new ChangeEvent(null, workflow, ChangeKind.PROMPT, summary,
                created && version > 1 ? "v" + (version - 1) : null, "v" + version, null, null,
                at == null ? clock.instant() : at, ChangeEvent.SOURCE_LANGFUSE, "langfuse:" + id.strip());
    }

    private static long version(JsonNode prompt) {
        JsonNode version = prompt.get("version");
        if (version == null || !version.canConvertToLong() || !version.isIntegralNumber() || version.longValue() < 1) {
            throw new BadInputException("prompt.version: expected a whole number from 1, got " + JsonFields.describe(version));
        }
        return version.longValue();
    }

    private static List<String> labels(JsonNode prompt) {
        JsonNode labels = prompt.get("labels");
        if (labels == null || labels.isNull()) {
            return List.of();
        }
        if (!labels.isArray()) {
            throw new BadInputException("prompt.labels: expected an array of strings, got " + JsonFields.describe(labels));
        }
        List<String> names = new ArrayList<>();
        for (int index = 0; index < labels.size(); index++) {
            JsonNode label = labels.get(index);
            if (!label.isTextual()) {
                throw new BadInputException("prompt.labels[" + index + "]: expected a string, got " + JsonFields.describe(label));
            }
            if (!label.textValue().isBlank()) {
                names.add(label.textValue().strip());
            }
        }
        return List.copyOf(names);
    }

    private static String resolve(String name, List<String> labels,
                                  Function<List<String>, Optional<String>> workflowResolver) {
        if (workflowResolver == null) {
            return name;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        candidates.addAll(labels);
        return workflowResolver.apply(List.copyOf(candidates)).orElse(name);
    }

    /** "Prompt support-answers v42: shorter refusals"; other actions than created say so, with the labels. */
    private static String summary(String name, long version, String action, List<String> labels, String commitMessage) {
        StringBuilder summary = new StringBuilder("Prompt ").append(name).append(" v").append(version);
        if (action != null && !action.isBlank() && !action.strip().equals("created")) {
            summary.append(" ").append(action.strip());
            if (!labels.isEmpty()) {
                summary.append(" (labels ").append(String.join(", ", labels)).append(")");
            }
        }
        if (commitMessage != null && !commitMessage.isBlank()) {
            summary.append(": ").append(commitMessage.strip());
        }
        return summary.toString();
    }
}
