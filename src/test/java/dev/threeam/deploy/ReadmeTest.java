package dev.threeam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's settings table is {@code Config.SETTINGS}, and its deployment section shows every path. */
class ReadmeTest {

    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    @Test
    void the_settings_table_lists_exactly_the_settings_config_reads() throws IOException {
        String settings = section("## Settings");
        Set<String> names = new TreeSet<>();
        for (String line : settings.lines().filter(line -> line.startsWith("| `")).toList()) {
            Matcher name = NAME.matcher(line.split("\\|")[1]);
            while (name.find()) {
                names.add(name.group(1));
            }
        }

        assertThat(names).isEqualTo(SettingNames.SETTINGS);
    }

    @Test
    void the_deployment_section_shows_the_image_compose_kubernetes_and_systemd() throws IOException {
        String deploy = section("## Deploy");

        assertThat(deploy).contains("mvn -B -Pimage package", "target/jib-image.tar", "jib:build", "-Djib.to.image=",
                "eclipse-temurin:17-jre", "/app/runbooks", "deploy/docker-compose.yml", "deploy/kubernetes",
                "deploy/systemd/3am.service", "/etc/3am/3am.env", "### Try it with your Alertmanager in five minutes");
    }

    private static String section(String heading) throws IOException {
        String readme = Files.readString(DeployFiles.ROOT.resolve("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has a section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
