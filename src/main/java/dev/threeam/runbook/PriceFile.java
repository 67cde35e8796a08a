package dev.threeam.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The shared price table {@code prices.yml} beside the runbooks: model name → {@code {input, output}} in USD per
 * million tokens, the same shape as a runbook's {@code prices:} key (which wins for the models it names).
 * Optionally nested under a top-level {@code prices:} key.
 */
public final class PriceFile {

    public static final String NAME = "prices.yml";

    /** The table read, or empty with the problems that kept it from loading. */
    public record Loaded(Map<String, Telemetry.Price> prices, List<RunbookProblem> problems) {
        public Loaded {
            prices = Map.copyOf(prices);
            problems = List.copyOf(problems);
        }

        public boolean failed() {
            return problems.stream().anyMatch(RunbookProblem::isError);
        }
    }

    private PriceFile() {}

    /** Reads {@code file}; a missing file is an empty table, a bad one is problems naming the line. */
    public static Loaded read(Path file) {
        String name = file.getParent() == null ? file.toString()
                : file.getParent().toAbsolutePath().normalize().getFileName() + "/" + file.getFileName();
        if (!Files.isRegularFile(file)) {
            return new Loaded(Map.of(), List.of());
        }
        try {
            return parse(name, Files.readString(file));
        } catch (IOException e) {
            return new Loaded(Map.of(), List.of(RunbookProblem.error(name, 0, "", "cannot read: " + e.getMessage())));
        }
    }

    static Loaded parse(String name, String yaml) {
        if (yaml.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            return new Loaded(Map.of(), List.of());
        }
        YamlTree tree;
        try {
            tree = YamlTree.read(yaml, 1);
        } catch (YamlTree.SyntaxException e) {
            return new Loaded(Map.of(), List.of(RunbookProblem.error(name, e.line(), "", e.getMessage())));
        }
        boolean nested = tree.root().size() == 1 && tree.root().containsKey("prices");
        String path = nested ? "prices" : "";
        Object table = nested ? tree.root().get("prices") : tree.root();
        Problems problems = new Problems(name, tree);
        TelemetryCheck.checkPrices(table, path, problems);
        if (problems.hasErrors()) {
            return new Loaded(Map.of(), problems.all());
        }
        return new Loaded(TelemetryReader.prices(table), problems.all());
    }
}
