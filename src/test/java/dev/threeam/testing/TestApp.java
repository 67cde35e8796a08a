package dev.threeam.testing;

import dev.threeam.ThreeAm;
import dev.threeam.config.Config;
import dev.threeam.sandbox.SlackRequestSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real 3am on port 0 with a temporary SQLite database (or {@code TEST_DATABASE_URL}'s PostgreSQL), the example
 * runbooks, and Slack pointed at a {@link FakeSlack}. Tests talk to it over HTTP, as senders and Slack would.
 */
public final class TestApp implements AutoCloseable {

    public static final String TOKEN = "test-webhook-token";
    public static final String SIGNING_SECRET = "test-signing-secret";

    private final ThreeAm app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackRequestSigner signer;

    private TestApp(ThreeAm app) {
        this.app = app;
        this.signer = new SlackRequestSigner(SIGNING_SECRET, Clock.systemUTC());
    }

    /** Settings for a test app: temporary SQLite, the repo's runbooks with their variables set, the fake Slack. */
    public static Map<String, String> settings(FakeSlack slack, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("HOST", "127.0.0.1"); // tests listen on loopback only (production mode alone would mean every address)
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("threeam.db"));
        env.put("RUNBOOKS_DIR", runbooks(dir).toString());
        env.put("SLACK_BOT_TOKEN", "xoxb-test");
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("WEBHOOK_TOKEN", TOKEN);
        env.put("INCIDENT_CHANNEL", "C0INCIDENTS");
        env.put("CARD_UPDATE_INTERVAL", "0s");
        env.put("PD_KEY_LEGALAI", "pd-legalai");
        env.put("PD_KEY_DEVEX", "pd-devex");
        env.put("PD_KEY_HELPDESK", "pd-helpdesk");
        env.put("CODEGEN_INDEX_ROLLBACK_WEBHOOK_URL", "http://127.0.0.1:9/rollback");
        return env;
    }

    public static TestApp start(Map<String, String> env) {
        return start(env, Clock.systemUTC());
    }

    /** With a clock the test controls (a {@link MutableClock}). */
    public static TestApp start(Map<String, String> env, Clock clock) {
        return new TestApp(new ThreeAm(Config.from(env), clock).start());
    }

    /** A private copy of the repo's runbooks (their flag file is edited by rollbacks). */
    public static Path runbooks(Path dir) {
        Path target = dir.resolve("runbooks");
        if (Files.isDirectory(target)) {
            return target;
        }
        Path source = Path.of("runbooks").toAbsolutePath();
        try (var files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public ThreeAm app() {
        return app;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + TOKEN).GET().build());
    }

    /** POSTs a signed Slack request: {@code payload=<json>} for interactions. */
    public HttpResponse<String> interaction(String payloadJson) {
        return slack("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** POSTs a signed slash command. */
    public HttpResponse<String> command(String user, String channel, String text) {
        String body = "token=x&team_id=T0SANDBOX&channel_id=" + channel + "&channel_name=incidents&user_id=" + user
                + "&user_name=" + user + "&command=%2Fai-incident&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(url("/noop"), StandardCharsets.UTF_8) + "&trigger_id=t1&api_app_id=A0THREEAM";
        return slack(body, "application/x-www-form-urlencoded");
    }

    public HttpResponse<String> slack(String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/slack/events"))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signer.sign(body).forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
