package dev.threeam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/systemd/3am.service: a dedicated user, its environment file, restarts, hardening, and systemd accepts it. */
class SystemdUnitTest {

    private final SystemdUnit unit = SystemdUnit.read(DeployFiles.UNIT);

    @Test
    void it_runs_the_jar_as_a_dedicated_user_with_a_heap_limit_and_restarts_on_failure() {
        assertThat(unit.value("Service", "User")).isNotBlank().isNotEqualTo("root");
        assertThat(unit.value("Service", "ExecStart")).contains("-Xmx").contains("-jar").endsWith(" serve");
        assertThat(unit.value("Service", "Restart")).isEqualTo("on-failure");
        assertThat(unit.value("Service", "EnvironmentFile")).isEqualTo("/etc/3am/3am.env");
        assertThat(unit.value("Install", "WantedBy")).isEqualTo("multi-user.target");
    }

    @Test
    void the_file_system_is_read_only_except_the_folder_of_the_sqlite_database() {
        String database = unit.environment().get("DATABASE_URL");
        assertThat(database).startsWith("jdbc:sqlite:");
        Path folder = Path.of(database.substring("jdbc:sqlite:".length())).getParent();

        assertThat(unit.value("Service", "ProtectSystem")).isEqualTo("strict");
        assertThat(unit.values("Service", "ReadWritePaths")).containsExactly(folder.toString());
        assertThat(unit.value("Service", "StateDirectory")).isEqualTo(folder.getFileName().toString());
        assertThat(unit.value("Service", "NoNewPrivileges")).isEqualTo("yes");
        assertThat(unit.value("Service", "ProtectHome")).isEqualTo("yes");
        assertThat(unit.value("Service", "PrivateTmp")).isEqualTo("yes");
        assertThat(unit.value("Service", "CapabilityBoundingSet")).isEmpty();
    }

    @Test
    void systemd_analyze_verify_accepts_it(@TempDir Path dir) throws IOException {
        Tool analyze = Tool.require("systemd-analyze", "systemd");
        String text = Files.readString(DeployFiles.UNIT);
        if (!Files.isExecutable(Path.of("/usr/bin/java"))) { // verify checks that ExecStart's program exists
            text = text.replace("/usr/bin/java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        Path copy = Files.writeString(dir.resolve("3am.service"), text);

        Tool.Result result = analyze.run(dir, Duration.ofSeconds(60), "verify", copy.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().filter(line -> line.contains("3am.service"))).as("warnings about the unit").isEmpty();
    }
}
