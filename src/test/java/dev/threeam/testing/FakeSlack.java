package dev.threeam.testing;

import dev.threeam.sandbox.SandboxApi;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.sandbox.SandboxUser;
import dev.threeam.sandbox.SandboxWorkspace;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Slack Web API for tests: the sandbox's in-memory workspace behind a separate server, plus fault
 * injection (429 with Retry-After, 500s, Slack errors, slow answers, a revoked token) that belongs to tests, not the
 * product.
 */
public final class FakeSlack implements AutoCloseable {

    /** One fault: answer {@code method} with this status, Slack error or delay instead of the real answer. */
    public record Fault(int status, String slackError, Map<String, String> headers, long delayMillis) {}

    /** Everyone the example runbooks and the tests name, so DMs and private answers to them land. */
    public static final List<String> PEOPLE = List.of("U0ONCALL", "U0REVIEW1", "U0REVIEW2", "U0REVIEW3", "U0PM1", "U0PM2", "U0PM3",
            "U0VISITOR", "U0STRANGER", "U0ALICE", "U0BOB", "U0CAROL", "U0LAWYER", "U0MALLORY", "U0SEC1");

    /** The fault key of the upload URL that files.getUploadURLExternal hands out (the bytes' POST). */
    public static final String UPLOAD_URL = "files.upload_url";

    private final SandboxWorkspace workspace;
    private final Javalin server;
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultsServed = new ConcurrentHashMap<>();
    private final Map<String, String> canned = new ConcurrentHashMap<>();
    private volatile String tokenRefused;
    private final Map<String, Deque<java.util.concurrent.CountDownLatch>> holds = new ConcurrentHashMap<>();
    private final Map<String, Deque<Boolean>> lostAnswers = new ConcurrentHashMap<>();

    public FakeSlack(Map<String, List<String>> userGroups) {
        List<SandboxUser> people = new ArrayList<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(PEOPLE);
        userGroups.values().forEach(ids::addAll);
        // U0ONCALL is "oncall": tests of drills read the names users.info gives
        ids.forEach(id -> people.add(new SandboxUser(id, id.replaceFirst("^[UW]0*", "").toLowerCase(java.util.Locale.ROOT), "test user")));
        this.workspace = new SandboxWorkspace(Clock.systemUTC(), people, userGroups);
        SandboxApi api = new SandboxApi(workspace);
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.before("/sandbox/api/upload/{key}", ctx -> fault(ctx, UPLOAD_URL));
            config.routes.before("/sandbox/api/{method}", ctx -> {
                String method = ctx.pathParam("method");
                String refused = tokenRefused;
                if (refused != null) {
                    faultsServed.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
                    ctx.status(200).contentType("application/json").result("{\"ok\":false,\"error\":\"" + refused + "\"}");
                    ctx.skipRemainingHandlers();
                    return;
                }
                Deque<java.util.concurrent.CountDownLatch> held = holds.get(method);
                java.util.concurrent.CountDownLatch hold = held == null ? null : held.pollFirst();
                if (hold != null) {
                    faultsServed.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
                    hold.await(60, java.util.concurrent.TimeUnit.SECONDS); // then answered (and posted) as usual
                    return;
                }
                if (canned.containsKey(method)) {
                    ctx.status(200).contentType("application/json").result(canned.get(method));
                    ctx.skipRemainingHandlers();
                    return;
                }
                fault(ctx, method);
            });
            api.addRoutes(config.routes);
            config.routes.after("/sandbox/api/{method}", ctx -> {
                Deque<Boolean> lost = lostAnswers.get(ctx.pathParam("method"));
                if (lost != null && lost.pollFirst() != null) {
                    ctx.status(500).contentType("application/json").result("{\"ok\":false}");
                }
            });
        }).start(0);
    }

    private void fault(io.javalin.http.Context ctx, String method) throws InterruptedException {
        Deque<Fault> queue = faults.get(method);
        Fault fault = queue == null ? null : queue.pollFirst();
        if (fault == null) {
            return;
        }
        faultsServed.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if (fault.delayMillis() > 0) {
            Thread.sleep(fault.delayMillis());
        }
        if (fault.status() == 0) {
            return; // only slow
        }
        fault.headers().forEach(ctx::header);
        ctx.status(fault.status()).contentType("application/json")
                .result(fault.slackError() == null ? "{\"ok\":false}" : "{\"ok\":false,\"error\":\"" + fault.slackError() + "\"}");
        ctx.skipRemainingHandlers();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/sandbox/api/";
    }

    public SandboxWorkspace workspace() {
        return workspace;
    }

    public FakeSlack rateLimitNext(String method, int seconds) {
        return fault(method, new Fault(429, "ratelimited", Map.of("Retry-After", String.valueOf(seconds)), 0));
    }

    public FakeSlack failNext(String method, int status) {
        return fault(method, new Fault(status, null, Map.of(), 0));
    }

    public FakeSlack errorNext(String method, String slackError) {
        return fault(method, new Fault(200, slackError, Map.of(), 0));
    }

    /** Carries out the next call of {@code method}, then answers 500: it took effect, but the bot cannot know. */
    public FakeSlack loseAnswerNext(String method) {
        lostAnswers.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).addLast(Boolean.TRUE);
        return this;
    }

    public FakeSlack slowNext(String method, long millis) {
        return fault(method, new Fault(0, null, Map.of(), millis));
    }

    /**
     * Holds the next call of {@code method} until the returned action runs (then it is carried out and answered as
     * usual, whether or not the caller still waits): a request that reached Slack before its sender died.
     */
    public Runnable holdNext(String method) {
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        holds.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).addLast(hold);
        return hold::countDown;
    }

    /** From now on every method answers {@code error} ({@code token_revoked}, {@code invalid_auth}…), as Slack does for a dead token. */
    public FakeSlack refuseToken(String error) {
        tokenRefused = error;
        return this;
    }

    /** The token works again. */
    public FakeSlack acceptToken() {
        tokenRefused = null;
        return this;
    }

    public FakeSlack fault(String method, Fault fault) {
        faults.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).addLast(fault);
        return this;
    }

    /** Answers {@code method} (one the sandbox does not speak, such as apps.connections.open) with this JSON. */
    public FakeSlack answer(String method, String json) {
        canned.put(method, json);
        return this;
    }

    public int faultsServed(String method) {
        return faultsServed.getOrDefault(method, new AtomicInteger()).get();
    }

    /** Calls the bot made, by method (the real answers only; faults are counted apart). */
    public List<SandboxCall> calls(String method) {
        return workspace.calls(method);
    }

    /** The next canvases.create answers {@code error} ({@code canvas_disabled}, {@code free_team_canvas_tab_already_exists}…). */
    public FakeSlack refuseCanvasNext(String error) {
        return errorNext("canvases.create", error);
    }

    /** Canvases the bot created, with the channels they are shared with. */
    public List<dev.threeam.sandbox.SandboxCanvas> canvases() {
        return workspace.canvases().all();
    }

    public List<SandboxMessage> topLevel(String channel) {
        return workspace.topLevel(channel);
    }

    public List<SandboxMessage> replies(String channel, String rootTs) {
        return workspace.replies(channel, rootTs);
    }

    @Override
    public void close() {
        server.stop();
    }
}
