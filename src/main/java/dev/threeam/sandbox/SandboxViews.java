package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Modals and Home tabs, as Slack keeps them: a modal opens only with a fresh trigger id (they expire after
 * three seconds), every view gets an id and a new hash on each update, and each user has one Home tab.
 */
public final class SandboxViews {

    /** How long a trigger id may be used to open a modal. */
    public static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Trigger> triggers = new LinkedHashMap<>();
    private final Map<String, SandboxView> views = new LinkedHashMap<>();

    private record Trigger(String user, Instant issuedAt) {}

    SandboxViews(Clock clock) {
        this.clock = clock;
    }

    /** A trigger id for an interaction of this user, as sent in interaction payloads. */
    public synchronized String issueTrigger(String user) {
        String id = sequence.incrementAndGet() + "." + clock.millis() + "." + hex(8);
        triggers.put(id, new Trigger(user, clock.instant()));
        return id;
    }

    /** {@code views.open}: refuses an unknown ({@code invalid_trigger_id}) or stale ({@code expired_trigger_id}) trigger. */
    public synchronized SandboxView open(String triggerId, ObjectNode view) {
        Trigger trigger = triggers.get(triggerId);
        if (trigger == null) {
            throw new SlackApiError("invalid_trigger_id");
        }
        if (clock.instant().isAfter(trigger.issuedAt().plus(TRIGGER_LIFETIME))) {
            throw new SlackApiError("expired_trigger_id");
        }
        return store(newId(), trigger.user(), view);
    }

    /** {@code views.update} by view id or external id; a stale {@code hash} is a {@code hash_conflict}. */
    public synchronized SandboxView update(String viewId, String externalId, String hash, ObjectNode view) {
        SandboxView current = views.values().stream()
                .filter(candidate -> candidate.id().equals(viewId)
                        || externalId != null && externalId.equals(candidate.view().path("external_id").asText(null)))
                .findFirst()
                .orElseThrow(() -> new SlackApiError("not_found"));
        if (hash != null && !hash.isBlank() && !hash.equals(current.view().path("hash").asText())) {
            throw new SlackApiError("hash_conflict");
        }
        return store(current.id(), current.user(), view);
    }

    /** {@code views.publish}: the user's Home tab, replaced whole. */
    public synchronized SandboxView publishHome(String user, ObjectNode view) {
        String id = home(user).map(SandboxView::id).orElseGet(this::newId);
        return store(id, user, view);
    }

    /** The modals open for this user, oldest first (the last one is on top). */
    public synchronized List<SandboxView> modals(String user) {
        return views.values().stream().filter(view -> view.user().equals(user) && !"home".equals(view.type())).toList();
    }

    public synchronized Optional<SandboxView> home(String user) {
        return views.values().stream().filter(view -> view.user().equals(user) && "home".equals(view.type())).findFirst();
    }

    public synchronized Optional<SandboxView> view(String id) {
        return Optional.ofNullable(views.get(id));
    }

    /** The user closed or submitted a modal. */
    public synchronized void close(String viewId) {
        views.remove(viewId);
    }

    /** Keeps the user-visible state of a modal's inputs so a later view sees it (called on submit). */
    public synchronized void setState(String viewId, JsonNode values) {
        SandboxView view = views.get(viewId);
        if (view != null) {
            ObjectNode copy = view.view().deepCopy();
            copy.putObject("state").set("values", values.deepCopy());
            views.put(viewId, new SandboxView(viewId, view.user(), copy));
        }
    }

    private SandboxView store(String id, String user, ObjectNode request) {
        ObjectNode view = request.deepCopy();
        BlockIds.fill(view.get("blocks"));
        view.put("id", id);
        view.put("team_id", SandboxWorkspace.TEAM_ID);
        view.put("app_id", SandboxWorkspace.APP_ID);
        view.put("bot_id", SandboxWorkspace.BOT_ID);
        view.put("app_installed_team_id", SandboxWorkspace.TEAM_ID);
        view.put("root_view_id", id);
        view.putNull("previous_view_id");
        view.put("hash", clock.millis() + "." + hex(4));
        if (!view.has("private_metadata")) {
            view.put("private_metadata", "");
        }
        if (!view.has("callback_id")) {
            view.put("callback_id", "");
        }
        if (!view.has("external_id")) {
            view.put("external_id", "");
        }
        if (!view.has("clear_on_close")) {
            view.put("clear_on_close", false);
        }
        if (!view.has("notify_on_close")) {
            view.put("notify_on_close", false);
        }
        view.putObject("state").putObject("values");
        SandboxView stored = new SandboxView(id, user, view);
        views.put(id, stored);
        return stored;
    }

    private String newId() {
        return "V0" + Long.toString(sequence.incrementAndGet(), 36).toUpperCase() + hex(3).toUpperCase();
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
