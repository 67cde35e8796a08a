package dev.threeam.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The fixed-rate generator of the latency curve. Request {@code i} is due at {@code start + i / rate}; latency is
 * counted from that scheduled time to the last byte of the answer, so a server that stalls cannot hide the queue
 * building up behind it (no coordinated omission). Two threads: a ticker that parks until the next request is due
 * and wakes the I/O thread, and one I/O thread that owns {@code connections} keep-alive HTTP/1.1 connections
 * (java.nio, non-blocking) and sends each due request on the next idle one, queueing it when all are busy (queue time
 * counts). Both threads' CPU time is measured, to show the generator is not what limits the run.
 */
final class LoadGenerator {

    /** Outcomes other than a latency (ns), in the per-request array. */
    static final long FAILED = -1;
    static final long OVERLOADED = -2;
    static final long UNANSWERED = -3;
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** Between opening the connections and the first scheduled request. */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int connections;
    private final String bearerToken;

    LoadGenerator(int connections, String bearerToken) {
        this.connections = connections;
        this.bearerToken = bearerToken;
    }

    /**
     * Sends {@code bodies} in turn at {@code ratePerSecond} for {@code warmup + measure}; only requests scheduled inside
     * the measuring window count, split into slices of {@code slice}. Waits up to 30 s after the end for late answers.
     */
    FixedRateResult run(String target, String url, List<byte[]> bodies, double ratePerSecond, Duration warmup, Duration measure,
                        Duration slice) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        List<byte[]> requests = bodies.stream().map(body -> request(uri, body)).toList();
        long total = (long) Math.ceil((warmup.toNanos() + measure.toNanos()) / 1e9 * ratePerSecond);
        long[] latencies = new long[Math.toIntExact(total)];
        java.util.Arrays.fill(latencies, UNANSWERED);
        try (Selector selector = Selector.open()) {
            IoLoop loop = new IoLoop(selector, new InetSocketAddress(uri.getHost(), uri.getPort()), requests, ratePerSecond,
                    latencies);
            Ticker ticker = null;
            try {
                // every connection is opened, and the server has had time to accept them all, before the first request
                // is due: opening 256 takes longer than a moment, and a schedule that starts while they are still
                // connecting begins late (the floor showed the same first-slice stall as 3am when it did)
                loop.open(connections);
                long start = System.nanoTime() + SETTLE.toNanos();
                long measureFrom = start + warmup.toNanos();
                long end = measureFrom + measure.toNanos();
                ticker = new Ticker(start, ratePerSecond, total, selector);
                loop.start(start, ticker.due);
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                ticker.thread.start();
                loop.run(end + DRAIN.toNanos());
                ticker.thread.join();
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuBefore + ticker.cpuNanos) / 1e9;
                return FixedRateResult.of(target, ratePerSecond, latencies, start, measureFrom, end, slice, cpuSeconds, loop.firstError);
            } finally {
                if (ticker != null) {
                    ticker.thread.interrupt();
                }
                loop.close();
            }
        }
    }

    /** Parks until the next request is due, then tells the I/O thread how many are due and wakes it. */
    private static final class Ticker implements Runnable {
        final Thread thread = new Thread(this, "load-ticker");
        final AtomicLong due = new AtomicLong();
        final long start;
        final double rate;
        final long total;
        final Selector selector;
        volatile long cpuNanos;

        Ticker(long start, double rate, long total, Selector selector) {
            this.start = start;
            this.rate = rate;
            this.total = total;
            this.selector = selector;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long next = 0;
            while (next < total && !Thread.currentThread().isInterrupted()) {
                long at = start + (long) (next * 1e9 / rate);
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                // everything that is due by now, in one wake-up
                long dueNow = Math.min(total, (long) Math.floor((System.nanoTime() - start) * rate / 1e9) + 1);
                next = Math.max(next + 1, dueNow);
                due.set(next);
                selector.wakeup();
            }
            cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        }
    }

    private byte[] request(URI uri, byte[] body) {
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\n" + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** The I/O thread's state: connections, which are idle, how many requests were sent, and each one's outcome. */
    private static final class IoLoop {

        final Selector selector;
        final InetSocketAddress address;
        final List<byte[]> requests;
        final double rate;
        final long[] latencies;
        long start;
        AtomicLong due;
        final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
        final List<HttpConnection> all = new ArrayList<>();
        long sent;
        long finished;
        String firstError;

        IoLoop(Selector selector, InetSocketAddress address, List<byte[]> requests, double rate, long[] latencies) {
            this.selector = selector;
            this.address = address;
            this.requests = requests;
            this.rate = rate;
            this.latencies = latencies;
        }

        /** The schedule: request i is due at {@code start + i / rate}; {@code due} counts those due so far. */
        void start(long start, AtomicLong due) {
            this.start = start;
            this.due = due;
        }

        void open(int count) throws IOException {
            for (int index = 0; index < count; index++) {
                idle.add(connect());
            }
        }

        private HttpConnection connect() throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            HttpConnection connection = new HttpConnection(channel);
            connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            all.add(connection);
            return connection;
        }

        void run(long deadline) throws IOException {
            while (finished < latencies.length && System.nanoTime() < deadline) {
                long dueNow = due.get();
                while (sent < dueNow && !idle.isEmpty()) {
                    send(idle.poll(), sent++);
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    HttpConnection connection = (HttpConnection) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            write(connection);
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(connection);
                        }
                    } catch (IOException e) {
                        fail(connection, e.toString());
                    }
                }
                selector.selectedKeys().clear();
            }
        }

        private void send(HttpConnection connection, long index) {
            connection.index = index;
            connection.out = ByteBuffer.wrap(requests.get((int) (index % requests.size())));
            try {
                write(connection);
            } catch (IOException e) {
                fail(connection, e.toString());
            }
        }

        private void write(HttpConnection connection) throws IOException {
            connection.channel.write(connection.out);
            connection.key.interestOps(connection.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read(HttpConnection connection) throws IOException {
            int read = connection.fill();
            if (read < 0) {
                fail(connection, "connection closed by the server");
                return;
            }
            int status = connection.response();
            if (status == 0) {
                return;
            }
            long scheduled = start + (long) (connection.index * 1e9 / rate);
            if (connection.index >= 0) {
                latencies[(int) connection.index] = status / 100 == 2 ? System.nanoTime() - scheduled : status == 503 ? OVERLOADED : FAILED;
                finished++;
                if (status / 100 != 2 && firstError == null) {
                    firstError = "answered " + status + ": " + connection.lastResponse();
                }
            }
            connection.index = -1;
            if (connection.closeAfter) {
                replace(connection);
            } else {
                idle.add(connection);
            }
        }

        private void fail(HttpConnection connection, String reason) {
            if (firstError == null) {
                firstError = reason;
            }
            if (connection.index >= 0) {
                latencies[(int) connection.index] = FAILED;
                finished++;
                connection.index = -1;
            }
            replace(connection);
        }

        private void replace(HttpConnection connection) {
            connection.key.cancel();
            try {
                connection.channel.close();
                all.remove(connection);
                idle.add(connect());
            } catch (IOException e) {
                if (firstError == null) {
                    firstError = "cannot reconnect: " + e;
                }
            }
        }

        void close() {
            for (HttpConnection connection : all) {
                try {
                    connection.channel.close();
                } catch (IOException ignored) {
                    // closing at the end of a run: nothing left to do with it
                }
            }
        }
    }

    static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
