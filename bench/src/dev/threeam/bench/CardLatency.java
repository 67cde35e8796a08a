package dev.threeam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert to card: new incidents sent at a steady rate, each naming one of the bench workflows in turn (so its own
 * channel); for each, the time from the 202 reaching the sender to the card's {@code chat.postMessage} reaching the
 * fake Slack. Both clocks are this JVM's {@code System.nanoTime}.
 */
final class CardLatency {

    /** p50/p99/max in ms over {@code incidents}; {@code missing} cards never arrived. */
    record Result(int incidents, double ratePerSecond, int channels, int warmup, double p50Ms, double p99Ms, double maxMs,
                  int missing, String database, long posts, double postsPerSecond) {}

    private static final Pattern INCIDENT = Pattern.compile("INC-\\d+");

    private final Launcher launcher;
    private final String databaseUrl;

    CardLatency(Launcher launcher, String databaseUrl) {
        this.launcher = launcher;
        this.databaseUrl = databaseUrl;
    }

    Result run(int incidents, int warmup, double ratePerSecond) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); Target bot = launcher.threeAm("3am card latency", databaseUrl, slack, Map.of())) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            send(client, bot, 0, warmup, ratePerSecond, new ConcurrentHashMap<>());
            Thread.sleep(5_000);
            Map<String, Long> acked = new ConcurrentHashMap<>();
            int postsBefore = slack.posts().size();
            send(client, bot, warmup, incidents, ratePerSecond, acked);
            Map<String, Long> cards = awaitCards(slack, acked, Duration.ofSeconds(60));
            Thread.sleep(2_000);
            List<FakeSlack.Post> all = slack.posts(); // one snapshot: posts may still be arriving
            List<FakeSlack.Post> posts = all.subList(Math.min(postsBefore, all.size()), all.size());
            double span = posts.isEmpty() ? Double.NaN : (posts.get(posts.size() - 1).arrivedNanos() - posts.get(0).arrivedNanos()) / 1e9;
            long[] latencies = acked.entrySet().stream().filter(entry -> cards.containsKey(entry.getKey()))
                    .mapToLong(entry -> Math.max(0, cards.get(entry.getKey()) - entry.getValue())).sorted().toArray();
            return new Result(incidents, ratePerSecond, BenchRunbooks.COUNT, warmup, LoadGenerator.percentile(latencies, 0.50),
                    LoadGenerator.percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6,
                    incidents - latencies.length, databaseUrl.replaceAll("jdbc:(\\w+):.*", "$1"), posts.size(), posts.size() / span);
        }
    }

    /** Sends {@code count} new incidents from {@code first} on a fixed schedule; records each 202's arrival by incident id. */
    private static void send(HttpClient client, Target bot, int first, int count, double rate, Map<String, Long> acked) {
        long start = System.nanoTime() + 10_000_000L;
        CompletableFuture<?>[] pending = new CompletableFuture<?>[count];
        for (int index = 0; index < count; index++) {
            long due = start + (long) (index * 1e9 / rate);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            int number = first + index;
            AlertBodies.Spec spec = new AlertBodies.Spec("BenchCard" + number, AlertBodies.instance(number),
                    BenchRunbooks.workflow(number % BenchRunbooks.COUNT), "answer latency p95 6.1s > 4s");
            HttpRequest request = HttpRequest.newBuilder(URI.create(bot.url("/alerts/alertmanager")))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + Launcher.WEBHOOK_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(AlertBodies.webhook(spec))).build();
            pending[index] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                long now = System.nanoTime();
                Matcher matcher = INCIDENT.matcher(response.body());
                if (response.statusCode() == 202 && matcher.find()) {
                    acked.put(matcher.group(), now);
                } else {
                    System.err.println("  alert " + number + " answered " + response.statusCode() + " " + response.body());
                }
            });
        }
        CompletableFuture.allOf(pending).join();
    }

    private static Map<String, Long> awaitCards(FakeSlack slack, Map<String, Long> acked, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> cards = new HashMap<>();
        while (true) {
            cards.clear();
            List<FakeSlack.Post> posts = slack.posts();
            for (FakeSlack.Post post : posts) {
                Matcher matcher = INCIDENT.matcher(post.text());
                if (post.threadTs() == null && matcher.lookingAt()) {
                    cards.putIfAbsent(matcher.group(), post.arrivedNanos());
                }
            }
            if (cards.keySet().containsAll(acked.keySet()) || System.nanoTime() > deadline) {
                return cards;
            }
            Thread.sleep(200);
        }
    }
}
