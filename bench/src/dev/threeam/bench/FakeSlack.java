package dev.threeam.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Slack Web API that answers every call at once with {@code ok}, counts calls by method and records when each
 * {@code chat.postMessage} and {@code chat.update} arrived (System.nanoTime, so the load driver in the same JVM can
 * subtract its own 202 times).
 */
final class FakeSlack implements AutoCloseable {

    /** A message post as it arrived: root posts have no thread. */
    record Post(long arrivedNanos, String channel, String threadTs, String ts, String text) {}

    /** A {@code chat.update} as it arrived. */
    record Update(long arrivedNanos, String channel, String ts) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Update> updates = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    private FakeSlack(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts on a free port. Its 8 handler threads are named and daemon, and {@link #close()} shuts them down:
     * {@code HttpServer.stop} leaves a caller's executor running, which is what kept the bench's JVM alive
     * ({@code pool-N-thread-M}) after the report was written.
     */
    static FakeSlack start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        AtomicLong threads = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "fake-slack-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        FakeSlack slack = new FakeSlack(server, executor);
        server.createContext("/api/", slack::handle);
        server.setExecutor(executor);
        server.start();
        return slack;
    }

    /** The base URL to give the bot as {@code SLACK_API_URL}. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    Map<String, Long> callsByMethod() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((method, count) -> counts.put(method, count.sum()));
        return counts;
    }

    List<Post> posts() {
        return new ArrayList<>(posts);
    }

    List<Update> updates() {
        return new ArrayList<>(updates);
    }

    /** Forgets everything recorded so far (between phases that share one bot). */
    void reset() {
        calls.clear();
        posts.clear();
        updates.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            params.putAll(form(query));
        }
        calls.computeIfAbsent(method, name -> new LongAdder()).increment();
        String answer = answer(method, params, arrived);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String answer(String method, Map<String, String> params, long arrived) {
        String channel = params.getOrDefault("channel", "C0BENCH");
        return switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"bench\",\"user\":\"threeam\","
                    + "\"team_id\":\"T0BENCH\",\"user_id\":\"U0THREEAM\",\"bot_id\":\"B0THREEAM\"}";
            case "chat.postMessage" -> {
                String ts = "1700000000." + String.format("%06d", sequence.incrementAndGet());
                posts.add(new Post(arrived, channel, blankToNull(params.get("thread_ts")), ts, params.getOrDefault("text", "")));
                yield "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}";
            }
            case "chat.update" -> {
                updates.add(new Update(arrived, channel, params.get("ts")));
                yield "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + params.get("ts") + "\"}";
            }
            case "conversations.history", "conversations.replies" -> "{\"ok\":true,\"messages\":[],\"has_more\":false}";
            case "conversations.join", "conversations.info" -> "{\"ok\":true,\"channel\":{\"id\":\"" + channel + "\"}}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D0BENCH\"}}";
            case "usergroups.users.list" -> "{\"ok\":true,\"users\":[\"U0BENCH\"]}";
            default -> "{\"ok\":true}";
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body.isBlank() || body.startsWith("{")) {
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
