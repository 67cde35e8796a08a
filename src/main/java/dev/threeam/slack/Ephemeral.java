package dev.threeam.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private answers to the person who pressed or typed: refusals, "already done", help. Sent at once (not through
 * the outbox), because they only matter now; never posted in the thread.
 */
public final class Ephemeral {

    private static final Logger LOG = LoggerFactory.getLogger(Ephemeral.class);

    private final SlackGateway slack;

    public Ephemeral(SlackGateway slack) {
        this.slack = slack;
    }

    public void tell(String channel, String user, String threadTs, String text) {
        if (channel == null || user == null) {
            return;
        }
        try {
            slack.postEphemeral(channel, user, threadTs, text, null);
        } catch (SlackCallException e) {
            LOG.warn("could not answer {} privately in {}: {}", user, channel, e.getMessage());
        }
    }
}
