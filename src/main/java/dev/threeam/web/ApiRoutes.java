package dev.threeam.web;

import dev.threeam.common.BadInputException;
import dev.threeam.action.ActionLog;
import dev.threeam.drill.DrillService;
import dev.threeam.incident.EvalResults;
import dev.threeam.incident.Examples;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentStore;
import dev.threeam.incident.Postmortem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The JSON API: incidents, their postmortem draft, and the failed examples for the eval pipeline. */
final class ApiRoutes {

    private final Jdbi jdbi;
    private final ActionLog actions;
    private final Examples examples;
    private final Postmortem postmortem;
    private final DrillService drills;
    private final EvalResults evals;

    ApiRoutes(Jdbi jdbi, ActionLog actions, Examples examples, Postmortem postmortem, DrillService drills, EvalResults evals) {
        this.jdbi = jdbi;
        this.actions = actions;
        this.examples = examples;
        this.postmortem = postmortem;
        this.drills = drills;
        this.evals = evals;
    }

    void register(RoutesConfig routes, BearerToken token, Runnable wake) {
        routes.get("/api/incidents", ctx -> {
            token.check(ctx);
            String status = ctx.queryParam("status");
            List<Incident> incidents = jdbi.withExtension(IncidentStore.class, store -> status == null ? store.all()
                    : status.equals("open") ? store.open() : store.withStatus(checkedStatus(status)));
            Http.json(ctx, 200, incidents.stream().map(IncidentJson::summary).toList());
        });
        routes.get("/api/incidents/{id}", ctx -> {
            token.check(ctx);
            Http.json(ctx, 200, full(ctx.pathParam("id")));
        });
        routes.get("/api/incidents/{id}/postmortem.md", ctx -> {
            token.check(ctx);
            String markdown = postmortem.draft(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx.pathParam("id")));
            ctx.status(200).contentType("text/markdown; charset=utf-8").result(markdown);
        });
        routes.post("/api/drills", ctx -> {
            token.check(ctx);
            Map<String, Object> body = JsonBodies.object(ctx.bodyAsBytes());
            String id = drills.start(JsonBodies.string(body, "workflow"), JsonBodies.string(body, "failure_type"), "api");
            wake.run();
            Http.json(ctx, 201, Map.of("incident", id));
        });
        routes.post("/api/incidents/{id}/eval-result", ctx -> {
            token.check(ctx);
            Map<String, Object> body = JsonBodies.object(ctx.bodyAsBytes());
            Object passed = body.get("passed");
            if (!(passed instanceof Boolean)) {
                throw new BadInputException("passed: expected true or false, got " + (passed == null ? "nothing" : passed));
            }
            String summary = body.get("summary") == null ? "" : JsonBodies.string(body, "summary");
            String url = body.get("url") == null ? null : JsonBodies.string(body, "url");
            if (!evals.record(ctx.pathParam("id"), (Boolean) passed, summary, url)) {
                throw notFound(ctx.pathParam("id"));
            }
            wake.run();
            Http.json(ctx, 200, Map.of("recorded", true));
        });
        routes.get("/api/examples", ctx -> {
            token.check(ctx);
            String set = ctx.queryParam("set");
            if (set == null || !Examples.SETS.contains(set)) {
                throw new BadInputException("set: expected one of " + String.join(", ", Examples.SETS) + ", got " + (set == null ? "nothing" : "\"" + set + "\""));
            }
            StringBuilder jsonl = new StringBuilder();
            Map<String, Incident> incidents = new java.util.HashMap<>();
            for (Examples.Example example : examples.inSet(set)) {
                Incident incident = incidents.computeIfAbsent(example.incidentId(),
                        id -> jdbi.withExtension(IncidentStore.class, store -> store.find(id)).orElseThrow());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("incident", example.incidentId());
                line.put("workflow", incident.workflow());
                line.put("failure_type", incident.failureType());
                line.put("set", example.setName());
                line.put("example", example.example());
                line.put("added_by", example.addedBy());
                line.put("at", example.at());
                jsonl.append(dev.threeam.common.Json.write(line)).append('\n');
            }
            ctx.status(200).contentType("application/x-ndjson; charset=utf-8").result(jsonl.toString());
        });
    }

    private Map<String, Object> full(String id) {
        return jdbi.withExtension(IncidentStore.class, store -> {
            Incident incident = store.find(id).orElseThrow(() -> notFound(id));
            return IncidentJson.full(incident, store.alerts(id), store.answers(id), actions.forIncident(id), store.timeline(id));
        });
    }

    private static String checkedStatus(String status) {
        if (!List.of("triggered", "acknowledged", "mitigated", "resolved").contains(status)) {
            throw new BadInputException("status: expected open, triggered, acknowledged, mitigated or resolved, got \"" + status + "\"");
        }
        return status;
    }

    static NotFoundResponse notFound(String id) {
        return new NotFoundResponse("no incident " + id);
    }
}
