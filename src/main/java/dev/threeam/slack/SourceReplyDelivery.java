package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import dev.threeam.common.Text;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.OutboxMessage;
import java.util.List;
import java.util.Map;

/**
 * The threaded reply under a message an incident was declared from, linking the incident's thread. It waits for the
 * card (it links to it) and is posted once, as every message is ({@link SlackDelivery}).
 */
public final class SourceReplyDelivery {

    private final IncidentService incidents;
    private final SlackDelivery delivery;
    private final SlackGateway slack;

    public SourceReplyDelivery(IncidentService incidents, SlackDelivery delivery, SlackGateway slack) {
        this.incidents = incidents;
        this.delivery = delivery;
        this.slack = slack;
    }

    public void post(OutboxMessage row, Deliveries.ReplyToSource request) {
        Incident incident = incidents.find(row.incidentId()).orElseThrow(() -> DeliveryException.permanent(
                "incident_not_found", "outbox row " + row.id() + " names unknown incident " + row.incidentId()));
        delivery.cardPosted(incident);
        delivery.pace(request.channel());
        String where = link(incident);
        String text = ":rotating_light: Declared as *" + incident.id() + "* by <@" + request.by() + ">: "
                + Text.escape(incident.title(), 300) + " — " + where;
        Message message = new Message(text, List.of(section(s -> s.text(markdownText(Text.shorten(text, Limits.SECTION))))));
        delivery.postOnce(row, request.channel(), request.ts(), message, Map.of("outbox_id", row.id(), "incident", incident.id()));
    }

    /** The card's link, else the channel it is in (Slack shows its name). */
    private String link(Incident incident) {
        try {
            return "<" + slack.permalink(incident.channel(), incident.ts()) + "|the incident's thread> in <#" + incident.channel() + ">";
        } catch (SlackCallException e) {
            return "the thread is in <#" + incident.channel() + ">";
        }
    }
}
