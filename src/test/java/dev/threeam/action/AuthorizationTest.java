package dev.threeam.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.ThreeAmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

    /** A directory that knows a few groups, counts lookups, and fails for groups it is told to. */
    static final class CountingDirectory implements UserGroupDirectory {
        final Map<String, Set<String>> groups = new HashMap<>(Map.of(
                "S0MLONCALL", Set.of("U0ALICE", "U0BOB"),
                "S0LEGAL", Set.of("U0LAWYER")));
        final Map<String, Integer> lookups = new HashMap<>();
        boolean failing;

        @Override
        public Set<String> members(String groupId) {
            lookups.merge(groupId, 1, Integer::sum);
            if (failing) {
                throw new ThreeAmException("usergroups.users.list: ratelimited");
            }
            return groups.getOrDefault(groupId, Set.of());
        }

        int lookups(String groupId) {
            return lookups.getOrDefault(groupId, 0);
        }
    }

    private final CountingDirectory directory = new CountingDirectory();
    private final Authorization authorization = new Authorization(directory);

    @Test
    void a_listed_user_may_press_without_any_group_lookup() {
        assertThat(authorization.allowed("U0PM1", List.of("S0MLONCALL", "U0PM1"))).isTrue();
        assertThat(directory.lookups).isEmpty();
    }

    @Test
    void a_member_of_a_listed_group_may_press() {
        assertThat(authorization.allowed("U0BOB", List.of("U0PM1", "S0MLONCALL"))).isTrue();
        assertThat(authorization.allowed("W0ENTERPRISE", List.of("W0ENTERPRISE"))).isTrue();
    }

    @Test
    void anyone_else_may_not() {
        assertThat(authorization.allowed("U0MALLORY", List.of("U0PM1", "S0MLONCALL", "S0LEGAL"))).isFalse();
        assertThat(authorization.allowed("U0ALICE", List.of())).isFalse();
    }

    @Test
    void ids_that_are_neither_users_nor_groups_grant_nothing() {
        assertThat(authorization.allowed("everyone", List.of("everyone", "*"))).isFalse();
        assertThat(directory.lookups).isEmpty();
    }

    @Test
    void a_failed_group_lookup_is_reported_rather_than_read_as_no() {
        directory.failing = true;

        assertThatThrownBy(() -> authorization.allowed("U0ALICE", List.of("S0MLONCALL")))
                .isInstanceOf(ThreeAmException.class)
                .hasMessage("could not check membership of user group S0MLONCALL: usergroups.users.list: ratelimited");
        assertThat(authorization.allowed("U0PM1", List.of("S0MLONCALL", "U0PM1"))).isTrue();
    }

    @Test
    void who_may_press_is_one_sentence_with_mentions() {
        assertThat(dev.threeam.slack.SlackText.MENTIONS.render(authorization.whoMay(List.of("U0PM1", "S0MLONCALL"))))
                .isEqualTo("only <@U0PM1> or members of <!subteam^S0MLONCALL> may press this");
        assertThat(dev.threeam.slack.SlackText.MENTIONS.render(authorization.whoMay(List.of("U0PM1"))))
                .isEqualTo("only <@U0PM1> may press this");
        assertThat(dev.threeam.slack.SlackText.MENTIONS.render(authorization.whoMay(List.of("U0A", "U0B", "S0X", "S0Y"))))
                .isEqualTo("only <@U0A>, <@U0B> or members of <!subteam^S0X> or <!subteam^S0Y> may press this");
    }

    @Test
    void who_may_press_never_writes_a_broadcast_mention() {
        assertThat(dev.threeam.slack.SlackText.MENTIONS.render(authorization.whoMay(List.of("!channel", "<!here>", "U0PM1"))))
                .isEqualTo("only <@U0PM1> may press this");
        assertThat(dev.threeam.slack.SlackText.MENTIONS.render(authorization.whoMay(List.of())))
                .isEqualTo("nobody may press this: no user or user group is allowed");
    }
}
