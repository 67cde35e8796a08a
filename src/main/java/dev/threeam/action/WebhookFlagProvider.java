package dev.threeam.action;

import dev.threeam.common.BadInputException;
import dev.threeam.common.ThreeAmException;
import dev.threeam.runbook.Runbook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls a URL the team owns to roll something back (point retrieval at the previous index, …). Runbook block:
 * {@code {url: …, method: POST, body: {…}, expect: 204, headers: {X-Token: "${TOKEN}"}}}; method defaults to
 * POST, the body (a map) is sent as JSON, and without {@code expect} any 2xx is success.
 */
public final class WebhookFlagProvider implements FlagProvider {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final HttpClient client;

    public WebhookFlagProvider() {
        this(ProviderHttp.sharedClient());
    }

    public WebhookFlagProvider(HttpClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "webhook";
    }

    /** Names the method, the URL without its query (it may carry a secret) and the body; never the headers. */
    @Override
    public String describe(Runbook.Rollback rollback) {
        try {
            RollbackSettings settings = new RollbackSettings(rollback);
            String url = settings.required("url");
            int query = url.indexOf('?');
            String shown = query < 0 ? url : url.substring(0, query) + "?…";
            Object body = rollback.settings().get("body");
            return FlagProviders.fit("Webhook: " + method(settings) + " " + shown
                    + (body == null ? "" : " with " + ProviderHttp.jsonText(body)));
        } catch (BadInputException e) {
            return FlagProviders.fit("Webhook: cannot run: " + e.getMessage());
        }
    }

    @Override
    public RollbackResult apply(Runbook.Rollback rollback) {
        Optional<String> unresolved = UnresolvedReference.in(rollback.settings());
        if (unresolved.isPresent()) {
            return RollbackResult.failed(UnresolvedReference.notCalled(unresolved.get()));
        }
        RollbackSettings settings = new RollbackSettings(rollback);
        try {
            String url = settings.required("url");
            HttpRequest request = request(rollback, settings, url);
            ProviderAnswer answer = ProviderHttp.send(client, request);
            return expected(settings, answer)
                    ? RollbackResult.done("webhook " + request.method() + " " + request.uri().getHost() + ": " + answer)
                    : RollbackResult.refused("webhook", answer);
        } catch (ThreeAmException e) {
            return RollbackResult.failed(e.getMessage());
        } catch (IOException e) {
            return RollbackResult.unreachable(ProviderHttp.notReached("webhook", e));
        }
    }

    private static HttpRequest request(Runbook.Rollback rollback, RollbackSettings settings, String url) {
        Object body = rollback.settings().get("body");
        HttpRequest.Builder builder = ProviderHttp.request(url);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        Object headers = rollback.settings().get("headers");
        if (headers instanceof Map<?, ?> map) {
            map.forEach((name, value) -> header(builder, settings, String.valueOf(name), String.valueOf(value)));
        } else if (headers != null) {
            throw new BadInputException(settings.where("headers") + ": expected a map, got \"" + headers + "\"");
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(ProviderHttp.jsonText(body));
        return builder.method(method(settings), publisher).build();
    }

    private static void header(HttpRequest.Builder builder, RollbackSettings settings, String name, String value) {
        try {
            builder.setHeader(name, value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(settings.where("headers") + ": header \"" + name + "\" cannot be set");
        }
    }

    private static String method(RollbackSettings settings) {
        String method = settings.text("method", "POST").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new BadInputException(settings.where("method") + ": expected one of " + METHODS + ", got \""
                    + method + "\"");
        }
        return method;
    }

    private static boolean expected(RollbackSettings settings, ProviderAnswer answer) {
        String expect = settings.text("expect", null);
        if (expect == null) {
            return answer.isSuccess();
        }
        try {
            return answer.status() == (int) Double.parseDouble(expect);
        } catch (NumberFormatException e) {
            throw new BadInputException(settings.where("expect") + ": expected an HTTP status, got \"" + expect + "\"");
        }
    }
}
