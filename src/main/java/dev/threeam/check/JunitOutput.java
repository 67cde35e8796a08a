package dev.threeam.check;

import dev.threeam.common.ThreeAmException;
import dev.threeam.runbook.RunbookProblem;
import dev.threeam.runbook.WorkflowReadiness;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as Jenkins and GitLab read it: a {@code <testsuite>} per workflow with a {@code <testcase>} per
 * failure type (a {@code <failure>} with the reasons when it is not ready), and a suite {@code runbook problems}
 * with a testcase per problem of a file (errors fail; warnings pass and carry the text in {@code <system-out>}).
 */
final class JunitOutput {

    private JunitOutput() {}

    static String render(CheckResult result) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            attribute(xml, "name", "3am check of " + result.handover().dir() + "/");
            attribute(xml, "tests", String.valueOf(tests(result)));
            attribute(xml, "failures", String.valueOf(failures(result)));
            attribute(xml, "errors", String.valueOf(drillError(result) ? 1 : 0));
            for (WorkflowReadiness workflow : result.handover().workflows()) {
                workflow(xml, result, workflow);
            }
            problems(xml, result);
            if (drillError(result)) {
                drillHistory(xml, result);
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new ThreeAmException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        return text + "\n";
    }

    private static void workflow(XMLStreamWriter xml, CheckResult result, WorkflowReadiness workflow)
            throws XMLStreamException {
        String file = result.path(workflow.file()).orElse(workflow.file());
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        attribute(xml, "name", workflow.workflow());
        attribute(xml, "file", file);
        attribute(xml, "tests", String.valueOf(workflow.coverage().size()));
        attribute(xml, "failures", String.valueOf(workflow.coverage().stream()
                .filter(coverage -> !result.ready(workflow, coverage)).count()));
        for (WorkflowReadiness.Coverage coverage : workflow.coverage()) {
            newline(xml, 2);
            xml.writeStartElement("testcase");
            attribute(xml, "classname", workflow.workflow());
            attribute(xml, "name", coverage.type().id());
            attribute(xml, "file", file);
            List<String> reasons = result.reasons(workflow, coverage);
            if (!reasons.isEmpty()) {
                attribute(xml, "line", String.valueOf(coverage.line()));
                failure(xml, "failure", reasons.get(0), String.join("\n", reasons) + "\n" + file + ":" + coverage.line());
            }
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlText("rollbacks that fit (what a drill expects on Q3): " + coverage.rollbacks().expected()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        List<String> telemetry = result.telemetry().of(workflow.workflow()).stream()
                .map(line -> line.threshold() + ": " + result.telemetry().describe(line)).toList();
        if (!telemetry.isEmpty()) {
            newline(xml, 2);
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlText("thresholds from telemetry:\n" + String.join("\n", telemetry)));
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void problems(XMLStreamWriter xml, CheckResult result) throws XMLStreamException {
        List<RunbookProblem> problems = result.handover().problems();
        if (problems.isEmpty()) {
            return;
        }
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        attribute(xml, "name", "runbook problems");
        attribute(xml, "tests", String.valueOf(problems.size()));
        attribute(xml, "failures", String.valueOf(result.errors()));
        for (RunbookProblem problem : problems) {
            String file = result.path(problem.file()).orElse(problem.file());
            newline(xml, 2);
            xml.writeStartElement("testcase");
            attribute(xml, "classname", file);
            attribute(xml, "name", (problem.line() > 0 ? "line " + problem.line() + " " : "")
                    + (problem.key().isEmpty() ? problem.severity().name().toLowerCase(java.util.Locale.ROOT) : problem.key()));
            attribute(xml, "file", file);
            if (problem.line() > 0) {
                attribute(xml, "line", String.valueOf(problem.line()));
            }
            if (problem.isError()) {
                failure(xml, "failure", problem.message(), problem.toString());
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(xmlText("WARNING " + problem));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void drillHistory(XMLStreamWriter xml, CheckResult result) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        attribute(xml, "name", "drills");
        attribute(xml, "tests", "1");
        attribute(xml, "errors", "1");
        newline(xml, 2);
        xml.writeStartElement("testcase");
        attribute(xml, "classname", "drills");
        attribute(xml, "name", "drill history");
        failure(xml, "error", result.drills().message(), result.drills().message());
        xml.writeEndElement();
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void failure(XMLStreamWriter xml, String element, String message, String body)
            throws XMLStreamException {
        xml.writeStartElement(element);
        attribute(xml, "message", message);
        attribute(xml, "type", element.equals("error") ? "unavailable" : "not_ready");
        xml.writeCharacters(xmlText(body));
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlText(value));
    }

    private static long tests(CheckResult result) {
        return result.handover().workflows().stream().mapToLong(workflow -> workflow.coverage().size()).sum()
                + result.handover().problems().size() + (drillError(result) ? 1 : 0);
    }

    private static long failures(CheckResult result) {
        return result.handover().workflows().stream().mapToLong(workflow -> workflow.coverage().stream()
                .filter(coverage -> !result.ready(workflow, coverage)).count()).sum() + result.errors();
    }

    /** The database could not be read although drills are required: an error of the check, not of a runbook. */
    private static boolean drillError(CheckResult result) {
        return result.requireDrills() && result.drills().source() == Drills.Source.UNREACHABLE;
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Text with the characters XML 1.0 cannot carry (control characters a runbook value may hold) replaced. */
    static String xmlText(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(point -> clean.appendCodePoint(allowed(point) ? point : 0xFFFD));
        return clean.toString();
    }

    private static boolean allowed(int point) {
        return point == 0x9 || point == 0xA || point == 0xD || point >= 0x20 && point <= 0xD7FF
                || point >= 0xE000 && point <= 0xFFFD || point >= 0x10000 && point <= 0x10FFFF;
    }
}
