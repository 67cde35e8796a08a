package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one runbook file: YAML front matter between leading {@code ---} lines, {@code ${NAME}} references
 * resolved from the environment given, checked by {@link RunbookValidator}, and the body cut into
 * {@code ## <Failure type>} sections. Never throws for a bad file: the problems say what is wrong and where.
 */
public final class RunbookParser {

    /** Larger files are refused: a runbook is a page, not a data set. */
    public static final long MAX_BYTES = 1_000_000;

    private final Path runbooksDir;
    private final Map<String, String> env;
    private final UnsetVariables unset;

    /**
     * @param runbooksDir the folder flagd files are relative to
     * @param env         the variables {@code ${NAME}} may name
     * @param unset       what a variable that is not set means
     */
    public RunbookParser(Path runbooksDir, Map<String, String> env, UnsetVariables unset) {
        this.runbooksDir = runbooksDir;
        this.env = Map.copyOf(env);
        this.unset = unset;
    }

    /** As {@code serve} reads runbooks: with {@code sandbox}, a missing variable is a warning and stays as written. */
    public RunbookParser(Path runbooksDir, Map<String, String> env, boolean sandbox) {
        this(runbooksDir, env, UnsetVariables.forServe(sandbox));
    }

    /** Reads {@code file}, naming it {@code name} in problems ({@code runbooks/support.md}). */
    public ParsedRunbook parse(Path file, String name) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return failed(file, name, 1, "file is larger than " + MAX_BYTES + " bytes; a runbook is a page");
            }
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            return failed(file, name, 1, "not UTF-8 text");
        } catch (IOException e) {
            return failed(file, name, 1, "cannot read: " + e);
        }
        return parse(file, name, text);
    }

    /** Reads runbook {@code text} as if it were {@code file}. */
    public ParsedRunbook parse(Path file, String name, String text) {
        Optional<FrontMatter> frontMatter;
        try {
            frontMatter = FrontMatter.split(text);
        } catch (FrontMatter.UnclosedException e) {
            return failed(file, name, 1, e.getMessage());
        }
        if (frontMatter.isEmpty()) {
            return new ParsedRunbook(file, name, Optional.empty(), List.of(RunbookProblem.warning(name, 1, "",
                    "no front matter (a --- line first): not a runbook, skipped")), Map.of());
        }
        YamlTree tree;
        try {
            tree = YamlTree.read(frontMatter.get().yaml(), frontMatter.get().yamlFirstLine());
        } catch (YamlTree.SyntaxException e) {
            return failed(file, name, e.line(), e.getMessage());
        }
        return build(file, name, frontMatter.get(), tree);
    }

    private ParsedRunbook build(Path file, String name, FrontMatter frontMatter, YamlTree tree) {
        Problems problems = new Problems(name, tree);
        List<String> unresolved = new References(env, unset, problems).resolve(tree.root());
        RunbookValidator.validate(tree.root(), problems, runbooksDir);
        Map<FailureType, String> sections = BodySections.split(frontMatter.body(), (type, index) ->
                problems.warningOnLine(frontMatter.bodyFirstLine() + index, "## " + type.title(),
                        "a second section for " + type.id() + "; both are quoted, one after the other"));
        Map<String, Integer> keyLines = keyLines(tree, frontMatter.bodyFirstLine());
        Optional<Runbook> runbook = problems.hasErrors() ? Optional.empty() : Optional.of(
                RunbookMapper.toRunbook(tree.root(), sections, unresolved, file, runbooksDir));
        return new ParsedRunbook(file, name, runbook, problems.all(), keyLines);
    }

    /** Lines of the top-level keys, aliases, {@code escalation.<type>} entries and the body. */
    private static Map<String, Integer> keyLines(YamlTree tree, int bodyFirstLine) {
        Map<String, Integer> lines = new HashMap<>();
        lines.put(ParsedRunbook.BODY, bodyFirstLine);
        tree.root().keySet().forEach(key -> lines.put(key, tree.line(key)));
        Map<String, Object> escalation = Values.map(tree.root().get("escalation"));
        if (escalation != null) {
            escalation.keySet().forEach(type -> lines.put("escalation." + type, tree.line("escalation." + type)));
        }
        List<String> aliases = Values.texts(tree.root().get("aliases"));
        for (int index = 0; aliases != null && index < aliases.size(); index++) {
            lines.put("aliases[" + index + "]", tree.line("aliases[" + index + "]"));
        }
        return lines;
    }

    private static ParsedRunbook failed(Path file, String name, int line, String message) {
        return new ParsedRunbook(file, name, Optional.empty(), List.of(RunbookProblem.error(name, line, "", message)),
                Map.of());
    }
}
