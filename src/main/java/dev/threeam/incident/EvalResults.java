package dev.threeam.incident;

import dev.threeam.common.Mrkdwn;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** What an eval rerun reports back ({@code POST /api/incidents/{id}/eval-result}): stored, in the timeline and the thread. */
public final class EvalResults {

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentSettings settings;

    public EvalResults(Jdbi jdbi, Clock clock, IncidentSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
    }

    /** False when there is no such incident. */
    public boolean record(String incidentId, boolean passed, String summary, String url) {
        return jdbi.inTransaction(handle -> {
            Journal journal = new Journal(handle, clock.instant(), settings.cardUpdateInterval());
            Optional<Incident> incident = journal.store().find(incidentId);
            if (incident.isEmpty()) {
                return false;
            }
            handle.createUpdate("INSERT INTO eval_results (incident_id, passed, summary, url, at) VALUES (:id, :passed, :summary, :url, :at)")
                    .bind("id", incidentId).bind("passed", passed).bind("summary", summary).bind("url", url).bind("at", journal.now()).execute();
            String text = (passed ? ":white_check_mark: Eval passed: " : ":x: Eval failed: ") + Mrkdwn.escape(summary, 1500)
                    + (url == null ? "" : " — " + Mrkdwn.escape(url, 500));
            journal.log(incidentId, "eval", text);
            journal.notice(incidentId, text);
            journal.cardChanged(incident.get());
            return true;
        });
    }
}
