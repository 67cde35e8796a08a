package dev.threeam.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code dev.threeam.Main check …} in its own JVM on the test classpath, with exactly the environment given
 * (nothing inherited: no {@code LANG}, so the platform charset is ASCII unless a test says otherwise), in a working
 * directory of the test's choosing. Returns the exit code and what it printed, read as UTF-8.
 */
public final class CheckProcess {

    /** What one run gave. */
    public record Run(int exit, String stdout, String stderr, byte[] stdoutBytes) {

        /** Everything, for assertion messages. */
        public String printed() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path workingDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();

    private CheckProcess(Path workingDir) {
        this.workingDir = workingDir;
    }

    public static CheckProcess in(Path workingDir) {
        return new CheckProcess(workingDir);
    }

    public CheckProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CheckProcess env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** A JVM option for the child ({@code -Dfile.encoding=ISO-8859-1}). */
    public CheckProcess jvm(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Runs {@code check} with these arguments and waits for it (at most a minute). */
    public Run check(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.threeam.Main", "check"));
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile("check-stdout", ".txt");
            Path stderr = Files.createTempFile("check-stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("check did not finish within a minute:\n" + Files.readString(stderr));
            }
            byte[] out = Files.readAllBytes(stdout);
            Run run = new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), out);
            Files.delete(stdout);
            Files.delete(stderr);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for check", e);
        }
    }
}
