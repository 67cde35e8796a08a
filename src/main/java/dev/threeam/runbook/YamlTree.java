package dev.threeam.runbook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Front matter read into plain values (maps, lists, strings, numbers, booleans) together with the file line of
 * every key and list item, so a problem can say {@code rollbacks[1].flagd.file} is on line 31.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build();

    private final Map<String, Object> root;
    private final Map<String, Integer> lines;
    private final List<String> duplicateKeys;
    private final int firstLine;

    private YamlTree(Map<String, Object> root, Map<String, Integer> lines, List<String> duplicateKeys, int firstLine) {
        this.root = root;
        this.lines = lines;
        this.duplicateKeys = duplicateKeys;
        this.firstLine = firstLine;
    }

    /**
     * Reads {@code yaml}, whose first line is line {@code firstLine} of its file.
     *
     * @throws SyntaxException when it is not YAML, or not a mapping at the top
     */
    static YamlTree read(String yaml, int firstLine) throws SyntaxException {
        Reader reader = new Reader(firstLine);
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxException(firstLine, "front matter is empty: a runbook needs at least workflow:");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new SyntaxException(firstLine, "front matter must be key: value pairs, got " + first.asString());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) reader.value(parser, "");
            return new YamlTree(root, reader.lines, reader.duplicates, firstLine);
        } catch (JacksonException e) {
            throw syntaxError(e, firstLine);
        } catch (IOException e) {
            throw new SyntaxException(firstLine, "could not read front matter: " + e.getMessage());
        }
    }

    Map<String, Object> root() {
        return root;
    }

    /** Keys written twice in one mapping (YAML keeps the last), as paths. */
    List<String> duplicateKeys() {
        return duplicateKeys;
    }

    /** The file line of {@code path} ({@code owners.legal.slack[0]}), else of its nearest written parent. */
    int line(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            current = parent(current);
        }
        return firstLine;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static SyntaxException syntaxError(JacksonException e, int firstLine) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                    : marked.getContext() + " from line " + (firstLine + marked.getContextMark().getLine()) + ", ";
            return new SyntaxException(firstLine + marked.getProblemMark().getLine(),
                    "not valid YAML: " + context + oneLine(marked.getProblem()));
        }
        int line = e.getLocation() == null ? 1 : Math.max(e.getLocation().getLineNr(), 1);
        return new SyntaxException(firstLine + line - 1, "not valid YAML: " + oneLine(e.getOriginalMessage()));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    /** Streams tokens into plain values, remembering lines. */
    private static final class Reader {
        private final int offset;
        private final Map<String, Integer> lines = new HashMap<>();
        private final List<String> duplicates = new ArrayList<>();

        Reader(int firstLine) {
            this.offset = firstLine - 1;
        }

        Object value(JsonParser parser, String path) throws IOException {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> mapping(parser, path);
                case START_ARRAY -> sequence(parser, path);
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT -> parser.getNumberValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> parser.getText();
            };
        }

        private Map<String, Object> mapping(JsonParser parser, String path) throws IOException {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String keyPath = child(path, key);
                if (map.containsKey(key)) {
                    duplicates.add(keyPath);
                }
                lines.put(keyPath, offset + parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                map.put(key, value(parser, keyPath));
            }
            return map;
        }

        private List<Object> sequence(JsonParser parser, String path) throws IOException {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String itemPath = item(path, list.size());
                lines.put(itemPath, offset + parser.currentTokenLocation().getLineNr());
                list.add(value(parser, itemPath));
            }
            return list;
        }
    }

    /** The front matter cannot be read at all. */
    static final class SyntaxException extends Exception {
        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
