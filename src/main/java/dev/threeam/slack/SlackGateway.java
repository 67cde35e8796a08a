package dev.threeam.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Slack Web API calls 3am makes, with every failure sorted into a {@link SlackCallException.Kind}, counted and told
 * to {@link SlackHealth} (which logs it). It does not retry: the outbox owns retries, so nothing is posted twice.
 */
public final class SlackGateway {

    /** The metadata event type that marks messages 3am posted, with the outbox row that posted them. */
    public static final String METADATA_EVENT = "threeam_message";

    private static final Set<String> TRANSIENT_ERRORS = Set.of(
            "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");

    private final MethodsClient client;
    private final SlackMetrics metrics;
    private final SlackHealth health;

    public SlackGateway(MethodsClient client, SlackMetrics metrics, SlackHealth health) {
        this.client = client;
        this.metrics = metrics;
        this.health = health;
    }

    public record Posted(String channel, String ts) {}

    public Posted post(String channel, String threadTs, Message message, Map<String, Object> metadata) {
        var response = call("chat.postMessage", () -> client.chatPostMessage(r -> r
                .channel(channel)
                .threadTs(threadTs)
                .text(message.text())
                .blocks(message.blocks())
                .unfurlLinks(false)
                .unfurlMedia(false)
                .metadata(metadata == null ? null : new com.slack.api.model.Message.Metadata(METADATA_EVENT, metadata))));
        return new Posted(response.getChannel(), response.getTs());
    }

    public void update(String channel, String ts, Message message) {
        update(channel, ts, message, null);
    }

    /** Redraws a message; {@code metadata}, when given, replaces the message's (the card's state). */
    public void update(String channel, String ts, Message message, Map<String, Object> metadata) {
        call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text()).blocks(message.blocks())
                .metadata(metadata == null ? null : new com.slack.api.model.Message.Metadata(METADATA_EVENT, metadata))));
    }

    public void postEphemeral(String channel, String user, String threadTs, String text, List<LayoutBlock> blocks) {
        call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(threadTs)
                .text(Limits.plain(text, Limits.MESSAGE_TEXT)).blocks(blocks)));
    }

    public void join(String channel) {
        call("conversations.join", () -> client.conversationsJoin(r -> r.channel(channel)));
    }

    public String openDirect(String user) {
        return call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user)))).getChannel().getId();
    }

    public List<String> userGroupMembers(String group) {
        return call("usergroups.users.list", () -> client.usergroupsUsersList(r -> r.usergroup(group))).getUsers();
    }

    /** A user's name as Slack shows it: display name, else real name, else user name ({@code users.info}, Tier 4). */
    public Optional<String> userName(String user) {
        com.slack.api.model.User found = call("users.info", () -> client.usersInfo(r -> r.user(user))).getUser();
        if (found == null) {
            return Optional.empty();
        }
        return java.util.stream.Stream.of(found.getProfile() == null ? null : found.getProfile().getDisplayName(),
                found.getProfile() == null ? null : found.getProfile().getRealName(), found.getRealName(), found.getName())
                .filter(name -> name != null && !name.isBlank()).findFirst();
    }

    /** Every user group's name (else its handle) by id ({@code usergroups.list}, Tier 2: one call for all groups). */
    public Map<String, String> userGroupNames() {
        List<com.slack.api.model.Usergroup> groups = call("usergroups.list", () -> client.usergroupsList(r -> r)).getUsergroups();
        Map<String, String> names = new java.util.HashMap<>();
        for (com.slack.api.model.Usergroup group : groups == null ? List.<com.slack.api.model.Usergroup>of() : groups) {
            String name = group.getName() != null && !group.getName().isBlank() ? group.getName() : group.getHandle();
            if (group.getId() != null && name != null && !name.isBlank()) {
                names.put(group.getId(), name);
            }
        }
        return names;
    }

    /** A message's link ({@code chat.getPermalink}). */
    public String permalink(String channel, String ts) {
        return call("chat.getPermalink", () -> client.chatGetPermalink(r -> r.channel(channel).messageTs(ts))).getPermalink();
    }

    /**
     * Why the bot cannot read and answer in a channel, or empty when it can ({@code conversations.info}): a channel
     * Slack will not show it (private, a direct message, another workspace), or a private one it was not invited to.
     */
    public Optional<String> cannotReadIn(String channel) {
        com.slack.api.model.Conversation found;
        try {
            found = call("conversations.info", () -> client.conversationsInfo(r -> r.channel(channel))).getChannel();
        } catch (SlackCallException e) {
            if (e.kind() == SlackCallException.Kind.PERMANENT || e.kind() == SlackCallException.Kind.NOT_IN_CHANNEL) {
                return Optional.of("Slack does not show 3am this conversation (" + e.error() + ")");
            }
            throw e;
        }
        if (found != null && (found.isPrivate() || found.isIm() || found.isMpim()) && !found.isMember()) {
            return Optional.of("3am is not a member of this private conversation");
        }
        return Optional.empty();
    }

    /** A standalone canvas from Markdown ({@code canvases.create}, needs {@code canvases:write}); returns its id. */
    public String createCanvas(String title, String markdown) {
        return call("canvases.create", () -> client.canvasesCreate(r -> r.title(title).documentContent(
                com.slack.api.model.canvas.CanvasDocumentContent.builder().type("markdown").markdown(markdown).build()))).getCanvasId();
    }

    /** Lets a channel's members read a canvas ({@code canvases.access.set}). */
    public void shareCanvas(String canvasId, String channel) {
        call("canvases.access.set", () -> client.canvasesAccessSet(r -> r.canvasId(canvasId).accessLevel("read").channelIds(List.of(channel))));
    }

    /** The workspace's address and team id ({@code auth.test}), to link to a canvas. */
    public Optional<String> canvasUrl(String canvasId) {
        var auth = call("auth.test", () -> client.authTest(r -> r));
        if (auth.getUrl() == null || auth.getTeamId() == null) {
            return Optional.empty();
        }
        String base = auth.getUrl().endsWith("/") ? auth.getUrl() : auth.getUrl() + "/";
        return Optional.of(base + "docs/" + auth.getTeamId() + "/" + canvasId);
    }

    public void openView(String triggerId, View view) {
        call("views.open", () -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    public void publishHome(String user, View view) {
        call("views.publish", () -> client.viewsPublish(r -> r.userId(user).view(view)));
    }

    /**
     * Finds a message 3am already posted for outbox row {@code outboxId}: in the thread of {@code threadTs}, or
     * among the channel's recent messages for a root. Used before posting again after a crash.
     */
    public Optional<Posted> findPosted(String channel, String threadTs, long outboxId) {
        List<com.slack.api.model.Message> messages = threadTs == null
                ? call("conversations.history", () -> client.conversationsHistory(r -> r.channel(channel).limit(200).includeAllMetadata(true))).getMessages()
                : call("conversations.replies", () -> client.conversationsReplies(r -> r.channel(channel).ts(threadTs).limit(1000).includeAllMetadata(true))).getMessages();
        return messages == null ? Optional.empty() : messages.stream()
                .filter(message -> message.getMetadata() != null && METADATA_EVENT.equals(message.getMetadata().getEventType()))
                .filter(message -> String.valueOf(outboxId).equals(outboxIdOf(message.getMetadata().getEventPayload())))
                .findFirst()
                .map(message -> new Posted(channel, message.getTs()));
    }

    private static String outboxIdOf(Map<String, Object> payload) {
        Object id = payload == null ? null : payload.get("outbox_id");
        if (id instanceof Number number) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(id);
    }

    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** Makes one Web API call and sorts its failure (also for {@link SlackFiles}). */
    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        try {
            T response = call.run();
            if (!response.isOk()) {
                String error = String.valueOf(response.getError());
                SlackCallException.Kind kind = "not_in_channel".equals(error) ? SlackCallException.Kind.NOT_IN_CHANNEL
                        : SlackHealth.TOKEN_REFUSED.contains(error) ? SlackCallException.Kind.TOKEN_REFUSED
                        : TRANSIENT_ERRORS.contains(error) ? SlackCallException.Kind.TRANSIENT : SlackCallException.Kind.PERMANENT;
                if (kind == SlackCallException.Kind.TOKEN_REFUSED) {
                    metrics.call(method, error);
                    metrics.error(method, error);
                    health.refusedToken(method, error); // said once, loudly; not once a minute per method
                } else {
                    failed(method, error, error);
                }
                throw new SlackCallException(method, kind, error, null);
            }
            metrics.call(method, "ok");
            health.succeeded(method);
            return response;
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                metrics.call(method, "rate_limited"); // a wait, not a failure: the pacer keeps 3am under the limits
                String header = e.getResponse().header("Retry-After");
                long seconds = header == null ? 1 : parseSeconds(header);
                throw new SlackCallException(method, SlackCallException.Kind.RATE_LIMITED, "429 rate limited", Duration.ofSeconds(seconds));
            }
            failed(method, "http_" + status, "HTTP " + status);
            SlackCallException.Kind kind = status >= 500 ? SlackCallException.Kind.TRANSIENT : SlackCallException.Kind.PERMANENT;
            throw new SlackCallException(method, kind, "HTTP " + status, null);
        } catch (InterruptedIOException e) {
            failed(method, "timeout", "timeout: " + e.getMessage());
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, "timeout: " + e.getMessage(), null);
        } catch (IOException e) {
            failed(method, "io_error", e.getClass().getSimpleName() + ": " + e.getMessage());
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    /** {@code code}: the metric's label ({@code http_500}); {@code said}: what the log and {@code /readyz} show. */
    private void failed(String method, String code, String said) {
        metrics.call(method, code);
        metrics.error(method, code);
        health.failed(method, said);
    }

    private static long parseSeconds(String header) {
        try {
            return Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
