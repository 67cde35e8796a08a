package dev.threeam.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.ThreeAmException;
import dev.threeam.action.AuthorizationTest.CountingDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import dev.threeam.testing.MutableClock;
import org.junit.jupiter.api.Test;

class CachedUserGroupDirectoryTest {


    private final CountingDirectory slack = new CountingDirectory();
    private final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    private final CachedUserGroupDirectory cached = new CachedUserGroupDirectory(slack, Duration.ofSeconds(60), clock);

    @Test
    void repeated_presses_within_the_ttl_ask_slack_once_per_group() {
        Authorization authorization = new Authorization(cached);

        for (int press = 0; press < 5; press++) {
            authorization.allowed("U0MALLORY", List.of("S0MLONCALL", "S0LEGAL"));
        }
        assertThat(authorization.allowed("U0LAWYER", List.of("S0LEGAL"))).isTrue();

        assertThat(slack.lookups("S0MLONCALL")).isEqualTo(1);
        assertThat(slack.lookups("S0LEGAL")).isEqualTo(1);
    }

    @Test
    void members_are_asked_again_once_the_ttl_has_passed() {
        cached.members("S0MLONCALL");
        slack.groups.put("S0MLONCALL", Set.of("U0CAROL"));

        clock.advance(Duration.ofSeconds(59));
        assertThat(cached.members("S0MLONCALL")).containsExactlyInAnyOrder("U0ALICE", "U0BOB");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.members("S0MLONCALL")).containsExactly("U0CAROL");

        assertThat(slack.lookups("S0MLONCALL")).isEqualTo(2);
    }

    @Test
    void a_failed_refresh_keeps_the_last_known_members() {
        cached.members("S0MLONCALL");
        clock.advance(Duration.ofMinutes(5));
        slack.failing = true;

        assertThat(cached.members("S0MLONCALL")).containsExactlyInAnyOrder("U0ALICE", "U0BOB");
    }

    @Test
    void a_failed_first_lookup_is_not_cached() {
        slack.failing = true;
        assertThatThrownBy(() -> cached.members("S0LEGAL")).isInstanceOf(ThreeAmException.class);

        slack.failing = false;
        assertThat(cached.members("S0LEGAL")).containsExactly("U0LAWYER");
        assertThat(slack.lookups("S0LEGAL")).isEqualTo(2);
    }

    @Test
    void invalidate_all_forgets_every_group() {
        cached.members("S0LEGAL");
        cached.invalidateAll();
        cached.members("S0LEGAL");

        assertThat(slack.lookups("S0LEGAL")).isEqualTo(2);
    }
}
