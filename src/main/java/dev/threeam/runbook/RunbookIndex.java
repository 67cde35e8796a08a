package dev.threeam.runbook;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runbooks by lower-cased workflow id and alias, built once per load: finding an alert's runbook is two map lookups
 * per label looked at, not a walk over every runbook (a team with 250 runbooks pays nothing more per alert). A
 * workflow id wins over an alias; among runbooks sharing an alias (the validator warns), the first by id wins.
 */
public final class RunbookIndex {

    public static final RunbookIndex EMPTY = new RunbookIndex(List.of());

    private final List<Runbook> runbooks;
    private final Map<String, Runbook> byId = new HashMap<>();
    private final Map<String, Runbook> byAlias = new HashMap<>();

    public RunbookIndex(List<Runbook> runbooks) {
        this.runbooks = List.copyOf(runbooks);
        for (Runbook runbook : this.runbooks) {
            byId.putIfAbsent(key(runbook.workflow()), runbook);
            runbook.aliases().forEach(alias -> byAlias.putIfAbsent(key(alias), runbook));
        }
    }

    public List<Runbook> runbooks() {
        return runbooks;
    }

    /** The runbook whose workflow id is {@code name} (any case). */
    public Optional<Runbook> byId(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byId.get(key(name)));
    }

    /** The runbook that lists {@code name} among its aliases (any case). */
    public Optional<Runbook> byAlias(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byAlias.get(key(name)));
    }

    /** By id, else by alias. */
    public Optional<Runbook> find(String name) {
        return byId(name).or(() -> byAlias(name));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
