package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a measured window cost the processes under test, read from {@code /proc} before and after it: their CPU time
 * (user + system), and the machine's 1-minute load average at the end (other work on a shared machine shows there).
 */
final class Usage {

    /** {@code targetCores}: CPU seconds the targets used per second of the window (2.0 = both cores of this machine). */
    record Window(double seconds, double targetCpuSeconds, double load1) {
        double targetCores() {
            return targetCpuSeconds / seconds;
        }
    }

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

    private final List<Process> processes;
    private final long startNanos;
    private final double startCpu;

    private Usage(List<Process> processes) {
        this.processes = List.copyOf(processes);
        this.startNanos = System.nanoTime();
        this.startCpu = cpuSeconds(this.processes);
    }

    static Usage start(List<Process> processes) {
        return new Usage(processes);
    }

    Window stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Window(seconds, cpuSeconds(processes) - startCpu, load1());
    }

    static double load1() {
        return Double.parseDouble(loadAverage().split(" ")[0]);
    }

    /** The three load averages (1, 5, 15 minutes), as {@code /proc/loadavg} has them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "NaN NaN NaN";
        }
    }

    private static double cpuSeconds(List<Process> processes) {
        double total = 0;
        for (Process process : processes) {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
            } catch (IOException | RuntimeException gone) {
                return Double.NaN;
            }
        }
        return total;
    }
}
