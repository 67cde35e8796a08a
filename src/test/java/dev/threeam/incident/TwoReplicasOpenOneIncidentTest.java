package dev.threeam.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.classify.Classifier;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.Database;
import dev.threeam.testing.PostgresSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (two services, each with its own connection pool) on one PostgreSQL receive alerts of the same new
 * incident key at the same instant, again and again: each key opens exactly one incident, and every alert is on it.
 */
class TwoReplicasOpenOneIncidentTest {

    private static final int KEYS = 40;

    private PostgresSchema schema;
    private final List<Database> databases = new ArrayList<>();
    private final List<IncidentService> replicas = new ArrayList<>();
    private RunbookRegistry runbooks;

    @BeforeEach
    void twoReplicas() {
        schema = PostgresSchema.create();
        runbooks = RunbookRegistry.load(Path.of("runbooks"), Map.of(), true, Clock.systemUTC());
        for (int i = 0; i < 2; i++) {
            Database database = Database.open(schema.url(), null, null);
            databases.add(database);
            replicas.add(new IncidentService(database.jdbi(), runbooks, new Classifier(), Clock.systemUTC(),
                    new IncidentSettings(Duration.ofMinutes(30), Duration.ofSeconds(3), "C0INCIDENTS"), change -> Optional.empty()));
        }
    }

    @AfterEach
    void stop() {
        replicas.forEach(IncidentService::close);
        databases.forEach(Database::close);
        if (runbooks != null) {
            runbooks.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    private static Alert alert(String group, String fingerprint) {
        return new Alert("generic", fingerprint, AlertStatus.FIRING, "Recall low on " + fingerprint, "critical", group, "support-chat",
                Map.of("metric", "recall_at_5"), Map.of(), Map.of(), null, null);
    }

    @Test
    void the_same_new_key_arriving_at_two_replicas_at_the_same_moment_opens_exactly_one_incident() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (int key = 0; key < KEYS; key++) {
                String group = "race-" + key;
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<IngestResult>> sent = new ArrayList<>();
                for (int replica = 0; replica < 2; replica++) {
                    IncidentService service = replicas.get(replica);
                    String fingerprint = group + "-from-" + replica;
                    sent.add(senders.submit(() -> {
                        together.await();
                        return service.ingest(List.of(alert(group, fingerprint)));
                    }));
                }
                String first = sent.get(0).get().incidents().get(0);
                String second = sent.get(1).get().incidents().get(0);
                assertThat(second).as("both replicas answer with the one incident of %s", group).isEqualTo(first);
            }
        } finally {
            senders.shutdownNow();
        }

        List<Incident> incidents = replicas.get(0).all();
        assertThat(incidents).hasSize(KEYS);
        for (Incident incident : incidents) {
            assertThat(incident.alertCount()).as("notifications on %s", incident.id()).isEqualTo(2);
            assertThat(replicas.get(1).alerts(incident.id())).hasSize(2);
        }
    }
}
