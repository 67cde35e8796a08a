package dev.threeam.deploy;

import static dev.threeam.deploy.SettingNames.assertProvidesProduction;
import static dev.threeam.deploy.SettingNames.assertSettingsOrRunbookReferences;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every variable the compose file, the Kubernetes manifests and the systemd unit give 3am is a {@code Config} setting
 * (or a documented runbook reference), and each gives what production mode cannot start without. Parsed: YAML by
 * Jackson, env files and unit lines by their own small grammar.
 */
class DeploymentSettingsTest {

    @Test
    void the_compose_file_gives_3am_only_settings_and_runbook_references() {
        Compose compose = Compose.read();

        assertSettingsOrRunbookReferences("docker-compose.yml services.threeam.environment", compose.environment().keySet());
        assertSettingsOrRunbookReferences(".env.example", compose.envFile().named());
        assertSettingsOrRunbookReferences("docker-compose.yml ${…} interpolation", compose.interpolated());
        assertSettingsOrRunbookReferences("docker-compose.yml secrets.*.environment", compose.secretVariables());
    }

    @Test
    void the_compose_file_provides_what_production_mode_needs() {
        Compose compose = Compose.read();
        Set<String> provided = new LinkedHashSet<>(compose.environment().keySet());
        provided.addAll(compose.envFile().assignments().keySet());

        assertProvidesProduction("docker-compose.yml + .env.example", provided);
        assertThat(compose.environment()).containsEntry("HOST", "0.0.0.0");
    }

    @Test
    void the_kubernetes_deployment_gives_3am_only_settings_and_runbook_references() {
        Kubernetes deployment = Kubernetes.read();

        assertSettingsOrRunbookReferences("deployment.yaml env", deployment.env().keySet());
        assertSettingsOrRunbookReferences("deployment.yaml envFrom", deployment.envFromKeys());
    }

    @Test
    void the_kubernetes_deployment_provides_what_production_mode_needs_from_its_secret() {
        Kubernetes deployment = Kubernetes.read();

        assertThat(deployment.missingSecretKeys()).as("secretKeyRef keys the Secret lacks (and are not optional)").isEmpty();
        assertProvidesProduction("deployment.yaml", deployment.provided());
        assertThat(deployment.env().get("HOST").path("value").asText()).isEqualTo("0.0.0.0");
    }

    @Test
    void the_systemd_unit_gives_3am_only_settings_and_runbook_references() {
        SystemdUnit unit = SystemdUnit.read(DeployFiles.UNIT);

        assertSettingsOrRunbookReferences("3am.service Environment=", unit.environment().keySet());
        assertSettingsOrRunbookReferences("3am.env.example", systemdEnvFile(unit).named());
    }

    @Test
    void the_systemd_unit_and_its_environment_file_provide_what_production_mode_needs() {
        SystemdUnit unit = SystemdUnit.read(DeployFiles.UNIT);
        Set<String> provided = new LinkedHashSet<>(unit.environment().keySet());
        provided.addAll(systemdEnvFile(unit).assignments().keySet());

        assertProvidesProduction("3am.service + 3am.env.example", provided);
    }

    @Test
    void the_example_runbooks_references_are_listed_for_every_deployment() {
        Set<String> references = DeployFiles.runbookReferences();

        assertThat(references).isNotEmpty();
        assertThat(Compose.read().envFile().assignments()).containsKeys(references.toArray(String[]::new));
        assertThat(Kubernetes.read().envFromKeys()).containsAll(references);
        assertThat(systemdEnvFile(SystemdUnit.read(DeployFiles.UNIT)).assignments()).containsKeys(references.toArray(String[]::new));
    }

    private static EnvFile systemdEnvFile(SystemdUnit unit) {
        assertThat(unit.value("Service", "EnvironmentFile")).isEqualTo("/etc/3am/3am.env");
        return EnvFile.read(DeployFiles.DEPLOY.resolve("systemd/3am.env.example"));
    }

    /** The 3am service of docker-compose.yml and the env file it reads. */
    record Compose(JsonNode root, Map<String, String> environment, EnvFile envFile) {

        static Compose read() {
            JsonNode root = DeployFiles.yaml(DeployFiles.COMPOSE);
            JsonNode service = root.at("/services/threeam");
            assertThat(service.isObject()).as("docker-compose.yml has a threeam service").isTrue();
            Map<String, String> environment = new java.util.LinkedHashMap<>();
            JsonNode env = service.path("environment");
            if (env.isArray()) {
                env.forEach(item -> {
                    String[] pair = item.asText().split("=", 2);
                    environment.put(pair[0], pair.length > 1 ? pair[1] : "");
                });
            } else {
                env.fields().forEachRemaining(field -> environment.put(field.getKey(), field.getValue().asText()));
            }
            List<String> envFiles = new ArrayList<>();
            JsonNode files = service.path("env_file");
            if (files.isArray()) {
                files.forEach(file -> envFiles.add(file.isObject() ? file.path("path").asText() : file.asText()));
            } else {
                envFiles.add(files.asText());
            }
            assertThat(envFiles).as("the threeam service reads .env (made from .env.example)").containsExactly(".env");
            return new Compose(root, environment, EnvFile.read(DeployFiles.DEPLOY.resolve(".env.example")));
        }

        Set<String> interpolated() {
            Set<String> names = new TreeSet<>();
            DeployFiles.strings(root).forEach(text -> names.addAll(DeployFiles.references(text)));
            return names;
        }

        Set<String> secretVariables() {
            Set<String> names = new TreeSet<>();
            root.path("secrets").forEach(secret -> {
                if (secret.has("environment")) {
                    names.add(secret.path("environment").asText());
                }
            });
            return names;
        }
    }

    /** The container of deployment.yaml and the Secrets it reads. */
    record Kubernetes(Map<String, JsonNode> env, JsonNode container) {

        static Kubernetes read() {
            JsonNode container = DeployFiles.kubernetes("Deployment", "threeam").at("/spec/template/spec/containers/0");
            Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
            container.path("env").forEach(item -> env.put(item.path("name").asText(), item));
            return new Kubernetes(env, container);
        }

        Set<String> envFromKeys() {
            Set<String> keys = new TreeSet<>();
            container.path("envFrom").forEach(source -> {
                String kind = source.has("secretRef") ? "Secret" : "ConfigMap";
                JsonNode ref = source.has("secretRef") ? source.path("secretRef") : source.path("configMapRef");
                JsonNode object = DeployFiles.kubernetes(kind, ref.path("name").asText());
                object.path(kind.equals("Secret") && object.has("stringData") ? "stringData" : "data").fieldNames().forEachRemaining(keys::add);
            });
            return keys;
        }

        List<String> missingSecretKeys() {
            List<String> missing = new ArrayList<>();
            env.forEach((name, item) -> {
                JsonNode ref = item.at("/valueFrom/secretKeyRef");
                if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false) && !secretHas(ref)) {
                    missing.add(name + " ← " + ref.path("name").asText() + "/" + ref.path("key").asText());
                }
            });
            return missing;
        }

        /** Names with a value: a literal, a key the Secret holds, or a key of an envFrom source. */
        Set<String> provided() {
            Set<String> provided = new LinkedHashSet<>();
            env.forEach((name, item) -> {
                JsonNode ref = item.at("/valueFrom/secretKeyRef");
                if (item.has("value") || (!ref.isMissingNode() && secretHas(ref))) {
                    provided.add(name);
                }
            });
            provided.addAll(envFromKeys());
            return provided;
        }

        private static boolean secretHas(JsonNode ref) {
            JsonNode secret = DeployFiles.kubernetes("Secret", ref.path("name").asText());
            String key = ref.path("key").asText();
            return secret.path("stringData").has(key) || secret.path("data").has(key);
        }
    }
}
