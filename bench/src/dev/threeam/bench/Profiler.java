package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * JFR recordings of 3am during a measured window (BENCH_PROFILE=1): {@code jcmd PID JFR.start} when the window opens
 * and {@code JFR.stop} when it closes, so warm-up and start-up are not in the profile. The settings are the JDK's
 * {@code profile.jfc} (execution samples every 10 ms per thread) with the thresholds of monitor enters, parks and
 * socket reads lowered from 10 ms to 1 ms, so the waits of a busy writer show. Files go to {@code target/bench/}.
 */
final class Profiler {

    /** A recording in progress; {@link #stop()} writes the file and returns its summary. */
    final class Recording {
        private final Target target;
        private final String name;

        private Recording(Target target, String name) {
            this.target = target;
            this.name = name;
        }

        Profile stop() throws IOException, InterruptedException {
            Path file = dir.resolve("profile-" + name + ".jfr");
            String answer = jcmd(target, "JFR.stop", "name=bench-" + name, "filename=" + file);
            if (!Files.exists(file)) {
                return Profile.failed(name, "JFR.stop did not write " + file + ": " + answer);
            }
            Profile profile = Profile.read(name, file);
            Files.writeString(dir.resolve("profile-" + name + ".txt"), profile.text());
            System.out.println("  profile " + file + " (" + profile.samples() + " execution samples); summary in profile-" + name + ".txt");
            return profile;
        }
    }

    private final boolean enabled;
    private final Path dir;
    private Path settings;

    Profiler(boolean enabled, Path dir) {
        this.enabled = enabled;
        this.dir = dir;
    }

    boolean enabled() {
        return enabled;
    }

    /** Starts recording {@code target} (a JVM); null when profiling is off. */
    Recording start(Target target, String name) throws IOException, InterruptedException {
        if (!enabled) {
            return null;
        }
        String answer = jcmd(target, "JFR.start", "name=bench-" + name, "settings=" + settings());
        if (!answer.contains("Started recording")) {
            System.out.println("  cannot start a JFR recording of " + target.name + ": " + answer.strip());
            return null;
        }
        return new Recording(target, name);
    }

    private Path settings() throws IOException {
        if (settings == null) {
            String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
            for (String event : List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.SocketRead")) {
                profile = profile.replaceAll("(?s)(<event name=\"" + event.replace(".", "\\.") + "\">.*?<setting name=\"threshold\"[^>]*>)10 ms",
                        "$11 ms");
            }
            settings = Files.writeString(dir.resolve("bench-profile.jfc"), profile);
        }
        return settings;
    }

    private static String jcmd(Target target, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(target.process.pid())));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
