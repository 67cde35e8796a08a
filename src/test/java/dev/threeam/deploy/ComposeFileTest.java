package dev.threeam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and alertmanager.yml parse, and say what the README promises. */
class ComposeFileTest {

    private final JsonNode compose = DeployFiles.yaml(DeployFiles.COMPOSE);

    @Test
    void it_runs_3am_postgres_and_alertmanager_with_the_image_the_build_makes() {
        assertThat(names(compose.path("services"))).containsExactlyInAnyOrder("threeam", "postgres", "alertmanager");
        assertThat(compose.at("/services/threeam/image").asText()).isEqualTo("threeam:" + DeployFiles.projectVersion());
        assertThat(compose.at("/services/threeam/environment/DATABASE_URL").asText()).startsWith("jdbc:postgresql://postgres:");
        assertThat(compose.at("/services/threeam/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void runbooks_are_mounted_from_the_runbooks_folder_beside_it_where_3am_reads_them() {
        String runbooksDir = compose.at("/services/threeam/environment/RUNBOOKS_DIR").asText();
        List<String> volumes = texts(compose.at("/services/threeam/volumes"));

        assertThat(volumes).anySatisfy(volume -> assertThat(volume).startsWith("./runbooks:" + runbooksDir));
        Path runbooks = DeployFiles.DEPLOY.resolve("runbooks");
        assertThat(runbooks.resolve("support-chat.md")).as("./runbooks beside the compose file holds runbooks").isRegularFile();
    }

    @Test
    void alertmanager_sends_every_alert_to_3am_with_the_webhook_token_as_bearer() {
        JsonNode alertmanager = DeployFiles.yaml(DeployFiles.ALERTMANAGER);
        String receiverName = alertmanager.at("/route/receiver").asText();
        JsonNode receiver = null;
        for (JsonNode candidate : alertmanager.path("receivers")) {
            if (candidate.path("name").asText().equals(receiverName)) {
                receiver = candidate;
            }
        }
        assertThat(receiver).as("the route's receiver " + receiverName).isNotNull();
        JsonNode webhook = receiver.at("/webhook_configs/0");
        URI url = URI.create(webhook.path("url").asText());

        assertThat(url.getPath()).isEqualTo("/alerts/alertmanager");
        assertThat(url.getHost()).as("a compose service").isIn(names(compose.path("services")));
        assertThat(url.getPort()).isEqualTo(3000);
        assertThat(webhook.path("send_resolved").asBoolean()).isTrue();
        JsonNode authorization = webhook.at("/http_config/authorization");
        assertThat(authorization.path("type").asText("Bearer")).isEqualTo("Bearer");
        String secretFile = authorization.path("credentials_file").asText();
        assertThat(secretFile).startsWith("/run/secrets/");
        String secret = secretFile.substring("/run/secrets/".length());
        assertThat(texts(compose.at("/services/alertmanager/secrets"))).contains(secret);
        assertThat(compose.at("/secrets/" + secret + "/environment").asText()).isEqualTo("WEBHOOK_TOKEN");
        assertThat(texts(compose.at("/services/alertmanager/volumes")))
                .anySatisfy(volume -> assertThat(volume).startsWith("./alertmanager.yml:"));
    }

    @Test
    void amtool_accepts_the_alertmanager_configuration() {
        Tool amtool = Tool.require("amtool", "prometheus-alertmanager");

        Tool.Result result = amtool.run(DeployFiles.DEPLOY, Duration.ofSeconds(30), "check-config", "alertmanager.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void the_env_file_template_exists_and_the_real_one_is_ignored_by_git() throws Exception {
        assertThat(DeployFiles.DEPLOY.resolve(".env.example")).isRegularFile();
        assertThat(Files.readAllLines(DeployFiles.DEPLOY.resolve(".gitignore"))).contains(".env");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
