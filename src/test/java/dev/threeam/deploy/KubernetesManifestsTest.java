package dev.threeam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes parses as YAML, holds the expected kinds, and they fit together. */
class KubernetesManifestsTest {

    private final JsonNode deployment = DeployFiles.kubernetes("Deployment", "threeam");
    private final JsonNode pod = deployment.at("/spec/template/spec");
    private final JsonNode container = pod.at("/containers/0");

    @Test
    void the_manifests_are_a_deployment_a_service_secrets_a_configmap_and_a_disruption_budget() {
        List<String> kinds = DeployFiles.kubernetes().stream().map(document -> document.path("kind").asText()).sorted().toList();

        assertThat(kinds).containsExactly("ConfigMap", "Deployment", "PodDisruptionBudget", "Secret", "Secret", "Service");
        DeployFiles.kubernetes().forEach(document -> assertThat(document.path("apiVersion").asText()).isNotBlank());
    }

    @Test
    void two_replicas_run_only_on_postgresql() {
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(env("DATABASE_URL")).startsWith("jdbc:postgresql://");
    }

    @Test
    void probes_ask_readyz_and_healthz_on_the_container_port() {
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        String portName = container.at("/readinessProbe/httpGet/port").asText();
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(portName);
        assertThat(container.at("/ports/0/name").asText()).isEqualTo(portName);
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(env("PORT"));
    }

    @Test
    void the_container_has_requests_and_limits_and_runs_as_a_non_root_user_on_a_read_only_root() {
        for (String bound : List.of("requests", "limits")) {
            assertThat(container.at("/resources/" + bound + "/cpu").asText()).as(bound + ".cpu").isNotBlank();
            assertThat(container.at("/resources/" + bound + "/memory").asText()).as(bound + ".memory").isNotBlank();
        }
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/capabilities/drop").toString()).contains("ALL");
    }

    @Test
    void the_service_and_the_disruption_budget_select_the_deployments_pods() {
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode service = DeployFiles.kubernetes("Service", "threeam");
        JsonNode budget = DeployFiles.kubernetes("PodDisruptionBudget", "threeam");

        assertThat(service.at("/spec/selector")).isEqualTo(podLabels);
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(podLabels);
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(podLabels);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container.at("/ports/0/name").asText());
        assertThat(budget.at("/spec/minAvailable").asInt()).isBetween(1, deployment.at("/spec/replicas").asInt() - 1);
    }

    @Test
    void the_runbooks_configmap_is_mounted_where_runbooks_dir_points() {
        JsonNode mount = null;
        for (JsonNode candidate : container.path("volumeMounts")) {
            if (candidate.path("mountPath").asText().equals(env("RUNBOOKS_DIR"))) {
                mount = candidate;
            }
        }
        assertThat(mount).as("a volume at RUNBOOKS_DIR " + env("RUNBOOKS_DIR")).isNotNull();
        JsonNode volume = null;
        for (JsonNode candidate : pod.path("volumes")) {
            if (candidate.path("name").asText().equals(mount.path("name").asText())) {
                volume = candidate;
            }
        }
        JsonNode configMap = DeployFiles.kubernetes("ConfigMap", volume.at("/configMap/name").asText());
        volume.at("/configMap/items").forEach(item -> assertThat(configMap.path("data").has(item.path("key").asText()))
                .as("ConfigMap key " + item.path("key").asText()).isTrue());
    }

    @Test
    void the_runbooks_configmap_holds_the_repositorys_runbooks_as_they_are() throws IOException {
        JsonNode data = DeployFiles.kubernetes("ConfigMap", "threeam-runbooks").path("data");
        Map<String, String> expected = new HashMap<>();
        try (Stream<Path> files = Files.walk(DeployFiles.ROOT.resolve("runbooks"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                expected.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        Map<String, String> actual = new HashMap<>();
        data.fields().forEachRemaining(field -> actual.put(field.getKey(), field.getValue().asText()));

        assertThat(actual).as("deploy/kubernetes/runbooks-configmap.yaml is out of date: regenerate it as its comment says")
                .isEqualTo(expected);
    }

    private String env(String name) {
        for (JsonNode item : container.path("env")) {
            if (item.path("name").asText().equals(name)) {
                return item.path("value").asText();
            }
        }
        throw new AssertionError("deployment.yaml sets no " + name);
    }
}
