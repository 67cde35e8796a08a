package dev.threeam.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A command-line tool a deploy test uses (skopeo, systemd-analyze, amtool, mvn); the test skips when it is missing. */
final class Tool {

    record Result(int exitCode, String output) {
    }

    private final Path executable;

    private Tool(Path executable) {
        this.executable = executable;
    }

    static Optional<Tool> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Tool(candidate));
            }
        }
        return Optional.empty();
    }

    /** The tool, or the test is skipped with a message saying how to get it. */
    static Tool require(String name, String debianPackage) {
        Optional<Tool> tool = find(name);
        Assumptions.assumeTrue(tool.isPresent(), name + " not found: skipped (apt-get install -y " + debianPackage + "; .ci/run installs it)");
        return tool.get();
    }

    /** Runs it with these arguments in {@code dir}, stdout and stderr together; fails the test past the timeout. */
    Result run(Path dir, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile("tool-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(log));
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
