package dev.threeam.slack;

import dev.threeam.common.Text;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.ThreadPart;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxHandler;
import dev.threeam.store.OutboxMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out the Slack rows of the outbox: post the card, post a reply in its thread, redraw the card or a
 * question. Messages are rendered now, from the current state, so a late message is never stale.
 *
 * <p>Exactly-once posting: the attempt is counted in the database BEFORE calling Slack, and the message carries
 * its outbox row id in its metadata. A row seen again with attempts &gt; 0 (the process died between Slack's
 * answer and our commit, or the lease expired) is first looked up in the channel or thread; only when Slack
 * does not have it is it posted again. The window left open is a post whose request reached Slack but whose
 * message was not yet readable when we looked. Slack makes a message readable before answering the post; after a
 * crash we look again only once the dead replica's heartbeat is {@code REPLICA_TIMEOUT} old (5 s; a killed process's
 * connections are closed by its kernel at once, so its last request has reached Slack whole or not at all), and after
 * a timeout only once as long again as the timeout has passed, so a late post is seen, not repeated. What remains is
 * a live replica whose heartbeat stalls that long while its own post is still on its way.
 *
 * <p>While Slack refuses the bot token ({@link SlackHealth}), deliveries wait without calling (one a minute tries
 * again); they are never failed for it.
 */
public final class SlackDelivery {

    private static final Duration NOT_POSTED_YET = Duration.ofMillis(500);
    /** The code of a reply or update given up because its card failed for good (that failure is reported once). */
    public static final String CARD_NOT_POSTED = "card_not_posted";
    /** The Slack client's read timeout (10 s): a timed-out post is looked for no sooner than this after it. */
    private static final Duration TIMED_OUT_POST_SETTLES = Duration.ofSeconds(10);

    private final IncidentService incidents;
    private final Outbox outbox;
    private final SlackGateway slack;
    private final ThreadContextLoader contexts;
    private final ThreadViews views;
    private final SlackPacer pacer = new SlackPacer();
    private final SlackHealth health;
    private final String fallbackChannel;

    public SlackDelivery(IncidentService incidents, Outbox outbox, SlackGateway slack, SlackHealth health, ThreadContextLoader contexts,
            ThreadViews views, String fallbackChannel) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.slack = slack;
        this.health = health;
        this.contexts = contexts;
        this.views = views;
        this.fallbackChannel = fallbackChannel;
    }

    /** Posts the card; returns what to record with the row's done: where it is. */
    public Runnable postCard(OutboxMessage row, Deliveries.PostCard request) {
        tokenAccepted();
        Incident incident = incident(row);
        if (incident.ts() != null) {
            return OutboxHandler.NOTHING; // already posted by an earlier attempt that committed
        }
        String channel = incident.channel();
        pace(channel);
        SlackGateway.Posted posted;
        try {
            ThreadContext thread = contexts.load(incident);
            posted = postOnce(row, channel, null, views.render(thread, ThreadPart.CARD), CardState.of(thread, row.id()));
        } catch (DeliveryException e) {
            throw fallBack(incident, e);
        }
        return () -> incidents.cardPosted(incident.id(), posted.channel(), posted.ts());
    }

    /**
     * A runbook naming a channel the bot cannot post in (a typo, an archived channel) must not cost the incident its
     * thread: the card moves to the default channel, saying why, and is tried again there.
     */
    private DeliveryException fallBack(Incident incident, DeliveryException failure) {
        boolean channelProblem = failure.next() == DeliveryException.Next.GIVE_UP
                && java.util.Set.of("channel_not_found", "is_archived", "not_in_channel", "restricted_action").contains(failure.code());
        if (!channelProblem || fallbackChannel == null || fallbackChannel.equals(incident.channel())) {
            return failure;
        }
        incidents.moveThread(incident.id(), incident.channel(), fallbackChannel, failure.code());
        return DeliveryException.waitFor(Duration.ZERO, "moved to " + fallbackChannel);
    }

    /** Posts a reply in the card's thread; returns what to record with the row's done: which message plays its part. */
    public Runnable postReply(OutboxMessage row, Deliveries.PostReply reply) {
        tokenAccepted();
        Incident incident = incident(row);
        cardPosted(incident);
        pace(incident.channel());
        ThreadContext thread = contexts.load(incident);
        Message message;
        if (reply.part() != ThreadPart.NOTICE) {
            message = views.render(thread, reply.part());
        } else if (reply.entry() != null) {
            message = views.notice(thread, incidents.entry(reply.entry()).orElseThrow(() -> DeliveryException.permanent(
                    "entry_not_found", "no timeline entry " + reply.entry())).fact());
        } else {
            message = views.legacyNotice(thread, reply.text() == null ? "" : reply.text());
        }
        SlackGateway.Posted posted = postOnce(row, incident.channel(), incident.ts(), message, replyMetadata(row));
        return () -> incidents.replyPosted(incident.id(), reply.part(), posted.channel(), posted.ts());
    }

    /** Redraws the card; returns what to record with the row's done: when it was drawn. */
    public Runnable updateCard(OutboxMessage row, Deliveries.RedrawCard request) {
        tokenAccepted();
        Incident incident = incident(row);
        cardPosted(incident);
        paceUpdate(); // before reading the thread: a paced redraw costs no reads
        ThreadContext thread = contexts.load(incident);
        // the state is redrawn with the card; the outbox id stays the one that posted it, which recovery looks for
        long postedBy = outbox.cardRow(incident.id()).orElse(row.id());
        call("chat.update", incident.channel(), () -> slack.update(incident.channel(), incident.ts(),
                views.render(thread, ThreadPart.CARD), CardState.of(thread, postedBy)));
        return () -> incidents.cardRedrawn(incident.id());
    }

    public void updateMessage(OutboxMessage row, Deliveries.RedrawMessage request) {
        tokenAccepted();
        Incident incident = incident(row);
        Optional<String> ts = incidents.posted(incident.id(), request.part());
        if (ts.isEmpty()) {
            throw DeliveryException.permanent("message_not_found", "no " + request.part().id() + " message was posted for " + incident.id());
        }
        call("chat.update", incident.channel(), () -> slack.update(incident.channel(), ts.get(),
                views.render(contexts.load(incident), request.part())));
    }

    public void directMessage(OutboxMessage row, Deliveries.DirectMessage request) {
        tokenAccepted();
        Incident incident = incident(row);
        String text = "You are paged as " + Text.escape(request.role()) + " for " + incident.id() + ": " + Text.escape(incident.title(), 500);
        String channel = call("conversations.open", null, () -> slack.openDirect(request.user()));
        call("chat.postMessage", channel, () -> slack.post(channel, null, new Message(text,
                java.util.List.of(com.slack.api.model.block.Blocks.section(s -> s.text(
                        com.slack.api.model.block.composition.BlockCompositions.markdownText(Limits.plain(text, Limits.SECTION)))))), null));
    }

    /** True when a {@code chat.update} may go now (nothing is taken): until then the worker leaves redraws unclaimed. */
    public boolean mayUpdate() {
        return pacer.mayCall("chat.update", null);
    }

    private void paceUpdate() {
        if (!mayUpdate()) {
            throw DeliveryException.waitFor(pacer.wait("chat.update", null), "pacing chat.update");
        }
    }

    /** Waits for a chat.postMessage permit in this channel before rendering anything: a paced row comes back when one is due. */
    void pace(String channel) {
        if (!pacer.tryAcquire("chat.postMessage", channel)) {
            throw DeliveryException.waitFor(pacer.wait("chat.postMessage", channel), "pacing chat.postMessage in " + channel);
        }
    }

    private static Map<String, Object> replyMetadata(OutboxMessage row) {
        return Map.of("outbox_id", row.id(), "incident", row.incidentId() == null ? "" : row.incidentId());
    }

    SlackGateway.Posted postOnce(OutboxMessage row, String channel, String threadTs, Message message, Map<String, Object> metadata) {
        if (row.attempts() > 0) {
            Optional<SlackGateway.Posted> earlier = earlierPost(row, channel, threadTs);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        outbox.markAttempt(row.id());
        return call("chat.postMessage", channel, () -> postJoiningIfNeeded(channel, threadTs, message, metadata));
    }

    /**
     * Looks for this row's message among what Slack already has. When Slack cannot tell us (missing scope, a
     * channel we may not read), we post: a possible duplicate is better than an incident with no card.
     */
    private Optional<SlackGateway.Posted> earlierPost(OutboxMessage row, String channel, String threadTs) {
        try {
            return call("conversations.history", channel, () -> slack.findPosted(channel, threadTs, row.id()));
        } catch (DeliveryException e) {
            if (e.next() != DeliveryException.Next.GIVE_UP) {
                throw e;
            }
            org.slf4j.LoggerFactory.getLogger(SlackDelivery.class).warn(
                    "cannot check whether outbox row {} was already posted ({}); posting it", row.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private SlackGateway.Posted postJoiningIfNeeded(String channel, String threadTs, Message message, Map<String, Object> metadata) {
        try {
            return slack.post(channel, threadTs, message, metadata);
        } catch (SlackCallException e) {
            if (e.kind() != SlackCallException.Kind.NOT_IN_CHANNEL) {
                throw e;
            }
            slack.join(channel);
            return slack.post(channel, threadTs, message, metadata); // once; a second not_in_channel is permanent
        }
    }

    private <T> T call(String method, String channel, java.util.function.Supplier<T> call) {
        if (!method.equals("chat.postMessage") && !pacer.tryAcquire(method, channel)) {
            throw DeliveryException.waitFor(pacer.wait(method, channel), "pacing " + method);
        }
        try {
            return call.get();
        } catch (SlackCallException e) {
            throw switch (e.kind()) {
                case RATE_LIMITED -> {
                    pacer.pause(method, channel, e.retryAfter());
                    yield DeliveryException.waitFor(e.retryAfter(), e.getMessage());
                }
                // a post that timed out may still land: look for it only after as long again as we waited for it
                case TRANSIENT -> method.equals("chat.postMessage") && e.error().startsWith("timeout")
                        ? DeliveryException.transientFailure("timeout", e.getMessage(), TIMED_OUT_POST_SETTLES)
                        : DeliveryException.transientFailure("transient", e.getMessage());
                case TOKEN_REFUSED -> DeliveryException.waitFor(SlackHealth.TOKEN_WAIT, e.getMessage() + "; waiting for a working SLACK_BOT_TOKEN");
                case NOT_IN_CHANNEL, PERMANENT -> DeliveryException.permanent(e.error(), e.getMessage());
            };
        }
    }

    private void call(String method, String channel, Runnable call) {
        call(method, channel, () -> {
            call.run();
            return null;
        });
    }

    /** While Slack refuses the token, a delivery waits without calling, except one a minute that tries again. */
    private void tokenAccepted() {
        if (!health.mayCall()) {
            throw DeliveryException.waitFor(SlackHealth.TOKEN_WAIT, "Slack refuses the bot token (" + health.tokenProblem().orElse("?")
                    + "); waiting for a working SLACK_BOT_TOKEN");
        }
    }

    /** Waits for the card a reply or update needs; gives up when the card failed for good (it never will be). */
    void cardPosted(Incident incident) {
        if (incident.ts() != null) {
            return;
        }
        if (outbox.cardFailed(incident.id())) {
            throw DeliveryException.permanent(CARD_NOT_POSTED, "the card of " + incident.id() + " could not be posted");
        }
        throw DeliveryException.waitFor(NOT_POSTED_YET, "the card of " + incident.id() + " is not posted yet");
    }

    private Incident incident(OutboxMessage row) {
        return incidents.find(row.incidentId())
                .orElseThrow(() -> DeliveryException.permanent("incident_not_found", "outbox row " + row.id() + " names unknown incident " + row.incidentId()));
    }
}
