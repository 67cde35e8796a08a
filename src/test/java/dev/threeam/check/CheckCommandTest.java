package dev.threeam.check;

import static dev.threeam.check.Workspace.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code check} run as CI runs it: a real process, a clean environment, every format. */
class CheckCommandTest {

    /**
     * A GitHub Actions workflow command: {@code ::error file=…,line=…,title=…::message}. Property values hold no raw
     * {@code :} {@code ,} {@code %} or line break; the message no raw {@code %} or line break.
     */
    static final Pattern WORKFLOW_COMMAND = Pattern.compile(
            "::(error|warning|notice)( (file|line|title)=(?:[^%,:\\r\\n]|%25|%0D|%0A|%3A|%2C)*"
                    + "(,(file|line|title)=(?:[^%,:\\r\\n]|%25|%0D|%0A|%3A|%2C)*)*)?::(?:[^%\\r\\n]|%25|%0D|%0A)*");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    @TempDir
    Path temp;

    // --- the project's runbooks in a CI job without secrets

    @Test
    void the_project_runbooks_pass_without_any_secret_and_name_every_variable_they_will_need() {
        Workspace workspace = Workspace.at(temp).withProjectRunbooks();

        CheckProcess.Run run = CheckProcess.in(workspace.root()).check("runbooks/");

        assertThat(run.exit()).as(run.printed()).isZero();
        for (String variable : referencedVariables(workspace.runbooks())) {
            assertThat(run.stdout()).contains("WARNING").contains("3am will need " + variable + " at run time");
        }
        assertThat(run.stdout())
                .contains("support-chat: Help-desk chat bot (RAG over the help center)  [runbooks/support-chat.md]  READY")
                .contains("code-assistant: Code assistant (completions and agent mode)  [runbooks/code-assistant.md]  READY")
                .contains("[runbooks/contract-review.md]  READY")
                .doesNotContain("NOT LOADED")
                .contains("Result: 3 of 3 workflow(s) ready -> OK (exit 0)");
    }

    @Test
    void the_project_runbooks_in_json_judge_every_failure_type_of_every_workflow() {
        Workspace workspace = Workspace.at(temp).withProjectRunbooks();

        CheckProcess.Run run = CheckProcess.in(workspace.root()).check("--format", "json", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isZero();
        JsonNode json = json(run);
        assertThat(json.get("ready").asBoolean()).isTrue();
        assertThat(json.get("exit_code").asInt()).isZero();
        assertThat(json.get("workflows")).hasSize(3).allSatisfy(workflow -> {
            assertThat(workflow.get("ready").asBoolean()).isTrue();
            assertThat(workflow.get("failure_types")).hasSize(7)
                    .allSatisfy(type -> assertThat(type.get("ready").asBoolean()).isTrue());
        });
        List<String> warned = new ArrayList<>();
        json.get("problems").forEach(problem -> {
            assertThat(problem.get("severity").asText()).isEqualTo("warning");
            assertThat(problem.get("file").asText()).startsWith("runbooks/");
            assertThat(problem.get("line").asInt()).isPositive();
            warned.add(problem.get("message").asText());
        });
        for (String variable : referencedVariables(workspace.runbooks())) {
            assertThat(warned).anySatisfy(message -> assertThat(message).endsWith("will need " + variable + " at run time"));
        }
        assertThat(json.at("/drills/source").asText()).isEqualTo("no_database");
    }

    @Test
    void strict_env_turns_the_missing_variables_into_errors() {
        Workspace workspace = Workspace.at(temp).withProjectRunbooks();

        CheckProcess.Run run = CheckProcess.in(workspace.root()).check("--strict-env", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        assertThat(run.stdout()).contains("runbooks/support-chat.md  NOT LOADED")
                .contains("ERROR    runbooks/support-chat.md:7 owners.engineering.pagerduty: ${PD_KEY_HELPDESK} is not"
                        + " set in the environment; set PD_KEY_HELPDESK or remove the reference")
                .contains("Result: 0 of 0 workflow(s) ready, 3 file(s) not loaded -> NOT READY (exit 1)");
    }

    @Test
    void strict_env_passes_where_the_real_environment_is_set() {
        Workspace workspace = Workspace.at(temp).withProjectRunbooks();
        CheckProcess process = CheckProcess.in(workspace.root());
        referencedVariables(workspace.runbooks()).forEach(name -> process.env(name, "https://secrets.example.com/" + name));

        CheckProcess.Run run = process.check("--strict-env", "--format", "github", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isZero();
        assertThat(run.stdout()).isEqualTo("3am check of runbooks/: 3 of 3 workflow(s) ready, 0 error(s), 0 warning(s)"
                + " -> OK (exit 0)\n");
    }

    // --- real mistakes, in every format

    @Test
    void mistakes_are_reported_with_file_line_and_message_in_text() {
        Workspace workspace = withMistakes();

        CheckProcess.Run run = CheckProcess.in(workspace.root()).check("runbooks");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        assertThat(run.stdout()).contains("runbooks/orders.md  NOT LOADED").contains("runbooks/refunds.md  NOT LOADED")
                .contains("shop: Shop assistant  [runbooks/shop.md]  READY")
                .contains("Result: 1 of 1 workflow(s) ready, 2 file(s) not loaded -> NOT READY (exit 1)");
        for (Expected mistake : MISTAKES) {
            assertThat(run.stdout()).contains("ERROR    " + mistake.file() + ":" + mistake.line()
                    + (mistake.key().isEmpty() ? ": " : " " + mistake.key() + ": ") + mistake.message());
        }
    }

    @Test
    void mistakes_are_reported_with_file_line_key_and_severity_in_json() {
        CheckProcess.Run run = CheckProcess.in(withMistakes().root()).check("--format=json", "runbooks");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        JsonNode json = json(run);
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("not_loaded")).extracting(JsonNode::asText)
                .containsExactly("runbooks/orders.md", "runbooks/refunds.md");
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(MISTAKES.size());
        for (Expected mistake : MISTAKES) {
            assertThat(json.get("problems")).anySatisfy(problem -> {
                assertThat(problem.get("file").asText()).isEqualTo(mistake.file());
                assertThat(problem.get("line").asInt()).isEqualTo(mistake.line());
                assertThat(problem.get("key").asText()).isEqualTo(mistake.key());
                assertThat(problem.get("severity").asText()).isEqualTo("error");
                assertThat(problem.get("message").asText()).startsWith(mistake.message());
            });
        }
    }

    @Test
    void mistakes_become_github_annotations_on_their_file_and_line() {
        CheckProcess.Run run = CheckProcess.in(withMistakes().root()).check("--format", "github", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).matches(WORKFLOW_COMMAND));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("3am check of runbooks/: 1 of 1 workflow(s) ready,"
                + " 4 error(s), 0 warning(s) -> NOT READY (exit 1)");
        for (Expected mistake : MISTAKES) {
            String title = mistake.key().isEmpty() ? "3am check" : mistake.key();
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("::error file=" + mistake.file()
                    + ",line=" + mistake.line() + ",title=" + title + "::" + mistake.message()));
        }
    }

    @Test
    void mistakes_become_failed_junit_testcases_and_ready_types_pass() throws Exception {
        CheckProcess.Run run = CheckProcess.in(withMistakes().root()).check("--format", "junit", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        Document xml = xml(run);
        List<Element> cases = elements(xml.getDocumentElement(), "testcase");
        assertThat(cases).filteredOn(testcase -> testcase.getAttribute("classname").equals("shop")).hasSize(7)
                .allSatisfy(testcase -> assertThat(elements(testcase, "failure")).isEmpty());
        for (Expected mistake : MISTAKES) {
            assertThat(cases).anySatisfy(testcase -> {
                assertThat(testcase.getAttribute("classname")).isEqualTo(mistake.file());
                assertThat(testcase.getAttribute("line")).isEqualTo(String.valueOf(mistake.line()));
                assertThat(elements(testcase, "failure")).singleElement()
                        .satisfies(failure -> assertThat(failure.getAttribute("message")).startsWith(mistake.message()));
            });
        }
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(7 + MISTAKES.size()));
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo(String.valueOf(MISTAKES.size()));
    }

    // --- a workflow that loads but cannot be handed over

    @Test
    void a_failure_type_without_an_owner_or_a_section_fails_on_its_line_in_every_format() throws Exception {
        String shop = Workspace.SHOP.replace("  cost_failure: [engineering]\n", "").replace("## Latency failure\n", "");
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", shop);
        CheckProcess process = CheckProcess.in(workspace.root());

        CheckProcess.Run github = process.check("--format", "github", "runbooks/");
        CheckProcess.Run json = process.check("--format", "json", "runbooks/");
        CheckProcess.Run junit = process.check("--format", "junit", "runbooks/");
        CheckProcess.Run text = process.check("runbooks/");

        assertThat(List.of(github.exit(), json.exit(), junit.exit(), text.exit())).containsOnly(1);
        assertThat(github.stdout()).contains("::error file=runbooks/shop.md,line=" + lineOf(shop, "escalation:")
                        + ",title=shop cost_failure not ready::no owner to wake: escalation.cost_failure names no role")
                .contains("::error file=runbooks/shop.md,line=" + lineOf(shop, "# Shop assistant")
                        + ",title=shop latency_failure not ready::no runbook section: add \"## Latency failure\" to the body");
        JsonNode cost = failureType(json(json).get("workflows").get(0), "cost_failure");
        assertThat(cost.get("ready").asBoolean()).isFalse();
        assertThat(cost.get("owner").isNull()).isTrue();
        assertThat(cost.get("line").asInt()).isEqualTo(lineOf(shop, "escalation:"));
        assertThat(cost.get("reasons").get(0).asText()).startsWith("no owner to wake");
        List<Element> failed = elements(xml(junit).getDocumentElement(), "testcase").stream()
                .filter(testcase -> !elements(testcase, "failure").isEmpty()).toList();
        assertThat(failed).extracting(testcase -> testcase.getAttribute("classname") + "/" + testcase.getAttribute("name"))
                .containsExactlyInAnyOrder("shop/cost_failure", "shop/latency_failure");
        assertThat(text.stdout()).contains("shop: Shop assistant  [runbooks/shop.md]  NOT READY")
                .containsPattern("cost_failure +MISSING +none fits +ok")
                .containsPattern("latency_failure +ok  engineering +none fits +MISSING");
    }

    // --- what CI tools get must parse, whatever a runbook holds

    @Test
    void github_annotations_escape_percent_line_breaks_colons_and_commas() {
        String odd = Workspace.SHOP.replace("title: Shop assistant\n", """
                title: Shop assistant
                "odd:key,here": 1
                rollbacks:
                  - {id: r1, label: R1, kind: "50%\\nfaster", webhook: {url: "https://hooks.example.com/x"}}
                """);
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", odd);

        CheckProcess.Run run = CheckProcess.in(workspace.root()).check("--format", "github", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).hasSize(2)
                .allSatisfy(line -> assertThat(line).matches(WORKFLOW_COMMAND));
        assertThat(lines).contains("::warning file=runbooks/shop.md,line=" + lineOf(odd, "odd:key")
                + ",title=odd%3Akey%2Chere::unknown key, ignored (a runbook written for a newer 3am?)");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("::error file=runbooks/shop.md,line="
                + lineOf(odd, "50%") + ",title=rollbacks[0].kind::\"50%25%0Afaster\" is not a change kind"));
    }

    @Test
    void junit_output_is_valid_xml_whatever_the_runbook_holds() throws Exception {
        String odd = Workspace.SHOP.replace("title: Shop assistant\n", """
                title: Shop assistant
                "a<b&c\\"d": 1
                rollbacks:
                  - {id: r1, label: R1, kind: "bell\\a]]>", webhook: {url: "https://hooks.example.com/x"}}
                """);
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", odd);

        CheckProcess.Run run = CheckProcess.in(workspace.root()).check("--format", "junit", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        List<Element> cases = elements(xml(run).getDocumentElement(), "testcase");
        assertThat(cases).extracting(testcase -> testcase.getAttribute("name"))
                .contains("line " + lineOf(odd, "a<b") + " a<b&c\"d");
        assertThat(cases).anySatisfy(testcase -> assertThat(elements(testcase, "failure")).singleElement()
                .satisfies(failure -> assertThat(failure.getTextContent()).contains("\"bell\uFFFD]]>\" is not a change kind")));
    }

    // --- exit code 2

    @Test
    void an_unknown_format_is_a_usage_error() {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);

        CheckProcess.Run run = CheckProcess.in(workspace.root()).check("--format", "xml", "runbooks/");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("Invalid value for option '--format': expected one of text, json, github,"
                + " junit, got \"xml\"");
    }

    @Test
    void a_missing_folder_is_an_io_error_in_every_format() {
        CheckProcess process = CheckProcess.in(temp);

        CheckProcess.Run text = process.check("nowhere/");
        CheckProcess.Run json = process.check("--format", "json", "nowhere/");
        CheckProcess.Run github = process.check("--format", "github", "nowhere/");

        assertThat(List.of(text.exit(), json.exit(), github.exit())).containsOnly(2);
        assertThat(text.stderr()).contains("3am check: the runbooks folder " + temp.resolve("nowhere").toAbsolutePath()
                + " does not exist or cannot be read");
        assertThat(text.stdout()).contains("-> ERROR (exit 2)");
        assertThat(json(json).get("exit_code").asInt()).isEqualTo(2);
        assertThat(github.stdout().lines().findFirst().orElseThrow()).matches(WORKFLOW_COMMAND)
                .startsWith("::error title=3am check::nowhere: the runbooks folder");
    }

    // --- output is UTF-8 whatever the platform says

    @Test
    void output_is_utf8_even_when_the_platform_charset_is_not() {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md",
                Workspace.SHOP.replace("{slack: [U0REVIEW]}", "{slack: [reviewer-jo]}"));

        CheckProcess.Run run = CheckProcess.in(workspace.root()).env("LANG", "C").jvm("-Dfile.encoding=ISO-8859-1")
                .check("--require-drills", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        assertThat(run.stdout()).contains("✗ --require-drills needs it")
                .contains("is not a Slack user or user group id (U…, W… or S…, as in U0ALICE or S0ONCALL)")
                .doesNotContain("?");
        assertThat(new String(run.stdoutBytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(run.stdoutBytes());
    }

    // --- helpers

    private record Expected(String file, int line, String key, String message) {}

    private static final List<Expected> MISTAKES = List.of(
            new Expected("runbooks/orders.md", lineOf(Workspace.MISTAKES, "model_failure"), "escalation.model_failure",
                    "\"model_failure\" is not a failure type; use one of quality_drift"),
            new Expected("runbooks/orders.md", lineOf(Workspace.MISTAKES, "[legal]"), "escalation.policy_failure",
                    "role \"legal\" has no owner; add owners.legal or remove it here"),
            new Expected("runbooks/orders.md", lineOf(Workspace.MISTAKES, "old-prompt"), "rollbacks[0]",
                    "names no provider; a rollback uses exactly one of unleash, flagd, launchdarkly, webhook"),
            new Expected("runbooks/refunds.md", lineOf(Workspace.BAD_YAML, "owners:"), "", "not valid YAML"));

    private Workspace withMistakes() {
        return Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP).withRunbook("orders.md", Workspace.MISTAKES)
                .withRunbook("refunds.md", Workspace.BAD_YAML);
    }

    private static TreeSet<String> referencedVariables(Path runbooks) {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(runbooks)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".md")).toList()) {
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(names).as("the project's runbooks reference variables").isNotEmpty();
        return names;
    }

    static JsonNode json(CheckProcess.Run run) {
        assertThat(run.stdout().lines()).as("one JSON object on one line").hasSize(1);
        try {
            return Json.mapper().readTree(run.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.printed(), e);
        }
    }

    static Document xml(CheckProcess.Run run) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.stdoutBytes()));
    }

    static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int index = 0; index < nodes.getLength(); index++) {
            elements.add((Element) nodes.item(index));
        }
        return elements;
    }

    private static JsonNode failureType(JsonNode workflow, String id) {
        for (JsonNode type : workflow.get("failure_types")) {
            if (type.get("failure_type").asText().equals(id)) {
                return type;
            }
        }
        throw new AssertionError("no " + id + " in " + workflow);
    }

}
