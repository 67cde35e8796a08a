package dev.threeam.change;

import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /changes}: one change object or an array of at most {@link #MAX_ITEMS}.
 * {@code workflow}, {@code kind} and {@code summary} are required; {@code at} (ISO-8601) defaults to now;
 * unknown fields are ignored. Refusals name the field and, in an array, the index:
 * {@code [2].kind: unknown change kind "promt"; expected one of prompt, model_route, …}.
 */
public final class ChangeParser {

    public static final int MAX_ITEMS = 1000;
    private static final String EXPECTED = "a change object or an array of them";

    private final Clock clock;

    public ChangeParser(Clock clock) {
        this.clock = clock;
    }

    /** The changes in {@code body}, in order; nothing is returned unless every item is valid. */
    public List<ChangeEvent> parse(String body) {
        return parse(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #parse(String)}, from the body as it arrived. */
    public List<ChangeEvent> parse(byte[] body) {
        JsonNode root = JsonFields.read(body, EXPECTED);
        Instant now = clock.instant();
        if (root.isObject()) {
            return List.of(change(root, "", now));
        }
        if (!root.isArray()) {
            throw new BadInputException("body: expected " + EXPECTED + ", got " + JsonFields.describe(root));
        }
        if (root.size() > MAX_ITEMS) {
            throw new BadInputException("body: " + root.size() + " changes in one request; at most " + MAX_ITEMS);
        }
        List<ChangeEvent> changes = new ArrayList<>(root.size());
        for (int index = 0; index < root.size(); index++) {
            JsonNode item = root.get(index);
            String path = "[" + index + "]";
            if (!item.isObject()) {
                throw new BadInputException(path + ": expected a change object, got " + JsonFields.describe(item));
            }
            changes.add(change(item, path, now));
        }
        return List.copyOf(changes);
    }

    private static ChangeEvent change(JsonNode item, String path, Instant now) {
        String workflow = JsonFields.string(item, "workflow", path);
        ChangeKind kind = kind(item, path);
        String summary = JsonFields.string(item, "summary", path);
        String from = JsonFields.stringOrNumber(item, "from", path);
        String to = JsonFields.stringOrNumber(item, "to", path);
        String author = JsonFields.string(item, "author", path);
        String url = JsonFields.string(item, "url", path);
        Instant at = JsonFields.optionalInstant(item, "at", path);
        try {
            return ChangeEvent.fromApi(workflow, kind, summary, from, to, author, url, at == null ? now : at);
        } catch (BadInputException e) {
            throw new BadInputException(path.isEmpty() ? e.getMessage() : path + "." + e.getMessage());
        }
    }

    private static ChangeKind kind(JsonNode item, String path) {
        String id = JsonFields.string(item, "kind", path);
        if (id == null || id.isBlank()) {
            throw new BadInputException(JsonFields.at(path, "kind") + ": required; expected one of " + ChangeKind.allIds());
        }
        return ChangeKind.fromId(id).orElseThrow(() -> new BadInputException(JsonFields.at(path, "kind")
                + ": unknown change kind " + JsonFields.quoted(id) + "; expected one of " + ChangeKind.allIds()));
    }
}
