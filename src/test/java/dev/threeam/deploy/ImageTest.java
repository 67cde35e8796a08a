package dev.threeam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image as {@code mvn -Pimage} builds it, checked without running it. Registries are out of reach
 * here, so the test builds on {@code scratch} (no Java inside: the structure is what is checked), by running Jib
 * through Maven in a child process against the compiled classes (a few seconds). {@code skopeo inspect} reads the
 * image's configuration; the layer tars are read directly.
 */
class ImageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path tar;

    @BeforeAll
    static void build_the_image_tar_offline() {
        Tool maven = Tool.require("mvn", "maven");
        tar = dir.resolve("jib-image.tar");
        List<String> arguments = List.of("-B", "-q", "-Pimage", "-Djib.from.image=scratch", "-Djib.disableUpdateChecks=true",
                "-Djib.outputPaths.tar=" + tar, "com.google.cloud.tools:jib-maven-plugin:buildTar");
        List<String> offline = new ArrayList<>(List.of("-o"));
        offline.addAll(arguments);
        Tool.Result result = maven.run(DeployFiles.ROOT, Duration.ofMinutes(5), offline.toArray(String[]::new));
        if (result.exitCode() != 0) {
            // a fresh machine has not fetched Jib yet: once from Maven Central
            Tool.Result offlineResult = result;
            result = maven.run(DeployFiles.ROOT, Duration.ofMinutes(5), arguments.toArray(String[]::new));
            assertThat(result.exitCode()).as("mvn " + String.join(" ", arguments) + ":\n" + result.output()
                    + "\n(offline, before:)\n" + offlineResult.output()).isZero();
        }
        assertThat(tar).isRegularFile();
    }

    @Test
    void skopeo_sees_the_entrypoint_with_the_heap_limit_and_serve() {
        JsonNode config = skopeoConfig().path("config");

        assertThat(texts(config.path("Entrypoint"))).startsWith("java").contains("-Xmx256m", "-Dfile.encoding=UTF-8")
                .endsWith("dev.threeam.Main");
        assertThat(texts(config.path("Cmd"))).containsExactly("serve");
    }

    @Test
    void skopeo_sees_a_non_root_user_and_port_3000() {
        JsonNode config = skopeoConfig().path("config");
        String user = config.path("User").asText();

        assertThat(user).isNotBlank();
        assertThat(user).isEqualTo("10001:0"); // numeric, so Kubernetes runAsNonRoot can check it; group 0 owns /data
        assertThat(config.path("ExposedPorts").has("3000/tcp")).isTrue();
    }

    @Test
    void skopeo_sees_settings_for_a_container_and_every_variable_is_a_setting() {
        Map<String, String> env = env(skopeoConfig().path("config"));

        assertThat(env).containsEntry("HOST", "0.0.0.0").containsEntry("PORT", "3000").containsEntry("RUNBOOKS_DIR", "/app/runbooks")
                .containsEntry("DATABASE_URL", "jdbc:sqlite:/data/threeam.db");
        SettingNames.assertSettingsOrRunbookReferences("the image's Env", env.keySet());
    }

    @Test
    void skopeo_sees_the_oci_labels() {
        JsonNode labels = skopeoConfig().at("/config/Labels");

        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("3am");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(DeployFiles.projectVersion());
        assertThat(labels.path("org.opencontainers.image.description").asText()).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.base.name").asText()).isEqualTo("scratch");
    }

    @Test
    void the_layers_hold_the_classes_the_libraries_and_the_runbooks_where_runbooks_dir_points() throws IOException {
        Map<String, TarArchiveEntry> files = layerFiles();

        assertThat(files).containsKeys("app/classes/dev/threeam/Main.class", "app/classes/dev/threeam/config/Config.class",
                "app/jib-classpath-file");
        assertThat(files.keySet()).anySatisfy(name -> assertThat(name).matches("app/libs/javalin-.*\\.jar"));
        assertThat(files.keySet()).anySatisfy(name -> assertThat(name).matches("app/libs/postgresql-.*\\.jar"));
        try (Stream<Path> runbooks = Files.walk(DeployFiles.ROOT.resolve("runbooks"))) {
            for (Path runbook : runbooks.filter(Files::isRegularFile).toList()) {
                String inImage = "app/runbooks/" + DeployFiles.ROOT.resolve("runbooks").relativize(runbook).toString().replace('\\', '/');
                assertThat(files).as("the image holds " + inImage).containsKey(inImage);
                assertThat(files.get(inImage).getSize()).isEqualTo(Files.size(runbook));
            }
        }
    }

    @Test
    void only_the_data_folder_is_writable_and_only_by_the_users_group() throws IOException {
        Map<String, TarArchiveEntry> files = layerFiles();

        // the image's user is 10001:0 (skopeo_sees_a_non_root_user_and_port_3000): group 0 owns /data
        assertThat(files.get("data/").getMode() & 0777).isEqualTo(0775);
        assertThat(files.get("data/").getLongGroupId()).isZero();
        files.forEach((name, entry) -> {
            assertThat(entry.getMode() & 0002).as(name + " is writable by anyone").isZero();
            if (!name.startsWith("data/")) {
                assertThat(entry.getMode() & 0020).as(name + " is writable by its group").isZero();
            }
        });
    }

    private static JsonNode skopeoConfig() {
        Tool skopeo = Tool.require("skopeo", "skopeo");
        Tool.Result result = skopeo.run(dir, Duration.ofSeconds(60), "inspect", "--config", "docker-archive:" + tar);
        assertThat(result.exitCode()).as(result.output()).isZero();
        try {
            return JSON.readTree(result.output());
        } catch (IOException e) {
            throw new AssertionError("skopeo printed no JSON:\n" + result.output(), e);
        }
    }

    /** Every file of every layer, by path without a leading slash (directories end with {@code /}). */
    private static Map<String, TarArchiveEntry> layerFiles() throws IOException {
        Map<String, byte[]> archive = new HashMap<>();
        try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry entry; (entry = outer.getNextEntry()) != null; ) {
                archive.put(entry.getName(), outer.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(archive.get("manifest.json"));
        Map<String, TarArchiveEntry> files = new HashMap<>();
        for (JsonNode layer : manifest.at("/0/Layers")) {
            byte[] bytes = archive.get(layer.asText());
            InputStream raw = new java.io.ByteArrayInputStream(bytes);
            InputStream content = layer.asText().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            try (TarArchiveInputStream layerTar = new TarArchiveInputStream(content)) {
                for (TarArchiveEntry entry; (entry = layerTar.getNextEntry()) != null; ) {
                    files.put(entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""), entry);
                }
            }
        }
        return files;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Map<String, String> env(JsonNode config) {
        Map<String, String> env = new HashMap<>();
        config.path("Env").forEach(item -> {
            String[] pair = item.asText().split("=", 2);
            env.put(pair[0], pair.length > 1 ? pair[1] : "");
        });
        return env;
    }
}
