package dev.threeam.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.config.Config;
import dev.threeam.config.Setting;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks a deployment's variables against {@link Config#SETTINGS}. */
final class SettingNames {

    static final Set<String> SETTINGS = Config.SETTINGS.stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));

    private SettingNames() {
    }

    /** Every name is one 3am reads, or one the example runbooks reference as {@code ${NAME}}. */
    static void assertSettingsOrRunbookReferences(String where, Collection<String> names) {
        Set<String> runbookReferences = DeployFiles.runbookReferences();
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(SETTINGS);
        unknown.removeAll(runbookReferences);
        assertThat(unknown).as(where + " names variables that are neither Config settings " + SETTINGS
                + " nor runbook references " + runbookReferences).isEmpty();
    }

    /** What production mode cannot start without: every required setting, and one of each either-or group. */
    static void assertProvidesProduction(String where, Collection<String> provided) {
        List<String> required = Config.SETTINGS.stream().filter(s -> s.need() == Setting.Need.PRODUCTION).map(Setting::name).toList();
        assertThat(provided).as(where + ": settings production mode requires").containsAll(required);
        List<String> oneOf = Config.SETTINGS.stream().filter(s -> s.need() == Setting.Need.PRODUCTION_ONE_OF).map(Setting::name).toList();
        assertThat(provided).as(where + ": one of " + oneOf).containsAnyElementsOf(oneOf);
    }
}
