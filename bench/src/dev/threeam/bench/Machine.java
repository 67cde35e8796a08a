package dev.threeam.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the numbers were measured on: CPUs, memory, CPU model, kernel, and the versions of Java, Alertmanager, PostgreSQL, wrk. */
record Machine(int cpus, String memory, String cpuModel, String kernel, String java, String alertmanager, String postgres, String wrk,
               String fsync) {

    static Machine describe(String postgresHost, String postgresPort, String postgresUser, Path workDir) {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal:").map(Machine::gib).orElse("?"),
                procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?"),
                read("/proc/sys/kernel/osrelease"),
                output(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")),
                firstLine(output(List.of("/usr/bin/prometheus-alertmanager", "--version"))),
                postgresHost == null ? "not used" : output(List.of("psql", "-h", postgresHost, "-p", postgresPort, "-U", postgresUser,
                        "-d", "postgres", "-tAc", "show server_version")),
                Wrk.available() ? Wrk.version() : "not installed", fsync(workDir));
    }

    /**
     * Median and worst of 50 times "write 4 KiB, {@code force}" in the work folder (where the SQLite files live): what
     * one durable commit costs at least on this disk, as busy as it is now.
     */
    private static String fsync(Path dir) {
        Path file = dir.resolve("fsync-probe");
        long[] nanos = new long[50];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            for (int index = 0; index < nanos.length; index++) {
                long started = System.nanoTime();
                channel.write(block.clear(), (long) index * 4096);
                channel.force(true);
                nanos[index] = System.nanoTime() - started;
            }
            Files.delete(file);
        } catch (IOException e) {
            return "not measured (" + e.getMessage() + ")";
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "median %.1f ms, worst %.1f ms (4 KiB write + fsync, 50 times, in %s)",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6, dir);
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
