package dev.threeam.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.testing.PostgresSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's grouping, storm, flapping and lifecycle tests again on PostgreSQL (a fresh schema per test), where a
 * group commit looks up and writes with one statement each: the same behaviour as SQLite's statements.
 */
class IncidentServicePostgresTest extends IncidentServiceTest {

    private PostgresSchema schema;

    @Override
    String databaseUrl() {
        schema = PostgresSchema.create();
        return schema.url();
    }

    @Override
    void closeDatabase() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void one_request_of_many_alerts_over_several_incidents_counts_each_alert_and_each_incident_exactly() {
        List<Alert> alerts = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int group = 0; group < 5; group++) {
                for (int alert = 0; alert < 4; alert++) {
                    alerts.add(new Alert("generic", "fp-" + group + "-" + alert, AlertStatus.FIRING, "Faithfulness low " + alert, "critical",
                            "group-" + group, "support-chat", Map.of("metric", "faithfulness"), Map.of(), Map.of(), null, null));
                }
            }
        }
        List<String> incidentIds = service().ingest(alerts).incidents();
        service().ingest(alerts.subList(0, 4)); // a second commit adds to the known rows

        assertThat(incidentIds).hasSize(5).doesNotHaveDuplicates();
        String first = incidentIds.get(0);
        assertThat(service().find(first).orElseThrow().alertCount()).isEqualTo(3 * 4 + 4);
        assertThat(service().alerts(first)).hasSize(4).allSatisfy(alert -> assertThat(alert.count()).isEqualTo(4));
        assertThat(service().find(incidentIds.get(4)).orElseThrow().alertCount()).isEqualTo(3 * 4);
    }
}
