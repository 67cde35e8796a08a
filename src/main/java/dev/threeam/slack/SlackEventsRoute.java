package dev.threeam.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events} inside Javalin: checks the signature on the raw bytes, turns the request into Bolt's,
 * runs the app, and copies Bolt's answer back (status, headers, content type, body).
 */
public final class SlackEventsRoute implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsRoute.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature signature;

    public SlackEventsRoute(App app, SlackSignature signature) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = signature;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        byte[] raw = ctx.bodyAsBytes();
        String problem = signature.problem(ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"), raw);
        if (problem != null) {
            LOG.warn("refused a Slack request from {}: {}", ctx.ip(), problem);
            ctx.status(401).json(Map.of("error", "invalid Slack signature: " + problem));
            return;
        }
        Map<String, List<String>> headers = new java.util.HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(ctx.queryParamMap())
                .headers(new RequestHeaders(headers))
                .requestBody(new String(raw, StandardCharsets.UTF_8))
                .remoteAddress(ctx.ip())
                .build());
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(value -> ctx.header(name, value)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }
}
