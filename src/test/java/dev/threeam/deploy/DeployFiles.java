package dev.threeam.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** The files under {@code deploy/}, parsed: YAML through Jackson, the pom through the JDK's XML parser. */
final class DeployFiles {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path COMPOSE = DEPLOY.resolve("docker-compose.yml");
    static final Path ALERTMANAGER = DEPLOY.resolve("alertmanager.yml");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path UNIT = DEPLOY.resolve("systemd/3am.service");

    /** {@code ${NAME}} in runbooks; compose interpolation also allows {@code ${NAME:-default}} and {@code ${NAME:?message}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?-][^}]*)?}");
    private static final YAMLMapper YAML = new YAMLMapper();

    private DeployFiles() {
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + file, e);
        }
    }

    /** Every document of every {@code .yaml} file in {@code deploy/kubernetes}. */
    static List<JsonNode> kubernetes() {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                        if (!document.isNull() && !document.isMissingNode()) {
                            documents.add(document);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static JsonNode kubernetes(String kind, String name) {
        return kubernetes().stream()
                .filter(document -> document.path("kind").asText().equals(kind) && document.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + KUBERNETES));
    }

    /** The names a text references as {@code ${NAME}} (compose interpolation and runbook references alike). */
    static Set<String> references(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Every string value anywhere in a YAML tree. */
    static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        node.forEach(child -> strings.addAll(strings(child)));
        return strings;
    }

    /** The variables the repository's runbooks reference in their front matter: the team's own, not 3am settings. */
    static Set<String> runbookReferences() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("runbooks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = Files.readString(file);
                int end = text.indexOf("\n---", 3);
                names.addAll(references(end > 0 ? text.substring(0, end) : text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static String projectVersion() {
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile())
                    .getDocumentElement();
            for (var node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals("version")) {
                    return element.getTextContent().trim();
                }
            }
            throw new AssertionError("pom.xml has no version");
        } catch (Exception e) {
            throw new AssertionError("cannot read pom.xml: " + e, e);
        }
    }
}
