package dev.threeam.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * The one load generator used for every target: {@code connections} threads, each with its own keep-alive HTTP/1.1
 * connection (java.net.http), one alert per request. Unlimited it measures the peak; with a rate it sends on a fixed
 * schedule and measures latency from each request's scheduled time, so a stalled server cannot hide its queue.
 */
final class LoadGenerator {

    private final int connections;
    private final String bearerToken;

    LoadGenerator(int connections, String bearerToken) {
        this.connections = connections;
        this.bearerToken = bearerToken;
    }

    /**
     * Sends for {@code warmup + measure}; only requests scheduled inside the measuring window are counted.
     * {@code ratePerSecond} 0 means as fast as the target answers.
     */
    LoadResult run(String target, String url, LongFunction<byte[]> bodies, Duration warmup, Duration measure, double ratePerSecond)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(url);
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong sequence = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        for (int index = 0; index < connections; index++) {
            Worker worker = new Worker(client, uri, bodies, sequence, start, measureFrom, end, ratePerSecond);
            workers.add(worker);
            worker.thread.start();
        }
        for (Worker worker : workers) {
            worker.thread.join();
        }
        long[] all = workers.stream().flatMapToLong(worker -> Arrays.stream(worker.latencies, 0, worker.count)).sorted().toArray();
        long errors = workers.stream().mapToLong(worker -> worker.errors).sum();
        double seconds = measure.toNanos() / 1e9;
        return new LoadResult(target, ratePerSecond, all.length, errors, seconds, all.length / seconds,
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private final class Worker implements Runnable {
        final Thread thread = new Thread(this, "load");
        final HttpClient client;
        final URI uri;
        final LongFunction<byte[]> bodies;
        final AtomicLong sequence;
        final long start;
        final long measureFrom;
        final long end;
        final double rate;
        long[] latencies = new long[1 << 14];
        int count;
        long errors;
        String lastError;

        Worker(HttpClient client, URI uri, LongFunction<byte[]> bodies, AtomicLong sequence, long start, long measureFrom,
               long end, double rate) {
            this.client = client;
            this.uri = uri;
            this.bodies = bodies;
            this.sequence = sequence;
            this.start = start;
            this.measureFrom = measureFrom;
            this.end = end;
            this.rate = rate;
        }

        @Override
        public void run() {
            while (true) {
                long index = sequence.getAndIncrement();
                long scheduled = rate > 0 ? start + (long) (index * 1e9 / rate) : Math.max(System.nanoTime(), start);
                if (scheduled >= end) {
                    return;
                }
                waitUntil(scheduled);
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.apply(index)));
                if (bearerToken != null) {
                    request.header("Authorization", "Bearer " + bearerToken);
                }
                long sent = rate > 0 ? scheduled : System.nanoTime();
                boolean ok;
                try {
                    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    ok = response.statusCode() / 100 == 2;
                    if (!ok) {
                        lastError = response.statusCode() + " " + new String(response.body());
                    }
                } catch (IOException e) {
                    ok = false;
                    lastError = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long latency = System.nanoTime() - sent;
                if (sent < measureFrom) {
                    continue;
                }
                if (!ok) {
                    if (errors++ == 0) {
                        System.err.println("  first error from " + uri + ": " + lastError);
                    }
                    continue;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = latency;
            }
        }

        private static void waitUntil(long nanos) {
            long wait;
            while ((wait = nanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
