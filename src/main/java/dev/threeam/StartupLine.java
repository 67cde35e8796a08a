package dev.threeam;

import dev.threeam.action.ExternalCalls;
import dev.threeam.config.Config;

/**
 * The one line 3am prints once it listens: where to look, what it listens on, and in sandbox mode what it will not
 * do (call anything outside) or, loudly, what it exposes.
 */
final class StartupLine {

    private static final String SAMPLE_ALERT =
            "'{\"workflow\":\"support-chat\",\"title\":\"Faithfulness 0.71 < 0.85\",\"severity\":\"critical\",\"labels\":{\"metric\":\"faithfulness\"}}'";

    private StartupLine() {}

    static String of(Config config, String host, int port, ExternalCalls.Mode calls) {
        String base = "http://" + config.browsableHost() + ":" + port;
        String listening = "listening on " + host + ":" + port;
        if (!config.sandbox()) {
            return "3am is running on " + base + " (" + listening + ", "
                    + (config.socketMode() ? "Socket Mode" : "HTTP mode, Slack events at /slack/events") + ")";
        }
        String reach = config.sandboxExposed()
                ? "EXPOSED: " + listening + ", so OTHER MACHINES can open its /sandbox page and press any button as anyone"
                        + " (alerts, changes and the API need WEBHOOK_TOKEN)"
                : listening + ", this machine only";
        String effects = calls == ExternalCalls.Mode.SANDBOX_REAL
                ? "SANDBOX_REAL_CALLS=true: pages, rollbacks and eval reruns are REAL calls"
                : "no real calls: pages, rollbacks and eval reruns are shown in the thread, not made";
        String token = config.webhookToken() == null ? "" : " -H \"Authorization: Bearer $WEBHOOK_TOKEN\"";
        return "3am is running in sandbox mode (" + reach + "; " + effects + "): open " + base + "/sandbox  —  fire a sample alert with: curl -X POST "
                + base + "/alerts" + token + " -H 'Content-Type: application/json' -d " + SAMPLE_ALERT;
    }
}
