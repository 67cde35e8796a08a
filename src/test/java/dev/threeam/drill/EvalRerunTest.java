package dev.threeam.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.threeam.common.Json;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.TestApp;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalRerunTest {

    @TempDir
    Path dir;

    @Test
    void rerun_eval_calls_the_runbooks_webhook_and_the_reported_result_reaches_the_thread() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer evals = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evals.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        evals.start();
        Path runbooks = TestApp.runbooks(dir);
        Path support = runbooks.resolve("support-chat.md");
        Files.writeString(support, Files.readString(support).replace("https://evals.internal.example.com/rerun/support-chat",
                "http://127.0.0.1:" + evals.getAddress().getPort() + "/rerun"));
        try (FakeSlack slack = new FakeSlack(Map.of()); TestApp app = TestApp.start(TestApp.settings(slack, dir))) {
            app.post("/alerts", "{\"workflow\":\"support-chat\",\"title\":\"helpfulness eval 0.52 < 0.75\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> !slack.topLevel("C0SUPPORTCHAT").isEmpty());
            String card = slack.topLevel("C0SUPPORTCHAT").get(0).ts();

            app.interaction(Payloads.buttonPress("U0ONCALL", "C0SUPPORTCHAT", card, null, "card", "rerun_eval", "INC-1|eval", "Rerun eval"));

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(Json.mapper().readTree(received.get(0)).get("incident").asText()).isEqualTo("INC-1");
            var result = app.post("/api/incidents/INC-1/eval-result", "{\"passed\":false,\"summary\":\"helpfulness 0.55 on 200 cases\",\"url\":\"https://evals.example/r/1\"}");
            assertThat(result.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> slack.replies("C0SUPPORTCHAT", card).stream()
                    .anyMatch(reply -> reply.text().contains("Eval failed: helpfulness 0.55 on 200 cases")));
            assertThat(app.post("/api/incidents/INC-9/eval-result", "{\"passed\":true}").statusCode()).isEqualTo(404);
            assertThat(app.post("/api/incidents/INC-1/eval-result", "{\"passed\":\"yes\"}").statusCode()).isEqualTo(400);
        } finally {
            evals.stop(0);
        }
    }
}
