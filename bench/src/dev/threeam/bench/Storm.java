package dev.threeam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A storm: {@code alerts} distinct alerts in 4 groups, all for one workflow (one channel), sent as Alertmanager
 * webhooks of {@code batch} alerts each over 32 connections. Measures wall time, Slack calls by method, how often
 * each card was redrawn, and the bot's peak RSS.
 */
final class Storm {

    static final int GROUPS = 4;
    static final int CONNECTIONS = 32;
    /** The card-update window: 5 s less 100 ms, so timer and network jitter on an update due at exactly 5 s is not a miss. */
    static final long WINDOW_NANOS = 4_900_000_000L;

    /** What the storm cost. {@code drainedSeconds} is null when the outbox had not emptied within the wait. */
    record Result(int alerts, int batch, double sendSeconds, Double drainedSeconds, long errors, Map<String, Long> calls,
                  long rootPosts, long cardUpdates, double minCardUpdateGapSeconds, int maxCardUpdatesPer5s, double peakRssMib) {}

    private final Launcher launcher;
    private final String databaseUrl;

    Storm(Launcher launcher, String databaseUrl) {
        this.launcher = launcher;
        this.databaseUrl = databaseUrl;
    }

    Result run(int alerts, int batch, Duration drainTimeout) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); Target bot = launcher.threeAm("3am storm", databaseUrl, slack, Map.of())) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int requests = (alerts + batch - 1) / batch;
            AtomicLong errors = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            long start = System.nanoTime();
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int request = 0; request < requests; request++) {
                    int number = request;
                    sent.add(pool.submit(() -> send(client, bot, number, batch, alerts, errors)));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %d alerts sent in %.1f s (%.0f alerts/s), %d errors; waiting for the outbox to drain%n",
                    alerts, sendSeconds, alerts / sendSeconds, errors.get());
            Double drained = awaitDrained(bot, start, drainTimeout);
            return summarize(alerts, batch, sendSeconds, drained, errors.get(), slack, bot.peakRssMib());
        }
    }

    /** Request {@code number} carries alerts of group {@code number % 4}, each alert distinct. */
    private static void send(HttpClient client, Target bot, int number, int batch, int alerts, AtomicLong errors) {
        int group = number % GROUPS;
        List<AlertBodies.Spec> specs = new ArrayList<>();
        for (int alert = number * batch; alert < Math.min(alerts, (number + 1) * batch); alert++) {
            specs.add(new AlertBodies.Spec("StormAlert" + group, AlertBodies.instance(alert), BenchRunbooks.workflow(0),
                    "tool call error rate 41% > 5% on " + AlertBodies.instance(alert)));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(bot.url("/alerts/alertmanager"))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + Launcher.WEBHOOK_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(AlertBodies.webhook(specs))).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202 && errors.incrementAndGet() == 1) {
                System.err.println("  storm request answered " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            if (errors.incrementAndGet() == 1) {
                System.err.println("  storm request failed: " + e);
            }
        }
    }

    /** Seconds from the first request until /readyz shows no pending outbox rows; null after {@code timeout}. */
    private static Double awaitDrained(Target bot, long start, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (bot.get("/readyz").contains("\"outbox_pending\":0,")) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(250);
        }
        System.out.println("  outbox still pending after " + timeout.toSeconds() + " s: " + bot.get("/readyz").replaceAll(".*(\"outbox_pending\":\\d+).*", "$1"));
        return null;
    }

    private static Result summarize(int alerts, int batch, double sendSeconds, Double drained, long errors, FakeSlack slack,
                                    double peakRss) {
        List<FakeSlack.Post> roots = slack.posts().stream().filter(post -> post.threadTs() == null).toList();
        Set<String> cards = roots.stream().map(post -> post.channel() + "/" + post.ts()).collect(Collectors.toSet());
        Map<String, List<Long>> updatesByCard = new HashMap<>();
        for (FakeSlack.Update update : slack.updates()) {
            String card = update.channel() + "/" + update.ts();
            if (cards.contains(card)) {
                updatesByCard.computeIfAbsent(card, key -> new ArrayList<>()).add(update.arrivedNanos());
            }
        }
        long minGap = Long.MAX_VALUE;
        int maxIn5s = 0;
        for (List<Long> times : updatesByCard.values()) {
            times.sort(null);
            for (int index = 0; index < times.size(); index++) {
                if (index > 0) {
                    minGap = Math.min(minGap, times.get(index) - times.get(index - 1));
                }
                int inWindow = 0;
                for (int next = index; next < times.size() && times.get(next) - times.get(index) < WINDOW_NANOS; next++) {
                    inWindow++;
                }
                maxIn5s = Math.max(maxIn5s, inWindow);
            }
        }
        long cardUpdates = updatesByCard.values().stream().mapToLong(List::size).sum();
        return new Result(alerts, batch, sendSeconds, drained, errors, slack.callsByMethod(), roots.size(), cardUpdates,
                minGap == Long.MAX_VALUE ? Double.NaN : minGap / 1e9, maxIn5s, peakRss);
    }
}
