package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts each target the way a user would: 3am from its jar, the floor on the same classpath, Debian's Alertmanager. */
final class Launcher {

    static final String WEBHOOK_TOKEN = "bench-token";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path jar;
    private final Path benchClasses;
    private final Path workDir;
    private final Path benchRunbooks;
    private final List<String> javaOptions;
    private int logs;

    Launcher(Path jar, Path benchClasses, Path workDir, Path benchRunbooks, List<String> javaOptions) {
        this.jar = jar.toAbsolutePath();
        this.benchClasses = benchClasses.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.benchRunbooks = benchRunbooks.toAbsolutePath();
        this.javaOptions = javaOptions;
    }

    Path workDir() {
        return workDir;
    }

    /** 3am with a real (fake) Slack connection: HTTP mode, bearer token, the bench runbooks. */
    Target threeAm(String name, String databaseUrl, FakeSlack slack, Map<String, String> extra) throws IOException, InterruptedException {
        int port = Target.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", String.valueOf(port),
                "DATABASE_URL", databaseUrl,
                "SLACK_BOT_TOKEN", "xoxb-bench",
                "SLACK_SIGNING_SECRET", "bench-signing-secret",
                "SLACK_API_URL", slack.apiUrl(),
                "WEBHOOK_TOKEN", WEBHOOK_TOKEN,
                "RUNBOOKS_DIR", benchRunbooks.toString(),
                "INCIDENT_CHANNEL", "C0BENCHDEFAULT",
                "CARD_UPDATE_INTERVAL", "5s"));
        env.putAll(extra);
        Target target = Target.start(name, port, java("-jar", jar.toString()), env, log(name), workDir);
        target.awaitReady("/readyz", READY_TIMEOUT);
        return target;
    }

    /** 3am as {@code java -jar threeam.jar} with no settings at all (sandbox mode), in an empty folder. */
    Target sandbox(String name, Path runbooks) throws IOException {
        int port = Target.freePort();
        Path dir = Files.createDirectories(workDir.resolve(name));
        Files.deleteIfExists(dir.resolve("threeam.db"));
        return Target.start(name, port, java("-jar", jar.toString()),
                Map.of("PORT", String.valueOf(port), "RUNBOOKS_DIR", runbooks.toString()), log(name), dir);
    }

    Target floor() throws IOException, InterruptedException {
        int port = Target.freePort();
        String classpath = benchClasses + ":" + jar;
        Target target = Target.start("floor", port, java("-cp", classpath, Floor.class.getName(), String.valueOf(port)),
                Map.of(), log("floor"), workDir);
        target.awaitReady("/readyz", READY_TIMEOUT);
        return target;
    }

    /** Debian's prometheus-alertmanager with a receiver that sends nothing, clustering off; null when not installed. */
    Target alertmanager() throws IOException, InterruptedException {
        Path binary = Path.of("/usr/bin/prometheus-alertmanager");
        if (!Files.isExecutable(binary)) {
            return null;
        }
        Path dir = Files.createDirectories(workDir.resolve("alertmanager"));
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: blackhole
                  group_by: [alertname]
                receivers:
                  - name: blackhole
                """);
        int port = Target.freePort();
        Target target = Target.start("alertmanager", port, List.of(binary.toString(), "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(dir.resolve("data")), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="), Map.of(), log("alertmanager"), dir);
        target.awaitReady("/-/ready", READY_TIMEOUT);
        return target;
    }

    private List<String> java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of(arguments));
        return command;
    }

    private Path log(String name) {
        return workDir.resolve(String.format("%02d-%s.log", ++logs, name));
    }
}
