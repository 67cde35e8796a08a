package dev.threeam.slack;

import dev.threeam.common.Mrkdwn;
import dev.threeam.action.ActionService;
import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.drill.DrillService;
import dev.threeam.incident.AlertIngestor;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentStore;
import dev.threeam.incident.Outcome;
import dev.threeam.runbook.RunbookRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /ai-incident help | status | open <workflow> <title> | resolve [INC-n] | reload}. The answer goes only to
 * the person who typed it; what it changes shows in the threads.
 */
public final class SlashCommands {

    static final String HELP = """
            *3am — /ai-incident*
            • `status` — open incidents: state, owner, time open, questions answered
            • `open <workflow> <title>` — declare an incident by hand (same thread as an alert would get)
            • `resolve [INC-n]` — resolve one (without an id: the only open incident of this channel)
            • `drill <workflow> <failure_type>` — a game-day drill: nothing is paged or rolled back for real
            • `reload` — re-read the runbooks
            • `help` — this list""";

    private final Jdbi jdbi;
    private final AlertIngestor ingestor;
    private final ActionService actions;
    private final RunbookRegistry runbooks;
    private final DrillService drills;
    private final Clock clock;

    public SlashCommands(Jdbi jdbi, AlertIngestor ingestor, ActionService actions, RunbookRegistry runbooks, DrillService drills, Clock clock) {
        this.jdbi = jdbi;
        this.ingestor = ingestor;
        this.actions = actions;
        this.runbooks = runbooks;
        this.drills = drills;
        this.clock = clock;
    }

    public String run(String text, String user, String channel) {
        String[] words = (text == null ? "" : text.strip()).split("\\s+", 3);
        return switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
            case "status" -> status();
            case "open" -> open(words, user);
            case "resolve" -> resolve(words, user, channel);
            case "reload" -> runbooks.reload().summary();
            case "drill" -> drill(words, user);
            case "help", "" -> HELP;
            default -> "Unknown subcommand `" + Mrkdwn.escape(words[0], 50) + "`.\n" + HELP;
        };
    }

    private String drill(String[] words, String user) {
        if (words.length < 3) {
            return "Usage: `/ai-incident drill <workflow> <failure_type>`, e.g. `/ai-incident drill support-chat retrieval_failure`.";
        }
        try {
            String id = drills.start(words[1], words[2].strip(), user);
            return "DRILL *" + id + "* started for " + Mrkdwn.escape(words[1]) + " (" + Mrkdwn.escape(words[2].strip())
                    + "). Nothing will be paged or rolled back for real; the thread gets a scorecard when it is resolved.";
        } catch (dev.threeam.common.BadInputException e) {
            return "Cannot start the drill: " + Mrkdwn.escape(e.getMessage());
        }
    }

    private String status() {
        List<Incident> open = jdbi.withExtension(IncidentStore.class, IncidentStore::open);
        if (open.isEmpty()) {
            return ":large_green_circle: No open incidents.";
        }
        StringBuilder reply = new StringBuilder("*" + open.size() + " open incident" + (open.size() == 1 ? "" : "s") + "*\n");
        for (Incident incident : open) {
            int answered = jdbi.withExtension(IncidentStore.class, store -> store.answers(incident.id()).size());
            String owner = incident.workflow() == null ? "no owner" : runbooks.find(incident.workflow())
                    .flatMap(book -> book.owningRole(incident.type())).orElse("no owner");
            reply.append("• *").append(incident.drill() ? "DRILL " : "").append(incident.id()).append("* [").append(incident.severity()).append("] `")
                    .append(incident.failureType()).append("` ").append(Mrkdwn.escape(incident.title(), 120))
                    .append(" — ").append(incident.status())
                    .append(incident.acknowledgedBy() != null ? " by " + Mrkdwn.user(incident.acknowledgedBy()) : "")
                    .append(", owner ").append(Mrkdwn.escape(owner)).append(", open ").append(CardView.duration(incident.age(clock.instant())))
                    .append(", ").append(answered).append("/5 answered\n");
        }
        return Mrkdwn.truncate(reply.toString(), 3000);
    }

    private String open(String[] words, String user) {
        if (words.length < 3 || words[2].isBlank()) {
            return "Usage: `/ai-incident open <workflow> <title>`, e.g. `/ai-incident open support-chat Answers cite the wrong policy`.";
        }
        String workflow = runbooks.find(words[1]).map(book -> book.workflow()).orElse(words[1]);
        Alert alert = new Alert("manual", "manual:" + UUID.randomUUID(), AlertStatus.FIRING, words[2], "critical", null, workflow,
                Map.of("workflow", workflow, "declared_by", user), Map.of("description", "Declared by hand in Slack"), Map.of(),
                clock.instant(), null);
        String id = ingestor.ingest(List.of(alert)).incidents().get(0);
        return "Opened *" + id + "* for " + Mrkdwn.escape(workflow) + (runbooks.find(workflow).isEmpty() ? " (no runbook answers to that name)" : "")
                + ". Its thread is on the way.";
    }

    private String resolve(String[] words, String user, String channel) {
        if (words.length > 1) {
            Outcome outcome = actions.resolve(words[1].toUpperCase(java.util.Locale.ROOT), user);
            return outcome.message();
        }
        List<Incident> here = jdbi.withExtension(IncidentStore.class, IncidentStore::open).stream()
                .filter(incident -> channel != null && channel.equals(incident.channel())).toList();
        if (here.size() == 1) {
            return actions.resolve(here.get(0).id(), user).message();
        }
        if (here.isEmpty()) {
            return "There is no open incident in this channel. Say which: `/ai-incident resolve INC-n`.";
        }
        return "Which one? Open here: " + String.join(", ", here.stream().map(Incident::id).toList()) + ". Say `/ai-incident resolve INC-n`.";
    }
}
