package dev.threeam.flow;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.TestApp;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With SLACK_APP_TOKEN the bot speaks Socket Mode: it asks apps.connections.open for a WebSocket URL, receives
 * interactions as envelopes, acks each envelope, and handles them like HTTP ones. No signing secret needed.
 */
class SocketModeTest {

    @TempDir
    Path dir;

    static final class SlackSocket extends WebSocketServer {
        final List<WebSocket> clients = new CopyOnWriteArrayList<>();
        final List<String> received = new CopyOnWriteArrayList<>();

        SlackSocket() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            clients.add(conn);
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"local\"},\"connection_info\":{\"app_id\":\"A0THREEAM\"}}");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            clients.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }

    @Test
    void an_interaction_over_socket_mode_is_acked_and_handled() throws Exception {
        SlackSocket socket = new SlackSocket();
        socket.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.getPort() > 0);
        try (FakeSlack slack = new FakeSlack(Map.of())) {
            slack.answer("apps.connections.open", "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"}");
            Map<String, String> env = TestApp.settings(slack, dir);
            env.remove("SLACK_SIGNING_SECRET");
            env.put("SLACK_APP_TOKEN", "xapp-1-test");
            try (TestApp app = TestApp.start(env)) {
                app.post("/alerts", "{\"workflow\":\"support-chat\",\"title\":\"recall@5 0.41 < 0.7\"}");
                await().atMost(Duration.ofSeconds(10)).until(() -> !slack.topLevel("C0SUPPORTCHAT").isEmpty() && !socket.clients.isEmpty());
                String press = Payloads.buttonPress("U0ONCALL", "C0SUPPORTCHAT", slack.topLevel("C0SUPPORTCHAT").get(0).ts(), null,
                        "card", "ack", "INC-1|ack", "Acknowledge");

                socket.clients.get(0).send("{\"envelope_id\":\"env-1\",\"type\":\"interactive\",\"accepts_response_payload\":false,\"payload\":"
                        + press + "}");

                await().atMost(Duration.ofSeconds(10)).until(() -> socket.received.stream().anyMatch(m -> m.contains("env-1")));
                await().atMost(Duration.ofSeconds(10)).until(() -> status(app).equals("acknowledged"));
            }
        } finally {
            socket.stop(1000);
        }
    }

    private static String status(TestApp app) throws Exception {
        JsonNode incident = Json.mapper().readTree(app.get("/api/incidents/INC-1").body());
        return incident.get("status").asText();
    }
}
