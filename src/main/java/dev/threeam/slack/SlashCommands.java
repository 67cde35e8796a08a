package dev.threeam.slack;

import dev.threeam.common.Text;
import dev.threeam.action.ActionService;
import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.drill.DrillService;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.runbook.RunbookRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private final IncidentService incidents;
    private final ActionService actions;
    private final RunbookRegistry runbooks;
    private final DrillService drills;
    private final SlackNames names;
    private final Clock clock;

    public SlashCommands(IncidentService incidents, ActionService actions, RunbookRegistry runbooks, DrillService drills,
            SlackNames names, Clock clock) {
        this.incidents = incidents;
        this.actions = actions;
        this.runbooks = runbooks;
        this.drills = drills;
        this.names = names;
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
            default -> "Unknown subcommand `" + Text.escape(words[0], 50) + "`.\n" + HELP;
        };
    }

    private String drill(String[] words, String user) {
        if (words.length < 3) {
            return "Usage: `/ai-incident drill <workflow> <failure_type>`, e.g. `/ai-incident drill support-chat retrieval_failure`.";
        }
        try {
            String id = drills.start(words[1], words[2].strip(), user);
            return "DRILL *" + id + "* started for " + Text.escape(words[1]) + " (" + Text.escape(words[2].strip())
                    + "). Nothing will be paged or rolled back for real; the thread gets a scorecard when it is resolved.";
        } catch (dev.threeam.common.BadInputException e) {
            return "Cannot start the drill: " + Text.escape(e.getMessage());
        }
    }

    private String status() {
        List<Incident> open = incidents.open();
        if (open.isEmpty()) {
            return ":large_green_circle: No open incidents.";
        }
        StringBuilder reply = new StringBuilder("*" + open.size() + " open incident" + (open.size() == 1 ? "" : "s") + "*\n");
        for (Incident incident : open) {
            int answered = incidents.answers(incident.id()).size();
            String owner = incident.workflow() == null ? "no owner" : runbooks.find(incident.workflow())
                    .flatMap(book -> book.owningRole(incident.type())).orElse("no owner");
            reply.append("• *").append(incident.drill() ? "DRILL " : "").append(incident.id()).append("* [").append(incident.severity().id()).append("] `")
                    .append(incident.type().id()).append("` ").append(Text.escape(incident.title(), 120))
                    .append(" — ").append(incident.status().id())
                    .append(incident.acknowledgedBy() != null ? " by " + SlackText.forIncident(incident, names).person(incident.acknowledgedBy()) : "")
                    .append(", owner ").append(Text.escape(owner)).append(", open ").append(CardView.duration(incident.age(clock.instant())))
                    .append(", ").append(answered).append("/5 answered\n");
        }
        return Text.shorten(reply.toString(), 3000);
    }

    private String open(String[] words, String user) {
        if (words.length < 3 || words[2].isBlank()) {
            return "Usage: `/ai-incident open <workflow> <title>`, e.g. `/ai-incident open support-chat Answers cite the wrong policy`.";
        }
        String workflow = runbooks.find(words[1]).map(book -> book.workflow()).orElse(words[1]);
        Alert alert = new Alert("manual", "manual:" + UUID.randomUUID(), AlertStatus.FIRING, words[2], "critical", null, workflow,
                Map.of("workflow", workflow, "declared_by", user), Map.of("description", "Declared by hand in Slack"), Map.of(),
                clock.instant(), null);
        String id = incidents.ingest(List.of(alert)).incidents().get(0);
        return "Opened *" + id + "* for " + Text.escape(workflow) + (runbooks.find(workflow).isEmpty() ? " (no runbook answers to that name)" : "")
                + ". Its thread is on the way.";
    }

    private String resolve(String[] words, String user, String channel) {
        if (words.length > 1) {
            String id = words[1].toUpperCase(java.util.Locale.ROOT);
            return textFor(id).render(actions.resolve(id, user).message());
        }
        List<Incident> here = incidents.open().stream()
                .filter(incident -> channel != null && channel.equals(incident.channel())).toList();
        if (here.size() == 1) {
            return SlackText.forIncident(here.get(0), names).render(actions.resolve(here.get(0).id(), user).message());
        }
        if (here.isEmpty()) {
            return "There is no open incident in this channel. Say which: `/ai-incident resolve INC-n`.";
        }
        return "Which one? Open here: " + String.join(", ", here.stream().map(Incident::id).toList()) + ". Say `/ai-incident resolve INC-n`.";
    }

    /** How a message about this incident names people (plain names for a drill). */
    private SlackText textFor(String incidentId) {
        return incidents.find(incidentId).map(incident -> SlackText.forIncident(incident, names)).orElse(SlackText.MENTIONS);
    }
}
