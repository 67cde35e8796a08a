package dev.threeam.incident;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.threeam.common.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Writes facts to the timeline: their kind, their fields as JSON, and a plain sentence beside them. */
final class Timeline {

    private static final Map<Class<?>, String> KINDS = kinds();

    private Timeline() {}

    static TimelineEntry add(Handle handle, String incidentId, Instant at, String actor, Fact fact) {
        long id = handle.attach(TimelineStore.class).add(incidentId, at, actor, kind(fact), json(fact), fact.sentence().plain());
        return new TimelineEntry(id, incidentId, at, actor, fact);
    }

    static void rewrite(Handle handle, TimelineEntry entry, Fact fact) {
        handle.attach(TimelineStore.class).rewrite(entry.id(), json(fact), fact.sentence().plain());
    }

    static String kind(Fact fact) {
        return kind(fact.getClass());
    }

    static String kind(Class<? extends Fact> type) {
        return KINDS.get(type);
    }

    /** Several facts at once, one per incident, by one actor (one statement). */
    static void addAll(TimelineStore store, List<String> incidentIds, Instant at, String actor, List<Fact> facts) {
        if (!incidentIds.isEmpty()) {
            store.addAll(incidentIds, at, actor, facts.stream().map(Timeline::kind).toList(), facts.stream().map(Timeline::json).toList(),
                    facts.stream().map(fact -> fact.sentence().plain()).toList());
        }
    }

    /** Entries that grow in place (a storm's "N alerts joined"), rewritten with their new facts. */
    static void rewriteAll(TimelineStore store, List<TimelineEntry> entries, List<Fact> facts) {
        if (!entries.isEmpty()) {
            store.rewriteAll(entries.stream().map(TimelineEntry::id).toList(), facts.stream().map(Timeline::json).toList(),
                    facts.stream().map(fact -> fact.sentence().plain()).toList());
        }
    }

    private static String json(Fact fact) {
        try {
            return Json.mapper().writerFor(Fact.class).writeValueAsString(fact);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a fact always serializes: " + fact, e);
        }
    }

    private static Map<Class<?>, String> kinds() {
        Map<Class<?>, String> kinds = new HashMap<>();
        for (JsonSubTypes.Type type : Fact.class.getAnnotation(JsonSubTypes.class).value()) {
            kinds.put(type.value(), type.name());
        }
        return Map.copyOf(kinds);
    }
}
