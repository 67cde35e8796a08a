package dev.threeam.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.common.Json;
import dev.threeam.testing.MutableClock;
import dev.threeam.testing.SandboxPageClient;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only the page itself may press: no other web page the developer has open, no rebound DNS name. Each refusal is a
 * 403 that reaches neither the bot nor the workspace.
 */
class SandboxPageGuardTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    private final SandboxWorkspace workspace = SandboxFixtures.workspace(clock);
    private final AtomicInteger samplesFired = new AtomicInteger();
    private FakeBot bot;
    private Javalin server;
    private SandboxPageClient page;
    private SandboxMessage card;

    @BeforeEach
    void start() throws Exception {
        bot = new FakeBot();
        SandboxApi api = new SandboxApi(workspace, "xoxb-sandbox");
        SandboxPage sandboxPage = new SandboxPage(workspace, bot.baseUrl(), "secret", clock, samplesFired::incrementAndGet);
        server = Javalin.create(config -> {
            api.addRoutes(config.routes);
            sandboxPage.addRoutes(config.routes);
        }).start("127.0.0.1", 0);
        page = new SandboxPageClient("http://127.0.0.1:" + server.port());
        card = workspace.post("C0INCIDENTS", null, "INC-7", Json.mapper().readTree("""
                [{"type":"actions","block_id":"q3","elements":[{"type":"button","action_id":"rollback_prompt-v41",
                  "value":"INC-7|prompt-v41","text":{"type":"plain_text","text":"Roll back"}}]}]"""), null);
    }

    @AfterEach
    void stop() {
        server.stop();
        bot.close();
    }

    @Test
    void the_page_itself_may_press() {
        HttpResponse<String> pressed = page.post("/sandbox/actions", press());

        assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);
        assertThat(bot.received()).hasSize(1);
    }

    @Test
    void a_press_without_the_page_token_or_with_a_wrong_one_is_refused_and_reaches_nothing() {
        HttpResponse<String> without = page.send(page.request("/sandbox/actions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(press())).build());
        HttpResponse<String> wrong = page.send(page.request("/sandbox/actions").header("Content-Type", "application/json")
                .header(SandboxPageClient.TOKEN_HEADER, "0".repeat(48)).POST(HttpRequest.BodyPublishers.ofString(press())).build());

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("X-Sandbox-Token: missing");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("X-Sandbox-Token: wrong");
        assertNothingChanged();
    }

    @Test
    void a_press_from_another_origin_or_site_is_refused_even_with_the_token() {
        HttpResponse<String> foreign = page.send(withToken("/sandbox/actions").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(press())).build());
        HttpResponse<String> otherPort = page.send(withToken("/sandbox/actions").header("Origin", "http://127.0.0.1:1")
                .POST(HttpRequest.BodyPublishers.ofString(press())).build());
        HttpResponse<String> opaque = page.send(withToken("/sandbox/actions").header("Origin", "null")
                .POST(HttpRequest.BodyPublishers.ofString(press())).build());
        HttpResponse<String> sameSite = page.send(withToken("/sandbox/actions").header("Sec-Fetch-Site", "same-site")
                .POST(HttpRequest.BodyPublishers.ofString(press())).build());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("Origin https://evil.example");
        assertThat(otherPort.statusCode()).isEqualTo(403);
        assertThat(opaque.statusCode()).isEqualTo(403);
        assertThat(sameSite.statusCode()).isEqualTo(403);
        assertThat(sameSite.body()).contains("Sec-Fetch-Site same-site");
        assertNothingChanged();
    }

    @Test
    void only_json_bodies_are_taken_so_no_cross_site_form_can_press() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> refused = page.send(page.request("/sandbox/sample").header("Content-Type", type)
                    .header(SandboxPageClient.TOKEN_HEADER, page.token()).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

            assertThat(refused.statusCode()).as(type).isEqualTo(403);
        }
        assertThat(samplesFired).hasValue(0);
    }

    @Test
    void every_post_under_sandbox_is_guarded_including_ones_added_later() {
        for (String path : new String[] {"/sandbox/command", "/sandbox/views/submit", "/sandbox/views/close", "/sandbox/home",
                "/sandbox/sample", "/sandbox/not-yet-written"}) {
            HttpResponse<String> refused = page.send(page.request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"as\":\"U0ALICE\",\"text\":\"status\"}")).build());

            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(samplesFired).hasValue(0);
        assertNothingChanged();
    }

    @Test
    void the_bots_own_calls_need_no_page_token_but_no_browser_elsewhere_can_make_them() {
        HttpResponse<String> bots = page.send(page.request(SandboxApi.PATH_PREFIX + "chat.postMessage")
                .header("Content-Type", "application/json").header("Authorization", "Bearer xoxb-sandbox")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C0INCIDENTS\",\"text\":\"from the bot\"}")).build());
        HttpResponse<String> fromAPage = page.send(page.request(SandboxApi.PATH_PREFIX + "chat.postMessage")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("token=xoxb-sandbox&channel=C0INCIDENTS&text=x")).build());

        assertThat(bots.body()).contains("\"ok\":true");
        assertThat(fromAPage.statusCode()).isEqualTo(403);
        assertThat(workspace.topLevel("C0INCIDENTS")).extracting(SandboxMessage::text).containsExactly("INC-7", "from the bot");
    }

    @Test
    void a_rebound_dns_name_gets_neither_the_page_nor_its_token() throws IOException {
        String answer = raw("GET /sandbox HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain(page.token());
        assertThat(raw("GET /sandbox HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200").contains(page.token());
    }

    @Test
    void the_page_is_served_with_a_content_security_policy_and_no_sniffing_framing_or_referrer() {
        HttpResponse<String> served = page.get("/sandbox");

        assertThat(served.statusCode()).isEqualTo(200);
        String policy = served.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(served.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(served.body()).containsPattern("<meta name=\"sandbox-token\" content=\"[0-9a-f]{48}\">")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=");
        for (String asset : new String[] {"/sandbox/sandbox.js", "/sandbox/sandbox.css", "/sandbox/state"}) {
            assertThat(page.get(asset).headers().firstValue("X-Content-Type-Options")).as(asset).contains("nosniff");
        }
        assertThat(page.get("/sandbox/sandbox.js").body()).doesNotContain("style:").doesNotContain("innerHTML =");
    }

    private void assertNothingChanged() {
        assertThat(bot.received()).isEmpty();
        assertThat(workspace.topLevel("C0INCIDENTS")).extracting(SandboxMessage::ts).containsExactly(card.ts());
        assertThat(workspace.ephemerals("U0ALICE")).isEmpty();
        assertThat(workspace.views().modals("U0ALICE")).isEmpty();
    }

    private HttpRequest.Builder withToken(String path) {
        return page.request(path).header("Content-Type", "application/json").header(SandboxPageClient.TOKEN_HEADER, page.token());
    }

    private String press() {
        return "{\"as\":\"U0ALICE\",\"container\":\"message\",\"channel\":\"C0INCIDENTS\",\"ts\":\"" + card.ts()
                + "\",\"block_id\":\"q3\",\"action_id\":\"rollback_prompt-v41\"}";
    }

    /** One request over a plain socket: the JDK client will not send a Host header of our choosing. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
