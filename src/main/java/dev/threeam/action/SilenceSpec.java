package dev.threeam.action;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Alertmanager silence as 3am asks for it: equality matchers on the incident's group labels, from now until
 * {@code endsAt}. {@code id} is the incident's existing silence (Alertmanager then updates it in place) or null.
 */
public record SilenceSpec(String id, List<SilenceMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    public SilenceSpec {
        matchers = List.copyOf(matchers);
    }

    /** The same silence, as an update of Alertmanager's silence {@code silenceId}. */
    SilenceSpec withId(String silenceId) {
        return new SilenceSpec(silenceId, matchers, startsAt, endsAt, createdBy, comment);
    }

    /** The body of {@code POST /api/v2/silences}, keys as Alertmanager spells them. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("matchers", matchers.stream().map(matcher -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", matcher.name());
            json.put("value", matcher.value());
            json.put("isRegex", false);
            json.put("isEqual", true);
            return json;
        }).toList());
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("createdBy", createdBy);
        body.put("comment", comment);
        return body;
    }
}
