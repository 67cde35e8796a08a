package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the numbers were measured on: CPUs, memory, CPU model, kernel, and the versions of Java, Alertmanager, PostgreSQL. */
record Machine(int cpus, String memory, String cpuModel, String kernel, String java, String alertmanager, String postgres) {

    static Machine describe(String postgresHost, String postgresPort, String postgresUser) {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal:").map(Machine::gib).orElse("?"),
                procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?"),
                read("/proc/sys/kernel/osrelease"),
                output(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")),
                firstLine(output(List.of("/usr/bin/prometheus-alertmanager", "--version"))),
                postgresHost == null ? "not used" : output(List.of("psql", "-h", postgresHost, "-p", postgresPort, "-U", postgresUser,
                        "-d", "postgres", "-tAc", "show server_version")));
    }

    private static String gib(String line) {
        long kib = Long.parseLong(line.replaceAll("\\D", ""));
        return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            return text.isEmpty() ? "?" : text;
        } catch (IOException e) {
            return "not available (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
