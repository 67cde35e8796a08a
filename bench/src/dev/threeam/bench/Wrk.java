package dev.threeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs {@code wrk} (C, event-driven, keep-alive) with {@code bench/wrk/post.lua}: {@code threads} threads and
 * {@code connections} connections post the bodies of a file, one per line, as fast as the target answers. With
 * several URLs (replicas), thread i sends to URL i modulo their number. wrk runs under {@code bash -c '…; times'}
 * so its own CPU time can be read after it exits.
 */
final class Wrk {

    /**
     * One wrk run: responses of any status, those ≥ 400 among them, socket errors and timeouts, wrk's latency
     * (from the moment a request was written), and the CPU time wrk itself used.
     */
    record Run(long requests, long statusErrors, long socketErrors, long timeouts, double seconds, double p50Ms, double p99Ms,
               double maxMs, double cpuSeconds) {
        /** Requests answered 2xx (or 3xx) per second. */
        double okPerSecond() {
            return (requests - statusErrors) / seconds;
        }

        long errors() {
            return statusErrors + socketErrors + timeouts;
        }
    }

    static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final Pattern TIMES = Pattern.compile("(?m)^(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s$");

    private final Path script;
    private final int threads;
    private final int connections;
    private final Path log;

    Wrk(Path script, int threads, int connections, Path log) {
        this.script = script.toAbsolutePath();
        this.threads = threads;
        this.connections = connections;
        this.log = log;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    int threads() {
        return threads;
    }

    int connections() {
        return connections;
    }

    Wrk withConnections(int count) {
        return new Wrk(script, threads, count, log);
    }

    Wrk withThreads(int count) {
        return new Wrk(script, count, connections, log);
    }

    /** Posts {@code bodies} to {@code urls} (all with the same path) for {@code duration}. */
    Run run(List<String> urls, Path bodies, String bearerToken, Duration duration) throws IOException, InterruptedException {
        int threadCount = Math.max(threads, urls.size());
        List<String> command = new ArrayList<>(List.of("bash", "-c", "\"$0\" \"$@\"; status=$?; times; exit $status",
                BINARY.toString(), "-t" + threadCount, "-c" + Math.max(connections, threadCount), "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), urls.get(0), "--", bodies.toAbsolutePath().toString(),
                bearerToken == null ? "" : bearerToken));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (urls.size() > 1) {
            builder.environment().put("WRK_TARGETS", urls.stream().map(url -> url.replaceAll("^http://([^/]+).*$", "$1"))
                    .collect(Collectors.joining(",")));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        int status = process.waitFor();
        Files.writeString(log, "$ " + String.join(" ", command.subList(3, command.size())) + "\n" + output + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        int result = output.indexOf("WRK_RESULT ");
        if (status != 0 || result < 0) {
            throw new IllegalStateException("wrk failed with " + status + " (see " + log + "): " + output.strip());
        }
        JsonNode json = Json.mapper().readTree(output.substring(result + "WRK_RESULT ".length()).lines().findFirst().orElseThrow());
        long socketErrors = json.get("connect_errors").asLong() + json.get("read_errors").asLong() + json.get("write_errors").asLong();
        return new Run(json.get("requests").asLong(), json.get("status_errors").asLong(), socketErrors, json.get("timeouts").asLong(),
                json.get("duration_us").asLong() / 1e6,
                json.get("p50_us").asLong() / 1e3, json.get("p99_us").asLong() / 1e3, json.get("max_us").asLong() / 1e3,
                childCpuSeconds(output));
    }

    /** The second line {@code times} prints: user and system time of the shell's children (wrk). */
    private static double childCpuSeconds(String output) {
        Matcher matcher = TIMES.matcher(output);
        double seconds = Double.NaN;
        while (matcher.find()) {
            seconds = Long.parseLong(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2))
                    + Long.parseLong(matcher.group(3)) * 60 + Double.parseDouble(matcher.group(4));
        }
        return seconds;
    }

    static String version() {
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "--version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor();
            return text.lines().findFirst().orElse("?").replaceAll("\\s+Copyright.*", "");
        } catch (IOException e) {
            return "not available (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
