package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording summarised (what {@code jfr print --events jdk.ExecutionSample} shows, counted): the top frames
 * by execution samples, the first 3am frame of each sample, samples by thread; native samples of 3am's code (inside
 * native code, such as SQLite's {@code fsync}) by the native method and the 3am frame; and where 3am's code waited: monitor
 * enters, parks and socket reads of at least 1 ms, by the 3am method that waited. GC pauses summed.
 */
record Profile(String name, Path file, long samples, List<Row> topFrames, List<Row> ownFrames, List<Row> threads, long nativeSamples,
               List<Row> nativeFrames, List<Row> monitorWaits, List<Row> parks, List<Row> socketReads, long gcPauses, double gcPauseMs,
               String error) {

    /** One line of a summary: what, how many events, their total duration (ms; NaN for samples). */
    record Row(String what, long count, double totalMs) {}

    static final int TOP = 15;
    private static final String OWN = "dev.threeam.";
    private static final String NO_OWN_FRAME = "(no 3am frame)";

    static Profile failed(String name, String error) {
        return new Profile(name, null, 0, List.of(), List.of(), List.of(), 0, List.of(), List.of(), List.of(), List.of(), 0, 0, error);
    }

    static Profile read(String name, Path file) throws IOException {
        Map<String, Row> top = new HashMap<>();
        Map<String, Row> own = new HashMap<>();
        Map<String, Row> threads = new HashMap<>();
        Map<String, Row> natives = new HashMap<>();
        long nativeSamples = 0;
        Map<String, Row> monitors = new HashMap<>();
        Map<String, Row> parks = new HashMap<>();
        Map<String, Row> reads = new HashMap<>();
        long samples = 0;
        long gcPauses = 0;
        double gcMs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        count(top, method(stack.getFrames().get(0)), Double.NaN);
                        count(own, ownFrame(stack), Double.NaN);
                    }
                    count(threads, threadName(event), Double.NaN);
                }
                case "jdk.NativeMethodSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    String owner = ownFrame(stack);
                    if (!owner.equals(NO_OWN_FRAME) && !stack.getFrames().isEmpty()) { // idle pools wait in epoll, accept, poll
                        nativeSamples++;
                        count(natives, method(stack.getFrames().get(0)) + " in " + owner, Double.NaN);
                    }
                }
                case "jdk.JavaMonitorEnter" -> {
                    String owner = ownFrame(event.getStackTrace());
                    count(monitors, event.getClass("monitorClass").getName() + " in " + owner, millis(event.getDuration()));
                }
                case "jdk.ThreadPark" -> {
                    String owner = ownFrame(event.getStackTrace());
                    if (!owner.equals(NO_OWN_FRAME)) {
                        count(parks, owner, millis(event.getDuration()));
                    }
                }
                case "jdk.SocketRead" -> count(reads, event.getString("host") + ":" + event.getInt("port") + " in "
                        + ownFrame(event.getStackTrace()), millis(event.getDuration()));
                case "jdk.GarbageCollection" -> {
                    gcPauses++;
                    gcMs += millis(event.getDuration("sumOfPauses"));
                }
                default -> { }
            }
        }
        return new Profile(name, file, samples, sorted(top), sorted(own), sorted(threads), nativeSamples, sorted(natives),
                byTime(monitors), byTime(parks), byTime(reads), gcPauses, gcMs, null);
    }

    private static void count(Map<String, Row> rows, String what, double ms) {
        rows.merge(what, new Row(what, 1, ms), (a, b) -> new Row(what, a.count() + 1, a.totalMs() + b.totalMs()));
    }

    private static List<Row> sorted(Map<String, Row> rows) {
        return rows.values().stream().sorted(Comparator.comparingLong(Row::count).reversed()).limit(TOP).toList();
    }

    private static List<Row> byTime(Map<String, Row> rows) {
        return rows.values().stream().sorted(Comparator.comparingDouble(Row::totalMs).reversed()).limit(TOP).toList();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The innermost frame of 3am's own code, with its line: where in 3am this sample or wait was. */
    private static String ownFrame(RecordedStackTrace stack) {
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.getMethod().getType().getName().startsWith(OWN)) {
                    return method(frame).substring(OWN.length()) + ":" + frame.getLineNumber();
                }
            }
        }
        return NO_OWN_FRAME;
    }

    /** Thread names with their numbers folded ({@code qtp123-45} → {@code qtpN-N}), so pools count as one. */
    private static String threadName(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        return thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName().replaceAll("\\d+", "N");
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    /** The summary as text, every list in full (the report shows the heads). */
    String text() {
        if (error != null) {
            return name + ": " + error + "\n";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %s, %d execution samples, %d GC pauses %.0f ms total%n",
                name, file, samples, gcPauses, gcPauseMs));
        section(out, "top frames by execution samples", topFrames, samples);
        section(out, "innermost 3am frame of each sample", ownFrames, samples);
        section(out, "samples by thread", threads, samples);
        out.append(String.format(Locale.ROOT, "%nnative samples under a 3am frame (inside native code; every 20 ms): %d%n", nativeSamples));
        section(out, "native samples by native method and 3am caller", nativeFrames, nativeSamples);
        section(out, "monitor enters >= 1 ms (monitor class, where)", monitorWaits, -1);
        section(out, "parks >= 1 ms in 3am code (where)", parks, -1);
        section(out, "socket reads >= 1 ms (peer, where)", socketReads, -1);
        out.append("\nfull events: jfr print --events jdk.ExecutionSample ").append(file).append('\n');
        return out.toString();
    }

    /** {@code total} the count shares are of; negative for timed rows (waits), which show their total time. */
    private static void section(StringBuilder out, String title, List<Row> rows, long total) {
        out.append('\n').append(title).append(":\n");
        for (Row row : rows) {
            out.append(total < 0 ? String.format(Locale.ROOT, "  %8.0f ms %7d×  %s%n", row.totalMs(), row.count(), row.what())
                    : String.format(Locale.ROOT, "  %7d  %5.1f%%  %s%n", row.count(), 100.0 * row.count() / Math.max(1, total), row.what()));
        }
    }
}
