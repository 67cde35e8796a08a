package dev.threeam.web;

import dev.threeam.action.ActionLog;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.common.JsonFields;
import dev.threeam.drill.DrillService;
import dev.threeam.incident.Example;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.IncidentStatus;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.review.Postmortem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API: incidents, their postmortem draft, drills, eval results, and the failed examples for the eval pipeline. */
final class ApiRoutes {

    private final IncidentService incidents;
    private final ActionLog actions;
    private final Postmortem postmortem;
    private final DrillService drills;

    ApiRoutes(IncidentService incidents, ActionLog actions, Postmortem postmortem, DrillService drills) {
        this.incidents = incidents;
        this.actions = actions;
        this.postmortem = postmortem;
        this.drills = drills;
    }

    void register(RoutesConfig routes, BearerToken token, Runnable wake) {
        routes.get("/api/incidents", ctx -> {
            token.check(ctx);
            String status = ctx.queryParam("status");
            List<Incident> found = status == null ? incidents.all() : status.equals("open") ? incidents.open()
                    : incidents.withStatus(checkedStatus(status));
            Http.json(ctx, 200, found.stream().map(IncidentJson::summary).toList());
        });
        routes.get("/api/incidents/{id}", ctx -> {
            token.check(ctx);
            String id = ctx.pathParam("id");
            Incident incident = incidents.find(id).orElseThrow(() -> notFound(id));
            Http.json(ctx, 200, IncidentJson.full(incident, incidents.alerts(id), incidents.answers(id), actions.forIncident(id),
                    incidents.timeline(id)));
        });
        routes.get("/api/incidents/{id}/postmortem.md", ctx -> {
            token.check(ctx);
            String markdown = postmortem.draft(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx.pathParam("id")));
            ctx.status(200).contentType("text/markdown; charset=utf-8").result(markdown);
        });
        routes.post("/api/drills", ctx -> {
            token.check(ctx);
            Map<String, Object> body = JsonFields.object(ctx.bodyAsBytes());
            String id = drills.start(JsonFields.requiredString(body, "workflow"), JsonFields.requiredString(body, "failure_type"), TimelineEntry.API);
            wake.run();
            Http.json(ctx, 201, Map.of("incident", id));
        });
        routes.post("/api/incidents/{id}/eval-result", ctx -> {
            token.check(ctx);
            Map<String, Object> body = JsonFields.object(ctx.bodyAsBytes());
            Object passed = body.get("passed");
            if (!(passed instanceof Boolean)) {
                throw new BadInputException("passed: expected true or false, got " + (passed == null ? "nothing" : passed));
            }
            String summary = body.get("summary") == null ? "" : JsonFields.requiredString(body, "summary");
            String url = body.get("url") == null ? null : JsonFields.requiredString(body, "url");
            if (!incidents.recordEvalResult(ctx.pathParam("id"), (Boolean) passed, summary, url)) {
                throw notFound(ctx.pathParam("id"));
            }
            wake.run();
            Http.json(ctx, 200, Map.of("recorded", true));
        });
        routes.get("/api/examples", ctx -> {
            token.check(ctx);
            String set = ctx.queryParam("set");
            if (set == null || !Example.SETS.contains(set)) {
                throw new BadInputException("set: expected one of " + String.join(", ", Example.SETS) + ", got "
                        + (set == null ? "nothing" : "\"" + set + "\""));
            }
            StringBuilder jsonl = new StringBuilder();
            Map<String, Incident> byId = new HashMap<>();
            for (Example example : incidents.examples(set)) {
                Incident incident = byId.computeIfAbsent(example.incidentId(), id -> incidents.find(id).orElseThrow());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("incident", example.incidentId());
                line.put("workflow", incident.workflow());
                line.put("failure_type", incident.type().id());
                line.put("set", example.setName());
                line.put("example", example.example());
                line.put("added_by", example.addedBy());
                line.put("at", example.at());
                jsonl.append(Json.write(line)).append('\n');
            }
            ctx.status(200).contentType("application/x-ndjson; charset=utf-8").result(jsonl.toString());
        });
    }

    private static IncidentStatus checkedStatus(String status) {
        return IncidentStatus.fromId(status).orElseThrow(() -> new BadInputException(
                "status: expected open, " + String.join(", ", Arrays.stream(IncidentStatus.values()).map(IncidentStatus::id).toList())
                        + ", got \"" + status + "\""));
    }

    static NotFoundResponse notFound(String id) {
        return new NotFoundResponse("no incident " + id);
    }
}
