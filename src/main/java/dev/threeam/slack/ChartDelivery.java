package dev.threeam.slack;

import dev.threeam.chart.Chart;
import dev.threeam.chart.ChartRequest;
import dev.threeam.chart.ChartService;
import dev.threeam.chart.Drawing;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxMessage;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the {@code post_chart} rows: draws the chart now and uploads it into the incident's thread
 * ({@link SlackFiles}), with its numbers as the comment beside it.
 *
 * <p>Exactly once: only {@code files.completeUploadExternal} puts anything in the thread, and the file id it shares is
 * written to the chart's row just before that call. A row tried again (a crash, a timeout, a 5xx) first looks in the
 * thread for a message carrying that file; if Slack has it, the chart is posted and nothing is sent. Otherwise it
 * starts over with a new upload (the unshared one is never shown, and Slack drops it). The window left open is the
 * same as for posts: a share that reached Slack but was not yet readable when we looked; a timed-out share is looked
 * for only after as long again as we waited.
 *
 * <p>Refused: when Slack will not take the image (a permanent error such as {@code not_allowed_token_type} or
 * {@code missing_scope}, or {@value #UPLOAD_TRIES} transient failures in a row), the chart's numbers are said in the
 * thread instead, once, and the row is done: later replies never wait for a chart.
 */
public final class ChartDelivery {

    static final int UPLOAD_TRIES = 3;
    private static final Duration NOT_POSTED_YET = Duration.ofMillis(500);
    private static final Duration TIMED_OUT_SHARE_SETTLES = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ChartDelivery.class);

    private final IncidentService incidents;
    private final Outbox outbox;
    private final ChartService charts;
    private final SlackFiles files;
    private final Runnable wake;

    /** {@code wake}: a notice was written (the numbers as text), the Slack workers should look now. */
    public ChartDelivery(IncidentService incidents, Outbox outbox, ChartService charts, SlackFiles files, Runnable wake) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.charts = charts;
        this.files = files;
        this.wake = wake;
    }

    public void post(OutboxMessage row, ChartRequest request) {
        Chart chart = charts.find(row.incidentId(), request.seq()).orElseThrow(() -> DeliveryException.permanent("chart_not_found",
                "outbox row " + row.id() + " names no chart " + request.seq() + " of " + row.incidentId()));
        if (chart.state().done()) {
            return;
        }
        Incident incident = incidents.find(chart.incidentId()).orElseThrow(() -> DeliveryException.permanent("incident_not_found",
                "outbox row " + row.id() + " names unknown incident " + row.incidentId()));
        cardPosted(incident);
        if (chart.fileId() != null && alreadyShared(incident, chart)) {
            charts.posted(chart);
            return;
        }
        Optional<Drawing> drawing = charts.draw(chart);
        if (drawing.isEmpty()) {
            charts.skipped(chart, "the runbook of " + chart.workflow() + " no longer writes " + chart.threshold());
            return;
        }
        if (drawing.get().png() == null) {
            LOG.warn("chart {} of {}: {}", chart.seq(), chart.incidentId(), drawing.get().problem());
            sayAsText(chart, "no_image", drawing.get());
            return;
        }
        outbox.markAttempt(row.id()); // counted before the call: UPLOAD_TRIES reads it
        try {
            upload(incident, chart, drawing.get());
            charts.posted(chart);
        } catch (SlackCallException e) {
            refused(row, chart, drawing.get(), e);
        }
    }

    private void upload(Incident incident, Chart chart, Drawing drawing) {
        SlackFiles.Upload upload = files.uploadUrl(drawing.filename(), drawing.png().length, drawing.altText());
        files.send(upload, drawing.png());
        charts.sharing(chart, upload.fileId());
        String comment = Limits.plain(SlackText.MENTIONS.render(drawing.numbers().sentence()), Limits.SECTION);
        try {
            files.complete(upload, drawing.title(), incident.channel(), incident.ts(), comment);
        } catch (SlackCallException e) {
            if (e.kind() != SlackCallException.Kind.NOT_IN_CHANNEL) {
                throw e;
            }
            files.join(incident.channel()); // chat:write.public posts without joining; sharing a file needs the bot in the channel
            files.complete(upload, drawing.title(), incident.channel(), incident.ts(), comment);
        }
    }

    /** Sorts a failed upload: wait (429), try again (transient, a few times), or say the numbers instead. */
    private void refused(OutboxMessage row, Chart chart, Drawing drawing, SlackCallException e) {
        switch (e.kind()) {
            case RATE_LIMITED -> throw DeliveryException.waitFor(e.retryAfter(), e.getMessage());
            case TRANSIENT -> {
                if (row.attempts() + 1 < UPLOAD_TRIES) {
                    throw e.error().startsWith("timeout")
                            ? DeliveryException.transientFailure("timeout", e.getMessage(), TIMED_OUT_SHARE_SETTLES)
                            : DeliveryException.transientFailure("transient", e.getMessage());
                }
                LOG.warn("chart {} of {}: {} after {} tries; saying its numbers instead", chart.seq(), chart.incidentId(), e.getMessage(),
                        UPLOAD_TRIES);
                sayAsText(chart, e.error(), drawing);
            }
            case NOT_IN_CHANNEL, PERMANENT -> {
                LOG.warn("chart {} of {}: Slack refused the upload ({}); saying its numbers instead", chart.seq(), chart.incidentId(),
                        e.getMessage());
                sayAsText(chart, e.error(), drawing);
            }
        }
    }

    private void sayAsText(Chart chart, String code, Drawing drawing) {
        charts.asText(chart, code, drawing.numbers());
        wake.run();
    }

    /**
     * Whether an earlier try already shared the file into the thread. When Slack cannot tell us (no history scope),
     * we upload again: a second chart is better than none.
     */
    private boolean alreadyShared(Incident incident, Chart chart) {
        try {
            return files.findShared(incident.channel(), incident.ts(), chart.fileId()).isPresent();
        } catch (SlackCallException e) {
            if (e.kind() == SlackCallException.Kind.RATE_LIMITED) {
                throw DeliveryException.waitFor(e.retryAfter(), e.getMessage());
            }
            if (e.kind() == SlackCallException.Kind.TRANSIENT) {
                throw DeliveryException.transientFailure("transient", e.getMessage());
            }
            LOG.warn("cannot check whether chart {} of {} was already shared ({}); uploading it", chart.seq(), chart.incidentId(),
                    e.getMessage());
            return false;
        }
    }

    private void cardPosted(Incident incident) {
        if (incident.ts() != null) {
            return;
        }
        if (outbox.cardFailed(incident.id())) {
            throw DeliveryException.permanent(SlackDelivery.CARD_NOT_POSTED, "the card of " + incident.id() + " could not be posted");
        }
        throw DeliveryException.waitFor(NOT_POSTED_YET, "the card of " + incident.id() + " is not posted yet");
    }
}
